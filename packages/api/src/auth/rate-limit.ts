import { type Kysely, sql } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

/**
 * Throttling with growing delays, not a lock. The first `max` attempts under a key pass; after
 * that each attempt must wait `baseDelayMs`, doubling with every further attempt up to
 * `maxDelayMs`. Attempts made while waiting are refused (429) without being counted, so a
 * flood does not lengthen the wait; a quiet `windowMs` after the wait forgets the key.
 * Nobody can shut an owner out for longer than `maxDelayMs` at a time, and the owner's mailed
 * password link clears the account's key (see account-tokens).
 */
export interface RateLimit {
  key: string;
  /** Attempts that pass without any delay. */
  max: number;
  /** Quiet time after the last wait after which the key is forgotten. */
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

type ThrottleConfig = Pick<
  Config,
  'loginWindowMinutes' | 'loginDelaySeconds' | 'loginMaxDelaySeconds'
>;

/** A limit under `key` with the configured window and delays. */
export function limitOf(config: ThrottleConfig, key: string, max: number): RateLimit {
  return {
    key,
    max,
    windowMs: config.loginWindowMinutes * 60_000,
    baseDelayMs: config.loginDelaySeconds * 1000,
    maxDelayMs: config.loginMaxDelaySeconds * 1000,
  };
}

/** How long after the last counted attempt the next one must wait, with `count` counted. */
export function delayAfter(limit: RateLimit, count: number): number {
  if (count < limit.max) return 0;
  const doublings = Math.min(count - limit.max, 30);
  return Math.min(limit.maxDelayMs, limit.baseDelayMs * 2 ** doublings);
}

interface Row {
  key: string;
  window_start: Date;
  count: number;
}

/**
 * Counts one attempt under every limit, or none when one of them still asks to wait: then it
 * answers the seconds to wait. The rows are locked in key order (one transaction), so attempts
 * from several API processes at once are counted exactly.
 */
export async function hit(
  db: Kysely<DB>,
  limits: readonly RateLimit[],
  now: Date,
): Promise<number | null> {
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    const rows = new Map<string, Row>();
    for (const limit of sorted) {
      await sql`insert into rate_limits (key, window_start, count) values (${limit.key}, ${now}, 0)
        on conflict (key) do nothing`.execute(trx);
      const row = await sql<Row>`select key, window_start, count from rate_limits
        where key = ${limit.key} for update`
        .execute(trx)
        .then((r) => r.rows[0]!);
      rows.set(limit.key, row);
    }
    let waitMs = 0;
    const counts = new Map<string, number>();
    for (const limit of sorted) {
      const row = rows.get(limit.key)!;
      const last = new Date(row.window_start).getTime();
      const delay = delayAfter(limit, row.count);
      const forgotten = now.getTime() - last >= delay + limit.windowMs;
      const count = forgotten ? 0 : row.count;
      // Never more than the delay itself, even if another process's clock ran ahead.
      const remaining = forgotten ? 0 : Math.min(delay, last + delay - now.getTime());
      if (remaining > 0) waitMs = Math.max(waitMs, remaining);
      counts.set(limit.key, count + 1);
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const [key, count] of counts) {
      await trx
        .updateTable('rate_limits')
        .set({ count, window_start: now })
        .where('key', '=', key)
        .execute();
    }
    return null;
  });
}

export async function reset(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Takes back one counted attempt (a login that succeeded): only failures add up. */
export async function refund(db: Kysely<DB>, key: string): Promise<void> {
  await sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`.execute(db);
}

/** Counts an attempt under every limit, or throws 429 with Retry-After while one asks to wait. */
export async function enforce(
  db: Kysely<DB>,
  limits: readonly RateLimit[],
  now: Date,
): Promise<void> {
  const wait = await hit(db, limits, now);
  if (wait !== null) {
    throw new AppError('rate_limited', `Too many attempts. Try again in ${wait} seconds.`, {
      headers: { 'Retry-After': String(wait) },
      extra: { retryAfter: wait },
    });
  }
}
