import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

export interface RateLimit {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Counts one hit in a fixed window stored in the database, so every API process shares the
 * count. Returns the seconds to wait when the limit is exceeded, else null.
 */
export async function hit(db: Kysely<DB>, limit: RateLimit, now: Date): Promise<number | null> {
  const windowStartFloor = new Date(now.getTime() - limit.windowMs);
  // One statement: a concurrent hit from another process cannot be lost.
  const row = await sql<{ count: number; window_start: Date }>`
    insert into rate_limits (key, window_start, count) values (${limit.key}, ${now}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${windowStartFloor} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${windowStartFloor} then ${now} else rate_limits.window_start end
    returning count, window_start`
    .execute(db)
    .then((r) => r.rows[0]!);
  if (row.count <= limit.max) return null;
  const resetAt = new Date(row.window_start).getTime() + limit.windowMs;
  return Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000));
}

export async function reset(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Hits every limit and throws 429 with Retry-After when one is exceeded. */
export async function enforce(db: Kysely<DB>, limits: RateLimit[], now: Date): Promise<void> {
  let wait: number | null = null;
  for (const limit of limits) {
    const seconds = await hit(db, limit, now);
    if (seconds !== null) wait = Math.max(wait ?? 0, seconds);
  }
  if (wait !== null) {
    throw new AppError('rate_limited', `Too many attempts. Try again in ${wait} seconds.`, {
      headers: { 'Retry-After': String(wait) },
      extra: { retryAfter: wait },
    });
  }
}
