import {
  allowedEvents,
  type Facts,
  type PersistedSnapshot,
  ROLE_WORDS,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import { actorFor } from '../applications/applications.access';
import {
  type ApplicationRecord,
  findApplication,
  insertHistory,
} from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import type { DB } from '../db/schema';
import { stateTagged } from '../definitions/state-tags';
import { AppError, refusedIn } from '../errors';
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

/** Claiming is for the queue roles but one (`mayClaim`): said in words, not role codes. */
function approverDoesNotClaim(): AppError {
  const { approver } = ROLE_WORDS;
  return refusedIn('forbidden', {
    nl: `${capital(approver.nl)} beslist over voorstellen en pakt zelf geen aanvragen op.`,
    en: `${capital(approver.en)} decides on proposals and does not claim applications.`,
  });
}

/** Another's claim is given back by that person or an administrator; `name`: who holds it. */
function onlyAssigneeReleases(name: string | undefined): AppError {
  const admin = ROLE_WORDS.admin;
  return refusedIn('forbidden', {
    nl:
      `${name ?? 'Een collega'} behandelt deze aanvraag. Alleen die of ${admin.nl} kan haar ` +
      'loslaten; neem haar over als u er zelf mee verder wilt.',
    en:
      `${name ?? 'A colleague'} is handling this application. Only they or ${admin.en} can ` +
      'release it; take it over if you want to carry on with it yourself.',
  });
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

async function assigneeName(db: Transaction<DB>, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

export async function claim(deps: Deps, user: SessionUser, id: string): Promise<Assignment> {
  if (!isUuid(id)) throw notFound();
  if (!mayClaim(user)) {
    throw approverDoesNotClaim();
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    // Locked: two assessors claiming at once cannot both win.
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw notFound();
    await refuseClosed(trx, app);
    if (app.assignee_id && app.assignee_id !== user.id) {
      throw claimedBy(app.assignee_id, await assigneeName(trx, app.assignee_id));
    }
    await trx
      .updateTable('applications')
      .set({ assignee_id: user.id, assigned_at: now })
      .where('id', '=', id)
      .execute();
    // Recorded when the case was nobody's: claiming one's own case again changes nothing.
    if (!app.assignee_id) {
      await recordShellEvent(trx, app, user, SHELL_EVENTS.assigned, now, { how: 'claim' });
    }
    return {
      id: app.id,
      reference: app.reference,
      assignee: { id: user.id, name: user.name },
      assignedAt: now.toISOString(),
    };
  });
}

export async function release(deps: Deps, user: SessionUser, id: string): Promise<Assignment> {
  if (!isUuid(id)) throw notFound();
  const existing = await findApplication(deps.db, id);
  if (!existing) throw notFound();
  if (existing.assignee_id && existing.assignee_id !== user.id && !user.roles.includes('admin')) {
    const name = (
      await deps.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', existing.assignee_id)
        .executeTakeFirst()
    )?.name;
    throw onlyAssigneeReleases(name);
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
    throw approverDoesNotClaim();
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw notFound();
    await refuseClosed(trx, app);
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

/**
 * A case its definition has closed (a final state, tagged `closed`: contract C3) is not taken on:
 * there is nothing left to handle. 409, in the reader's words.
 */
async function refuseClosed(
  trx: Transaction<DB>,
  app: Pick<ApplicationRecord, 'id' | 'reference'>,
): Promise<void> {
  const closed = await trx
    .selectFrom('applications as a')
    .select('a.id')
    .where('a.id', '=', app.id)
    .where(stateTagged('closed'))
    .executeTakeFirst();
  if (!closed) return;
  const text = {
    nl: `De aanvraag ${app.reference} is afgehandeld: er is niets meer om op te pakken.`,
    en: `Application ${app.reference} has been closed: there is nothing left to take on.`,
  };
  throw new AppError('event_not_allowed', `${text.en} A closed case cannot be claimed.`, {
    invalidParams: [{ name: 'state', reason: text.en, text }],
  });
}

/**
 * A staff member who takes a step in handling an unassigned case becomes its handler, in the
 * step's transaction, with a history row as a claim writes; the step's own write statement sets
 * the assignee (applications.statements.ts `assignTo`), so the row is written once. Only the one who handles cases does
 * (she holds the assessor role and the definition gives the step to that role): an approver
 * deciding on a proposal does not, nor does anyone take over a case another holds. Answers
 * whether she became the handler.
 */
export async function assignOnStep(
  trx: Transaction<DB>,
  args: {
    app: ApplicationRecord;
    user: SessionUser;
    definition: WorkflowDefinition;
    eventType: string;
    now: Date;
  },
): Promise<boolean> {
  const { app, user, definition, eventType, now } = args;
  if (app.assignee_id || !user.roles.includes('assessor')) return false;
  const roles: readonly string[] = definition.events[eventType]?.roles ?? [];
  if (!roles.includes('assessor')) return false;
  // The application is locked (FOR UPDATE) with this transaction: nobody assigns it meanwhile.
  await recordShellEvent(trx, app, user, SHELL_EVENTS.assigned, now, {
    how: 'step',
    event: eventType,
  });
  return true;
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
