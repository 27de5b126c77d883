import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Stable JSON: object keys sorted, so the same body hashes the same however it was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path, canonical(body ?? null)]))
    .digest('hex');
}

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

/** Validates an Idempotency-Key header value (visible ASCII, at most 200 characters). */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_RE.test(key)) {
    throw new AppError(
      'malformed_request',
      'Idempotency-Key must be 1-200 visible ASCII characters.',
    );
  }
  return key;
}

/**
 * Serialises requests with the same key (transaction-scoped advisory lock), then returns the
 * stored response of an earlier one: the same request replays it, another request is refused.
 */
export async function lockAndFindIdempotent(
  trx: Transaction<DB>,
  userId: string,
  key: string,
  hash: string,
): Promise<StoredResponse | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`idem:${userId}:${key}`}, 0))`.execute(
    trx,
  );
  const row = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'headers', 'body'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    throw new AppError(
      'idempotency_mismatch',
      'This Idempotency-Key was used before with a different request.',
    );
  }
  return { status: row.status, headers: row.headers, body: row.body };
}

export async function storeIdempotent(
  trx: Transaction<DB>,
  userId: string,
  key: string,
  hash: string,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: userId,
      key,
      request_hash: hash,
      status: response.status,
      headers: JSON.stringify(response.headers),
      body: JSON.stringify(response.body ?? null),
      created_at: now,
    })
    .execute();
}
