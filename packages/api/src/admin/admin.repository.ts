import { type Kysely, sql, type Transaction } from 'kysely';
import type { User } from '../auth/auth.table';
import type { DB } from '../db/schema';
import { matchesEveryWord } from '../users/users.repository';
import type { AccountAction } from './admin.table';

type Db = Kysely<DB> | Transaction<DB>;

export function recordAccountChange(
  db: Db,
  entry: {
    actorId: string;
    targetId: string;
    action: AccountAction;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<unknown> {
  return db
    .insertInto('account_audit')
    .values({
      actor_id: entry.actorId,
      target_id: entry.targetId,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      at: entry.at,
    })
    .execute();
}

/** Accounts with at least one role besides `applicant`, or matching `q` (name, e-mail, postcode). */
export function listAccounts(db: Db, options: { q?: string; limit: number }): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('name').orderBy('id').limit(options.limit);
  const q = options.q?.trim();
  if (q) {
    // The same search as the desk's: every word, whatever its case and diacritics.
    query = query.where(matchesEveryWord(q));
  } else {
    query = query.where(sql<boolean>`roles <> array['applicant']::text[]`);
  }
  return query.execute();
}

export function listAccountAudit(db: Db, options: { targetId?: string; limit: number }) {
  let query = db
    .selectFrom('account_audit as a')
    .innerJoin('users as actor', 'actor.id', 'a.actor_id')
    .innerJoin('users as target', 'target.id', 'a.target_id')
    .select([
      'a.id',
      'a.action',
      'a.details',
      'a.at',
      'a.actor_id',
      'actor.name as actor_name',
      'a.target_id',
      'target.name as target_name',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.targetId) query = query.where('a.target_id', '=', options.targetId);
  return query.execute();
}
