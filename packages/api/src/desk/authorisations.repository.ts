import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Whether the resident authorised this user to act on this application (and did not revoke). */
export async function isAgent(db: Db, applicationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('authorisations')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('agent_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return !!row;
}
