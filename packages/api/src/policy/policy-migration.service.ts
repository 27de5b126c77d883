import {
  EngineError,
  type LocalizedText,
  MIGRATE_EVENT,
  type MigrationExplanation,
  type MigrationResult,
  migrate,
  migrationTarget,
  type PersistedSnapshot,
  stateLabel,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import { persistStepResult } from '../applications/applications.command';
import {
  type ApplicationRecord,
  findApplicationWithRegulation,
} from '../applications/applications.repository';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { factsFor, type Regulation } from '../regulations/regulations.repository';
import { firedInStay } from '../timers/timers.repository';
import { withPolicyTables } from './policy.table';

type Db = Kysely<DB> | Transaction<DB>;

export { MIGRATE_EVENT };

export interface MigrationRequest {
  fromVersion: number;
  toVersion: number;
  /** old state -> state in the new version, for states that were renamed, removed or regrouped. */
  stateMap?: Record<string, string>;
  /** Only these applications (default: every running one on `fromVersion`). */
  applicationIds?: string[];
  /** Recompute running deadlines with the new version's rules (default: they keep their dates). */
  applyNewRules?: boolean;
}

export type MigrationOutcome = 'same_state' | 'mapped' | 'stranded';

export interface MigrationItem {
  applicationId: string;
  reference: string;
  title: string;
  district: string;
  fromState: string;
  fromLabel: LocalizedText;
  /** null when stranded. */
  toState: string | null;
  toLabel: LocalizedText | null;
  outcome: MigrationOutcome;
  /** Why it cannot move (stranded), in words. */
  reason: LocalizedText | null;
  /** Events the application would accept after the migration that it does not now, and vice versa. */
  events: { added: string[]; removed: string[] };
  deadlines: MigrationExplanation['deadlines'];
  budget: MigrationExplanation['budget'] | null;
  /**
   * Form fields the target version lacks, and answers it no longer offers as a choice: taken out
   * of the data, kept in the history.
   */
  droppedFields: MigrationExplanation['droppedFields'];
  /**
   * Questions the target version requires that the application does not answer: it moves all
   * the same; each says who is asked for the answer when, if anyone is.
   */
  missingAnswers: MigrationExplanation['missingAnswers'];
  /** Everything that happens to it, sentence by sentence. */
  text: LocalizedText[];
}

export interface MigrationPlan {
  key: string;
  fromVersion: number;
  toVersion: number;
  stateMap: Record<string, string>;
  applyNewRules: boolean;
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
  locale: 'nl' | 'en',
): void {
  if (req.toVersion <= req.fromVersion) {
    throw new AppError('validation_failed', 'Applications move to a newer version only.', {
      invalidParams: [{ name: 'toVersion', reason: `must be more than ${req.fromVersion}` }],
    });
  }
  const invalid: { name: string; reason: string }[] = [];
  for (const [old, target] of Object.entries(req.stateMap ?? {})) {
    if (!Object.hasOwn(from.states, old)) {
      invalid.push({ name: `stateMap.${old}`, reason: `v${req.fromVersion} has no state ${old}` });
      continue;
    }
    const place = migrationTarget(from, to, old, { [old]: target });
    if (!place.ok) invalid.push({ name: `stateMap.${old}`, reason: place.reason[locale] });
  }
  if (invalid.length > 0)
    throw new AppError(
      'validation_failed',
      'The state map names states an application cannot go to.',
      {
        invalidParams: invalid,
      },
    );
}

function eventsOf(def: WorkflowDefinition, state: string | null): string[] {
  return state ? Object.keys(def.states[state]?.on ?? {}) : [];
}

interface Loaded {
  app: ApplicationRecord;
  regulation: Regulation;
  people: NonNullable<Awaited<ReturnType<typeof findApplicationWithRegulation>>>['people'];
  timers: { timer_key: string; event: string; due_at: Date | string }[];
  /** Its state's timers that already went off in this stay: not scheduled again (firedInStay). */
  fired: Awaited<ReturnType<typeof firedInStay>>;
}

/** The one computation behind both the dry run and the migration: the engine's migrate(). */
function planOne(
  loaded: Loaded,
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  req: MigrationRequest,
  user: SessionUser,
  now: Date,
): { item: MigrationItem; result: MigrationResult | null } {
  const { app } = loaded;
  const stateMap = req.stateMap ?? {};
  const base = {
    applicationId: app.id,
    reference: app.reference,
    title: app.title,
    district: app.district,
    fromState: app.state,
    fromLabel: stateLabel(from, app.state),
  };
  const place = migrationTarget(from, to, app.state, stateMap);
  if (!place.ok) {
    return {
      item: {
        ...base,
        toState: null,
        toLabel: null,
        outcome: 'stranded',
        reason: place.reason,
        events: { added: [], removed: eventsOf(from, app.state) },
        deadlines: [],
        budget: null,
        droppedFields: [],
        missingAnswers: [],
        text: [place.reason],
      },
      result: null,
    };
  }
  const result = migrate(from, to, app.snapshot as PersistedSnapshot, stateMap, {
    now,
    actor: { id: user.id, roles: user.roles },
    actorName: user.name,
    facts: factsFor(loaded.regulation),
    timers: loaded.timers.map((t) => ({
      timerId: t.timer_key,
      event: t.event,
      dueAt: new Date(t.due_at).toISOString(),
    })),
    firedTimers: loaded.fired.map((t) => ({
      timerId: t.timer_key,
      event: t.event,
      dueAt: new Date(t.due_at).toISOString(),
      firedAt: new Date(t.finished_at).toISOString(),
    })),
    applyNewRules: req.applyNewRules === true,
  });
  const before = eventsOf(from, app.state);
  const after = eventsOf(to, result.state);
  return {
    item: {
      ...base,
      toState: result.state,
      toLabel: result.explanation.stateAfter.label,
      outcome: result.state !== app.state ? 'mapped' : 'same_state',
      reason: null,
      events: {
        added: after.filter((e) => !before.includes(e)),
        removed: before.filter((e) => !after.includes(e)),
      },
      deadlines: result.explanation.deadlines,
      budget: result.explanation.budget,
      droppedFields: result.explanation.droppedFields,
      missingAnswers: result.explanation.missingAnswers,
      text: result.explanation.text,
    },
    result,
  };
}

async function runningApplications(
  db: Db,
  key: string,
  version: number,
  ids: string[] | undefined,
  forUpdate: boolean,
): Promise<Loaded[]> {
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
  const out: Loaded[] = [];
  for (const r of rows) {
    const found = await findApplicationWithRegulation(db, r.id, { forUpdate });
    if (!found) continue;
    const timers = await db
      .selectFrom('timers')
      .select(['timer_key', 'event', 'due_at'])
      .where('application_id', '=', r.id)
      .where('status', '=', 'pending')
      .orderBy('due_at')
      .execute();
    const fired = await firedInStay(db, r.id);
    out.push({ ...found, timers, fired });
  }
  return out;
}

async function buildPlan(
  db: Db,
  key: string,
  req: MigrationRequest,
  user: SessionUser,
  now: Date,
  forUpdate: boolean,
) {
  const from = await definitionFor(db, key, req.fromVersion, 'from');
  const to = await definitionFor(db, key, req.toVersion, 'to');
  checkRequest(req, from, to, user.locale);
  const loaded = await runningApplications(db, key, req.fromVersion, req.applicationIds, forUpdate);
  const planned = loaded.map((l) => ({ loaded: l, ...planOne(l, from, to, req, user, now) }));
  const items = planned.map((p) => p.item);
  const count = (o: MigrationOutcome) => items.filter((i) => i.outcome === o).length;
  const plan: MigrationPlan = {
    key,
    fromVersion: req.fromVersion,
    toVersion: req.toVersion,
    stateMap: req.stateMap ?? {},
    applyNewRules: req.applyNewRules === true,
    items,
    summary: {
      total: items.length,
      sameState: count('same_state'),
      mapped: count('mapped'),
      stranded: count('stranded'),
    },
  };
  return { plan, planned, to };
}

/** What a migration would do, per application and in words; changes nothing. */
export async function dryRunMigration(
  db: Db,
  key: string,
  req: MigrationRequest,
  user: SessionUser,
  now: Date,
): Promise<MigrationPlan> {
  return (await buildPlan(db, key, req, user, now, false)).plan;
}

/**
 * Moves running applications to a newer version in one transaction, each through the command
 * path (persistStepResult): snapshot and pinned version, history, timers, budget, outbox.
 * Refused as a whole when any application would be stranded.
 */
export async function applyMigration(
  db: Kysely<DB>,
  key: string,
  req: MigrationRequest,
  user: SessionUser,
  now: Date,
): Promise<MigrationPlan & { migrationId: string }> {
  return db.transaction().execute(async (trx) => {
    const { plan, planned, to } = await buildPlan(trx, key, req, user, now, true);
    const stranded = plan.items.filter((i) => i.outcome === 'stranded');
    if (stranded.length > 0) {
      throw new AppError(
        'conflict',
        `${stranded.length} application(s) cannot move to v${req.toVersion}: their state has no place of the same kind there. Map those states or leave them on v${req.fromVersion}.`,
        {
          extra: {
            stranded: stranded.map((s) => ({
              applicationId: s.applicationId,
              reference: s.reference,
              state: s.fromState,
              reason: s.reason,
            })),
          },
        },
      );
    }
    for (const p of planned) {
      if (!p.result) throw new EngineError('unknown_state', 'no migration result');
      await persistStepResult(trx, {
        app: p.loaded.app,
        definition: to,
        regulation: p.loaded.regulation,
        actor: { id: user.id, roles: user.roles },
        onBehalfOf: null,
        now,
        people: p.loaded.people,
        result: p.result,
        definitionVersion: req.toVersion,
      });
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
