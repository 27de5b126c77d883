import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** Never a real value: the input boundary refuses NUL in every string that comes in. */
const STAND_IN = '\u0000compiled-once:';

/**
 * A statement built and compiled by Kysely once, then run with new values: for the few
 * statements of every request (the session lookup, the command's row lock) whose SQL text does
 * not depend on their values, only on their shape. Kysely's builder and compiler were an eighth
 * of the server's time per command (docs/benchmarks.md).
 *
 * `build` gets a stand-in string for each value; every parameter of the compiled statement must
 * be one of them (checked at the first call, so a statement that inlines a value of its own
 * fails at once instead of running with a stale one). Both database kinds compile with
 * Kysely's PostgreSQL compiler, so one compiled text serves every handle and transaction.
 */
export function compiledOnce<R>(
  build: (db: Kysely<DB>, ...values: string[]) => Compilable<R>,
): (db: Kysely<DB> | Transaction<DB>, ...values: string[]) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  let slots: number[] = [];
  return async (db, ...values) => {
    if (!compiled) {
      const standIns = values.map((_, i) => `${STAND_IN}${i}`);
      const fresh = build(db as Kysely<DB>, ...standIns).compile();
      const found = fresh.parameters.map((p) => standIns.indexOf(p as string));
      if (found.some((i) => i < 0)) {
        throw new Error(`compiledOnce: a value that is not a stand-in in: ${fresh.sql}`);
      }
      compiled = fresh;
      slots = found;
    }
    const { rows } = await db.executeQuery<R>({
      ...compiled,
      parameters: slots.map((i) => values[i]),
    });
    return rows;
  };
}
