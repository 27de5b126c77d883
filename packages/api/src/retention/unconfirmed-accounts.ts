import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

const DAY_MS = 86_400_000;

/**
 * Deletes registrations whose owner never followed the confirmation link: their name, e-mail
 * address and password hash were never anyone's data to keep. An account is deleted once it has
 * been waiting `days` days, with its links, sessions and the account mails sent to it; one that
 * anything refers to (an application, a mandate, a supporter's confirmation, an administrator's change) is kept. One account
 * per transaction under SKIP LOCKED, so a confirmation at the same moment wins or waits.
 * Returns how many were deleted.
 */
export async function deleteUnconfirmedAccounts(
  db: Kysely<DB>,
  now: Date,
  options: { days: number; batchSize: number },
): Promise<number> {
  if (options.days <= 0) return 0;
  const registeredBefore = new Date(now.getTime() - options.days * DAY_MS);
  let deleted = 0;
  for (let i = 0; i < options.batchSize; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const account = await trx
        .selectFrom('users as u')
        .select(['u.id', 'u.email'])
        .where('u.confirmation_pending', '=', true)
        .where('u.created_at', '<=', registeredBefore)
        .where(({ exists, not, or, selectFrom }) =>
          not(
            or([
              exists(
                selectFrom('applications as a')
                  .select(sql.lit(1).as('one'))
                  .where((eb) =>
                    eb.or([
                      eb('a.applicant_id', '=', eb.ref('u.id')),
                      eb('a.created_by', '=', eb.ref('u.id')),
                    ]),
                  ),
              ),
              exists(
                selectFrom('authorisations as m')
                  .select(sql.lit(1).as('one'))
                  .where((eb) =>
                    eb.or([
                      eb('m.resident_id', '=', eb.ref('u.id')),
                      eb('m.agent_id', '=', eb.ref('u.id')),
                    ]),
                  ),
              ),
              exists(
                selectFrom('account_audit as x')
                  .select(sql.lit(1).as('one'))
                  .whereRef('x.target_id', '=', 'u.id'),
              ),
              exists(
                selectFrom('supporters as s')
                  .select(sql.lit(1).as('one'))
                  .whereRef('s.confirmed_user_id', '=', 'u.id'),
              ),
            ]),
          ),
        )
        .orderBy('u.created_at')
        .limit(1)
        .forUpdate('u')
        .skipLocked()
        .executeTakeFirst();
      if (!account) return false;
      await trx.deleteFrom('account_tokens').where('user_id', '=', account.id).execute();
      if (account.email) {
        await trx
          .deleteFrom('outbox')
          .where('application_id', 'is', null)
          .where('recipient_email', '=', account.email)
          .where('status', 'in', ['done', 'failed'])
          .execute();
      }
      // Sessions go with the account (on delete cascade); a pending account never had one.
      await trx.deleteFrom('users').where('id', '=', account.id).execute();
      return true;
    });
    if (!done) break;
    deleted++;
  }
  return deleted;
}
