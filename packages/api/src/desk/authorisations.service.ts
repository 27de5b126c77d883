import { findApplication } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import { AppError, refusedIn } from '../errors';
import { recordShellEvent } from '../queue/claims.service';
import { isUuid } from '../regulations/regulations.repository';
import { findUserByEmail } from '../users/users.repository';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
const notFound = () => new AppError('not_found', 'No application with this id.');

async function ownApplication(deps: Deps, user: SessionUser, id: string) {
  if (!isUuid(id)) throw notFound();
  const app = await findApplication(deps.db, id);
  if (!app) throw notFound();
  if (app.applicant_id !== user.id) {
    throw new AppError(
      'forbidden',
      'Only the resident whose application it is authorises someone.',
    );
  }
  return app;
}

export async function listAuthorisations(deps: Deps, user: SessionUser, id: string) {
  await ownApplication(deps, user, id);
  const rows = await deps.db
    .selectFrom('authorisations as a')
    .innerJoin('users as u', 'u.id', 'a.agent_id')
    .select(['a.id', 'a.source', 'a.created_at', 'u.id as agent_id', 'u.name', 'u.email'])
    .where('a.application_id', '=', id)
    .where('a.revoked_at', 'is', null)
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agent: { id: r.agent_id, name: r.name, email: r.email },
    source: r.source,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The resident names someone with an account (by e-mail) to act on this application. */
export async function authorise(deps: Deps, user: SessionUser, id: string, email: string) {
  const app = await ownApplication(deps, user, id);
  // An ended application (a final state: the snapshot is done) takes no new helper; revoking
  // one stays possible, so a resident can still end someone's access to it.
  if ((app.snapshot as { status?: string } | null)?.status === 'done') {
    throw refusedIn('conflict', {
      nl: 'Deze aanvraag is afgesloten: u kunt niemand meer machtigen. Een machtiging intrekken kan wel.',
      en: 'This application is closed: you can no longer authorise anyone. You can still revoke an authorisation.',
    });
  }
  const agent = await findUserByEmail(deps.db, email);
  const noAccount = new AppError('validation_failed', 'No account with this e-mail address.', {
    invalidParams: [
      {
        name: 'email',
        reason: 'no account',
        text: {
          nl: 'Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.',
          en: 'There is no account with this e-mail address. Ask the person to create one first.',
        },
      },
    ],
  });
  if (!agent || agent.deactivated_at || agent.id === user.id) throw noAccount;
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('authorisations')
      .values({ application_id: app.id, resident_id: user.id, agent_id: agent.id, created_at: now })
      .onConflict((oc) =>
        oc.columns(['application_id', 'agent_id']).where('revoked_at', 'is', null).doNothing(),
      )
      .returning(['id'])
      .executeTakeFirst();
    if (row) {
      await recordShellEvent(trx, app, user, SHELL_EVENTS.authorised, now, {
        agent: { id: agent.id, name: agent.name },
      });
    }
    return { agent: { id: agent.id, name: agent.name, email: agent.email } };
  });
}

export async function revokeAuthorisation(
  deps: Deps,
  user: SessionUser,
  id: string,
  authorisationId: string,
) {
  await ownApplication(deps, user, id);
  if (!isUuid(authorisationId)) throw new AppError('not_found', 'No such authorisation.');
  const row = await deps.db
    .updateTable('authorisations')
    .set({ revoked_at: deps.clock() })
    .where('id', '=', authorisationId)
    .where('application_id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such authorisation.');
}
