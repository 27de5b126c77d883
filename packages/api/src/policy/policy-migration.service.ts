import {
  type PersistedSnapshot,
  timerEventType,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import { columnsOf } from '../applications/applications.command';
import {
  type ApplicationRecord,
  findApplication,
  insertHistory,
  updateApplication,
} from '../applications/applications.repository';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { withPolicyTables } from './policy.table';

type Db = Kysely<DB> | Transaction<DB>;

/** The history event of a migration (application_history.event). */
export const MIGRATE_EVENT = 'MIGRATE_DEFINITION';

export interface MigrationRequest {
  fromVersion: number;
  toVersion: number;
  /** old state -> state in the new version, for states that were renamed or removed. */
  stateMap?: Record<string, string>;
  /** Only these applications (default: every running one on `fromVersion`). */
  applicationIds?: string[];
}

export type MigrationOutcome = 'same_state' | 'mapped' | 'stranded';

export interface MigrationItem {
  applicationId: string;
  reference: string;
  title: string;
  district: string;
  fromState: string;
  /** null when stranded. */
  toState: string | null;
  outcome: MigrationOutcome;
  reason: string | null;
  /** Events the application would accept after the migration that it does not now, and vice versa. */
  events: { added: string[]; removed: string[] };
  timers: {
    kept: string[];
    /** Pending timers the new state has no after-transition for: cancelled. */
    cancelled: string[];
    /** After-transitions of the new state with no pending timer: they start when the state is entered again. */
    notScheduled: string[];
    /** Kept timers whose delay rule changed: they keep their due time. */
    ruleChanged: string[];
  };
}

export interface MigrationPlan {
  key: string;
  fromVersion: number;
  toVersion: number;
  stateMap: Record<string, string>;
  items: MigrationItem[];
  summary: { total: number; sameState: number; mapped: number; stranded: number };
}

async function definitionFor(db: Db, key: string, version: number, role: 'from' | 'to') {
  const row = await db
    .selectFrom('workflow_definitions')
    .select('status')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} v${version}.`);
  if (role === 'to' && row.status !== 'published') {
    throw new AppError(
      'conflict',
      `Applications can only move to a published version; ${key} v${version} is ${row.status}.`,
    );
  }
  return loadDefinition(db, key, version);
}

function checkRequest(
  req: MigrationRequest,
  from: WorkflowDefinition,
  to: WorkflowDefinition,
): void {
  if (req.toVersion <= req.fromVersion) {
    throw new AppError('validation_failed', 'Applications move to a newer version only.', {
      invalidParams: [{ name: 'toVersion', reason: `must be more than ${req.fromVersion}` }],
    });
  }
  const invalid: { name: string; reason: string }[] = [];
  for (const [old, target] of Object.entries(req.stateMap ?? {})) {
    if (!Object.hasOwn(from.states, old))
      invalid.push({ name: `stateMap.${old}`, reason: `v${req.fromVersion} has no state ${old}` });
    if (!Object.hasOwn(to.states, target))
      invalid.push({
        name: `stateMap.${old}`,
        reason: `v${req.toVersion} has no state ${target}`,
      });
  }
  if (invalid.length > 0)
    throw new AppError('validation_failed', 'The state map names unknown states.', {
      invalidParams: invalid,
    });
}

function eventsOf(def: WorkflowDefinition, state: string): string[] {
  return Object.keys(def.states[state]?.on ?? {});
}

function timerEventsOf(def: WorkflowDefinition, state: string): Map<string, string> {
  return new Map(
    Object.keys(def.states[state]?.after ?? {}).map((d) => [timerEventType(def, state, d), d]),
  );
}

function planOne(
  app: ApplicationRecord,
  pending: { timer_key: string; event: string }[],
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  stateMap: Record<string, string>,
): MigrationItem {
  const mapped = stateMap[app.state];
  const target = mapped ?? (Object.hasOwn(to.states, app.state) ? app.state : null);
  const base = {
    applicationId: app.id,
    reference: app.reference,
    title: app.title,
    district: app.district,
    fromState: app.state,
  };
  if (target === null) {
    return {
      ...base,
      toState: null,
      outcome: 'stranded',
      reason: `v${to.version} has no state ${app.state} and the state map does not say where it goes`,
      events: { added: [], removed: eventsOf(from, app.state) },
      timers: {
        kept: [],
        cancelled: pending.map((t) => t.event),
        notScheduled: [],
        ruleChanged: [],
      },
    };
  }
  const before = eventsOf(from, app.state);
  const after = eventsOf(to, target);
  const newTimers = timerEventsOf(to, target);
  const kept: string[] = [];
  const cancelled: string[] = [];
  const ruleChanged: string[] = [];
  for (const t of pending) {
    const delay = newTimers.get(t.event);
    if (delay === undefined) {
      cancelled.push(t.event);
      continue;
    }
    kept.push(t.event);
    if (JSON.stringify(from.delays[delay]) !== JSON.stringify(to.delays[delay]))
      ruleChanged.push(t.event);
  }
  const pendingEvents = new Set(pending.map((t) => t.event));
  return {
    ...base,
    toState: target,
    outcome: mapped !== undefined && mapped !== app.state ? 'mapped' : 'same_state',
    reason: null,
    events: {
      added: after.filter((e) => !before.includes(e)),
      removed: before.filter((e) => !after.includes(e)),
    },
    timers: {
      kept,
      cancelled,
      notScheduled: [...newTimers.keys()].filter((e) => !pendingEvents.has(e)),
      ruleChanged,
    },
  };
}

async function runningApplications(
  db: Db,
  key: string,
  version: number,
  ids: string[] | undefined,
  forUpdate: boolean,
): Promise<ApplicationRecord[]> {
  let q = db
    .selectFrom('applications')
    .select('id')
    .where('definition_key', '=', key)
    .where('definition_version', '=', version)
    // Finished applications stay on the version they finished on.
    .where(sql<boolean>`snapshot->>'status' = 'active'`)
    .orderBy('created_at')
    .orderBy('id');
  if (ids) q = q.where('id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.execute();
  const out: ApplicationRecord[] = [];
  for (const r of rows) {
    const app = await findApplication(db, r.id, { forUpdate });
    if (app) out.push(app);
  }
  return out;
}

async function buildPlan(
  db: Db,
  key: string,
  req: MigrationRequest,
  forUpdate: boolean,
): Promise<{ plan: MigrationPlan; apps: ApplicationRecord[]; to: WorkflowDefinition }> {
  const from = await definitionFor(db, key, req.fromVersion, 'from');
  const to = await definitionFor(db, key, req.toVersion, 'to');
  checkRequest(req, from, to);
  const stateMap = req.stateMap ?? {};
  const apps = await runningApplications(db, key, req.fromVersion, req.applicationIds, forUpdate);
  const timers =
    apps.length === 0
      ? []
      : await db
          .selectFrom('timers')
          .select(['application_id', 'timer_key', 'event'])
          .where(
            'application_id',
            'in',
            apps.map((a) => a.id),
          )
          .where('status', '=', 'pending')
          .execute();
  const items = apps.map((app) =>
    planOne(
      app,
      timers.filter((t) => t.application_id === app.id),
      from,
      to,
      stateMap,
    ),
  );
  const count = (o: MigrationOutcome) => items.filter((i) => i.outcome === o).length;
  return {
    plan: {
      key,
      fromVersion: req.fromVersion,
      toVersion: req.toVersion,
      stateMap,
      items,
      summary: {
        total: items.length,
        sameState: count('same_state'),
        mapped: count('mapped'),
        stranded: count('stranded'),
      },
    },
    apps,
    to,
  };
}

/** What a migration would do, per application; changes nothing. */
export async function dryRunMigration(
  db: Db,
  key: string,
  req: MigrationRequest,
): Promise<MigrationPlan> {
  return (await buildPlan(db, key, req, false)).plan;
}

/**
 * Moves running applications to a newer version in one transaction: the snapshot's state (as
 * mapped), the pinned version, a history row per application, timers the new state does not
 * know cancelled. Refused as a whole when any application would be stranded.
 */
export async function applyMigration(
  db: Kysely<DB>,
  key: string,
  req: MigrationRequest,
  user: SessionUser,
  now: Date,
): Promise<MigrationPlan & { migrationId: string }> {
  return db.transaction().execute(async (trx) => {
    const { plan, apps, to } = await buildPlan(trx, key, req, true);
    const stranded = plan.items.filter((i) => i.outcome === 'stranded');
    if (stranded.length > 0) {
      throw new AppError(
        'conflict',
        `${stranded.length} application(s) would be stranded: their state does not exist in v${req.toVersion}. Map those states or leave them on v${req.fromVersion}.`,
        {
          extra: {
            stranded: stranded.map((s) => ({
              applicationId: s.applicationId,
              reference: s.reference,
              state: s.fromState,
            })),
          },
        },
      );
    }
    const byId = new Map(apps.map((a) => [a.id, a]));
    for (const item of plan.items) {
      const app = byId.get(item.applicationId)!;
      const toState = item.toState!;
      const old = app.snapshot as PersistedSnapshot;
      const snapshot = { ...old, value: toState } as PersistedSnapshot;
      const columns = {
        ...columnsOf(to, snapshot, toState, now, app.submitted_at),
        district: app.district,
      };
      await updateApplication(trx, app.id, app.version, { ...columns, now });
      await trx
        .updateTable('applications')
        .set({ definition_version: req.toVersion })
        .where('id', '=', app.id)
        .execute();
      await insertHistory(trx, {
        applicationId: app.id,
        event: MIGRATE_EVENT,
        fromState: app.state,
        toState,
        actorId: user.id,
        actorRoles: user.roles,
        onBehalfOf: null,
        payload: {
          definitionKey: key,
          fromVersion: req.fromVersion,
          toVersion: req.toVersion,
          timersCancelled: item.timers.cancelled,
        },
        at: now,
      });
      if (item.timers.cancelled.length > 0) {
        await trx
          .updateTable('timers')
          .set({ status: 'cancelled', finished_at: now })
          .where('application_id', '=', app.id)
          .where('status', '=', 'pending')
          .where('event', 'in', item.timers.cancelled)
          .execute();
      }
    }
    const row = await withPolicyTables(trx)
      .insertInto('definition_migrations')
      .values({
        key,
        from_version: req.fromVersion,
        to_version: req.toVersion,
        state_map: JSON.stringify(plan.stateMap),
        application_ids: sql<string[]>`${sql.val(plan.items.map((i) => i.applicationId))}::uuid[]`,
        actor_id: user.id,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...plan, migrationId: row.id };
  });
}
