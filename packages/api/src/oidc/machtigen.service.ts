import type { Transaction } from 'kysely';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { DB } from '../db/schema';
import { recordShellEvent } from '../queue/claims.service';

/**
 * DigiD Machtigen through the broker: the person signs in with their own DigiD, and the broker's
 * claims name the resident they act for. That resident's applications get an authorisation of
 * source `machtigen` for the person's own account, so from then on the rules of a resident's own
 * authorisation apply: they act under their own account and the history says on whose behalf.
 * The resident is known here by the keyed hash of her BSN, from her own DigiD sign-in; a resident
 * who never signed in has no applications to act on. Returns whom the person now acts for.
 */
export async function applyMandate(
  trx: Transaction<DB>,
  agentId: string,
  representedBsnHash: string,
  now: Date,
): Promise<{ residentId: string; authorised: number } | null> {
  const resident = await trx
    .selectFrom('external_identities as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.roles'])
    .where('e.provider', '=', 'resident')
    .where('e.bsn_hash', '=', representedBsnHash)
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!resident || resident.id === agentId) return null;
  const applications = await trx
    .selectFrom('applications')
    .select(['id', 'state'])
    .where('applicant_id', '=', resident.id)
    .execute();
  let authorised = 0;
  for (const app of applications) {
    if (await authoriseByMandate(trx, app, resident.id, agentId, now)) authorised += 1;
  }
  return { residentId: resident.id, authorised };
}

/**
 * One application of the resident under the mandate: an authorisation of source `machtigen`
 * for the person (once), and in its history that she gave it. False when it was there already.
 */
export async function authoriseByMandate(
  trx: Transaction<DB>,
  app: { id: string; state: string },
  residentId: string,
  agentId: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .insertInto('authorisations')
    .values({
      application_id: app.id,
      resident_id: residentId,
      agent_id: agentId,
      source: 'machtigen',
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['application_id', 'agent_id']).where('revoked_at', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  const [agent, resident] = await Promise.all([
    trx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '=', agentId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('users')
      .select(['id', 'roles'])
      .where('id', '=', residentId)
      .executeTakeFirstOrThrow(),
  ]);
  // The resident gave the mandate (at DigiD Machtigen); the history says so, like her own.
  await recordShellEvent(trx, app, resident, SHELL_EVENTS.authorised, now, {
    agent: { id: agent.id, name: agent.name },
    source: 'machtigen',
  });
  return true;
}
