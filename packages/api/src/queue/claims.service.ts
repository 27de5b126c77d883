import {
  allowedEvents,
  type Facts,
  type PersistedSnapshot,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { sql, type Transaction } from 'kysely';
import { actorFor } from '../applications/applications.access';
import {
  type ApplicationRecord,
  findApplication,
  insertHistory,
} from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../regulations/regulations.repository';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

const notFound = () => new AppError('not_found', 'No application with this id.');

export interface Assignment {
  id: string;
  reference: string;
  assignee: { id: string; name: string } | null;
  assignedAt: string | null;
}

/** Claiming is for those who assess; an approver decides on proposals and never sits on a case. */
function mayClaim(user: SessionUser): boolean {
  return user.roles.includes('assessor') || user.roles.includes('admin');
}

async function assigneeName(deps: Deps, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await deps.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function claim(deps: Deps, user: SessionUser, id: string): Promise<Assignment> {
  if (!isUuid(id)) throw notFound();
  if (!mayClaim(user)) {
    throw new AppError('forbidden', 'An approver decides on proposals and does not claim cases.');
  }
  const now = deps.clock();
  // One statement: two assessors claiming at once cannot both win.
  const row = await deps.db
    .updateTable('applications')
    .set({ assignee_id: user.id, assigned_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', user.id)]))
    .returning(['id', 'reference', sql<string>`assigned_at`.as('assigned_at')])
    .executeTakeFirst();
  if (!row) {
    const existing = await findApplication(deps.db, id);
    if (!existing) throw notFound();
    throw claimedBy(existing.assignee_id, await assigneeName(deps, existing.assignee_id));
  }
  return {
    id: row.id,
    reference: row.reference,
    assignee: { id: user.id, name: user.name },
    assignedAt: new Date(row.assigned_at).toISOString(),
  };
}

export async function release(deps: Deps, user: SessionUser, id: string): Promise<Assignment> {
  if (!isUuid(id)) throw notFound();
  const existing = await findApplication(deps.db, id);
  if (!existing) throw notFound();
  if (existing.assignee_id && existing.assignee_id !== user.id && !user.roles.includes('admin')) {
    throw new AppError('forbidden', 'Only the assignee (or an admin) releases an application.');
  }
  await deps.db
    .updateTable('applications')
    .set({ assignee_id: null, assigned_at: null })
    .where('id', '=', id)
    .execute();
  return { id: existing.id, reference: existing.reference, assignee: null, assignedAt: null };
}

/** Another assessor takes a claimed case over, explicitly; the history records from whom. */
export async function takeOver(
  deps: Deps,
  user: SessionUser,
  id: string,
  reason: string | undefined,
): Promise<Assignment> {
  if (!isUuid(id)) throw notFound();
  if (!mayClaim(user)) {
    throw new AppError('forbidden', 'An approver decides on proposals and does not claim cases.');
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw notFound();
    const previous = app.assignee_id;
    if (previous !== user.id) {
      await trx
        .updateTable('applications')
        .set({ assignee_id: user.id, assigned_at: now })
        .where('id', '=', id)
        .execute();
      const fromName = previous
        ? ((
            await trx
              .selectFrom('users')
              .select('name')
              .where('id', '=', previous)
              .executeTakeFirst()
          )?.name ?? null)
        : null;
      await recordShellEvent(trx, app, user, SHELL_EVENTS.takeOver, now, {
        from: previous ? { id: previous, name: fromName } : null,
        ...(reason ? { reason } : {}),
      });
    }
    return {
      id: app.id,
      reference: app.reference,
      assignee: { id: user.id, name: user.name },
      assignedAt: now.toISOString(),
    };
  });
}

/** A history row that changes no state: take-overs, contact moments, authorisations. */
export function recordShellEvent(
  trx: Transaction<DB>,
  app: Pick<ApplicationRecord, 'id' | 'state'>,
  user: Pick<SessionUser, 'id' | 'roles'> & { name?: string },
  event: string,
  at: Date,
  payload: Record<string, unknown>,
  onBehalfOf: string | null = null,
) {
  return insertHistory(trx, {
    applicationId: app.id,
    event,
    fromState: app.state,
    toState: app.state,
    actorId: user.id,
    actorName: user.name,
    actorRoles: user.roles,
    onBehalfOf,
    payload,
    at,
  });
}

function claimedBy(assigneeId: string | null, name: string | null): AppError {
  return new AppError(
    'claimed',
    `${name ?? 'Someone else'} is handling this application; take it over first.`,
    { extra: { assignee: assigneeId ? { id: assigneeId, name } : null } },
  );
}

/**
 * A claimed case is acted on by its assignee. Another assessor is refused unless the step is
 * one they may take in another role they hold (an approver's decision is not blocked by the
 * assessor's claim).
 */
export async function assertClaimAllows(
  db: Transaction<DB>,
  args: {
    app: ApplicationRecord;
    user: SessionUser;
    definition: WorkflowDefinition;
    facts: Facts;
    eventType: string;
    now: Date;
  },
): Promise<void> {
  const { app, user } = args;
  if (!app.assignee_id || app.assignee_id === user.id) return;
  if (!user.roles.includes('assessor')) return;
  const actor = actorFor(user, app);
  const without = { ...actor, roles: actor.roles.filter((r) => r !== 'assessor') };
  const snapshot = app.snapshot as PersistedSnapshot;
  const stillAllowed = allowedEvents(args.definition, snapshot, without, args.facts, args.now);
  if (stillAllowed.some((e) => e.type === args.eventType)) return;
  const row = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', app.assignee_id)
    .executeTakeFirst();
  const name = row?.name ?? null;
  throw claimedBy(app.assignee_id, name);
}
