import type { Kysely, Transaction } from 'kysely';
import { isStaff } from '../applications/applications.access';
import type { SessionUser } from '../context';
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

/**
 * Whether this user acts for the applicant of this application: through the resident's own
 * authorisation, or because this session was started through DigiD Machtigen for her. False
 * for the applicant herself and for staff (they reach it on their own), without a query.
 */
export async function actsForApplicant(
  db: Db,
  user: Pick<SessionUser, 'id' | 'roles' | 'actingFor'>,
  app: { id: string; applicant_id: string },
): Promise<boolean> {
  if (app.applicant_id === user.id || isStaff(user)) return false;
  if (user.actingFor?.id === app.applicant_id) return true;
  return isAgent(db, app.id, user.id);
}
