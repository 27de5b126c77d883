import type {
  Actor,
  ApplicationContext,
  Effect,
  Facts,
  LocalizedText,
  PersistedSnapshot,
  StepResult,
} from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { stateLabel } from '../definition/definition.house-rules';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { formatMoney, toAmsterdamDate } from '../legal-clock/calendar';
import { runAction } from '../vocabulary/actions';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { type DroppedField, dataForNewVersion } from './migrate-data';
import { type MissingAnswer, missingAnswers } from './migrate-missing';
import {
  type FiredTimer,
  type MigratedDeadline,
  migrateTimers,
  type PendingTimer,
} from './migrate-timers';

export type { MissingAnswer } from './migrate-missing';
export type { DeadlineChange, FiredTimer, MigratedDeadline, PendingTimer } from './migrate-timers';

/** The history event of a migration (application_history.event). */
export const MIGRATE_EVENT = 'MIGRATE_DEFINITION';

export interface MigrateInput {
  now: Date;
  actor: Actor;
  /** Who moves it, for the history sentence ("moved from version 1 to 3 by …"). */
  actorName: string;
  facts: Facts;
  /** The application's pending timers. */
  timers: PendingTimer[];
  /**
   * The timers of its current state that already went off since it last entered that state (the
   * latest of each). A timer of the new state that acts in place (a reminder) and is among them
   * is not scheduled again: it went off once in this stay. Default: none.
   */
  firedTimers?: FiredTimer[];
  /**
   * Recompute deadlines that already run with the new version's rule. Default: a running
   * deadline keeps its date (a legal term a resident was told does not move by itself).
   */
  applyNewRules?: boolean;
}

export interface MigrationExplanation {
  stateBefore: { name: string; label: LocalizedText };
  stateAfter: { name: string; label: LocalizedText };
  deadlines: MigratedDeadline[];
  budget: { reservedCents: number; change: 'none' | 'kept' | 'released'; text: LocalizedText };
  /** Form fields the new version does not have, taken out of the application's data. */
  droppedFields: DroppedField[];
  /**
   * Questions the new version requires that the application does not answer: the move is not
   * refused for them; each says who asks for the answer when, if anyone does.
   */
  missingAnswers: MissingAnswer[];
  /** Every sentence above, in order: state, deadlines, budget, dropped fields, missing answers. */
  text: LocalizedText[];
}

export interface MigrationResult extends StepResult {
  explanation: MigrationExplanation;
}

/** Old state -> state of the new version, for the states that are renamed, removed or regrouped. */
export type StateMapping = Record<string, string>;

function sameTags(a: string[] | undefined, b: string[] | undefined): boolean {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((t, i) => t === y[i]);
}

/**
 * Where an application in `state` of the old version goes in the new one, or why it cannot
 * move: the target must exist, must be of the same kind (the same tags) and is never final.
 */
export function migrationTarget(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  state: string,
  mapping: StateMapping,
): { ok: true; target: string } | { ok: false; target: string | null; reason: LocalizedText } {
  const target = mapping[state] ?? (Object.hasOwn(newDef.states, state) ? state : null);
  const from = stateLabel(oldDef, state);
  if (target === null || !Object.hasOwn(newDef.states, target)) {
    return {
      ok: false,
      target,
      reason: {
        nl: `Versie ${newDef.version} heeft geen status ‘${from.nl}’: kies waar deze aanvragen heen gaan.`,
        en: `Version ${newDef.version} has no state ‘${from.en}’: choose where these applications go.`,
      },
    };
  }
  const to = stateLabel(newDef, target);
  if (newDef.states[target]!.type === 'final') {
    return {
      ok: false,
      target,
      reason: {
        nl: `‘${to.nl}’ is een eindstatus: een aanvraag komt daar alleen met een besluit of intrekking, niet door over te zetten.`,
        en: `‘${to.en}’ is a final state: an application only gets there by a decision or withdrawal, never by a migration.`,
      },
    };
  }
  if (!sameTags(oldDef.states[state]?.tags, newDef.states[target]!.tags)) {
    return {
      ok: false,
      target,
      reason: {
        nl: `‘${from.nl}’ en ‘${to.nl}’ zijn niet van hetzelfde soort: een aanvraag gaat alleen naar een status die hetzelfde betekent (wacht op besluit, verleend, …).`,
        en: `‘${from.en}’ and ‘${to.en}’ are not of the same kind: an application only moves to a state that means the same (waiting for a decision, granted, …).`,
      },
    };
  }
  return { ok: true, target };
}

/**
 * Moves a running application from one version of its workflow to a newer one, as a step: the
 * new snapshot, a history entry and the effects the shell persists like any other command's
 * (timers of the new state, budget, entry actions of a state that changed). Pure.
 */
export function migrate(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  mapping: StateMapping,
  input: MigrateInput,
): MigrationResult {
  const from = snapshot.value;
  if (snapshot.status !== 'active' || !Object.hasOwn(oldDef.states, from)) {
    throw new EngineError(
      'unknown_state',
      `state ${from} is not a running state of ${oldDef.key} v${oldDef.version}`,
    );
  }
  const place = migrationTarget(oldDef, newDef, from, mapping);
  if (!place.ok) {
    throw new EngineError('guard_failed', place.reason.en, {
      guard: 'migrationTarget',
      issues: [{ path: `stateMap.${from}`, message: place.reason.en, text: place.reason }],
    });
  }
  const to = place.target;
  const event: MachineEvent = {
    type: MIGRATE_EVENT,
    payload: undefined,
    nowMs: input.now.getTime(),
    today: toAmsterdamDate(input.now),
    actorId: input.actor.id,
    roles: input.actor.roles,
    facts: input.facts,
  };
  const reshaped = dataForNewVersion(oldDef, newDef, snapshot.context.data ?? {});
  const missing = missingAnswers(oldDef, newDef, snapshot.context.data ?? {}, reshaped.data, to);
  let ctx: ApplicationContext = { ...snapshot.context, data: reshaped.data, effects: [] };
  const domain: Effect[] = [];

  // Entry actions run when the application enters a state it was not in.
  if (to !== from) {
    for (const ref of newDef.states[to]!.entry ?? []) {
      const outcome = runAction(ref.type, ref.params, newDef, ctx, event);
      if (outcome.update) ctx = { ...ctx, ...outcome.update };
      if (outcome.effects) domain.push(...outcome.effects);
    }
  }

  // Budget: a state that is not of the granted kind holds no reservation.
  const reserved = ctx.reservedCents;
  const granted = (newDef.states[to]!.tags ?? []).includes('granted');
  let budget: MigrationExplanation['budget'];
  if (reserved > 0 && !granted) {
    domain.push({ type: 'budget.release', amountCents: reserved });
    ctx = { ...ctx, reservedCents: 0 };
    budget = {
      reservedCents: reserved,
      change: 'released',
      text: {
        nl: `Het gereserveerde budget van ${formatMoney(reserved, 'nl')} komt vrij.`,
        en: `The reserved budget of ${formatMoney(reserved, 'en')} is released.`,
      },
    };
  } else if (reserved > 0) {
    budget = {
      reservedCents: reserved,
      change: 'kept',
      text: {
        nl: `Het gereserveerde budget van ${formatMoney(reserved, 'nl')} blijft gereserveerd.`,
        en: `The reserved budget of ${formatMoney(reserved, 'en')} stays reserved.`,
      },
    };
  } else {
    budget = {
      reservedCents: 0,
      change: 'none',
      text: { nl: 'Er is geen budget gereserveerd.', en: 'No budget is reserved.' },
    };
  }

  // Timers: every after-transition of the new state runs once; overtaken reminders do not.
  const { cancels, schedules, deadlines } = migrateTimers(oldDef, newDef, to, ctx, event, input);

  const { effects: _transient, ...persisted } = ctx;
  const next: PersistedSnapshot = { ...snapshot, value: to, context: persisted };
  const before = stateLabel(oldDef, from);
  const after = stateLabel(newDef, to);
  const stateText: LocalizedText =
    // A state renamed in the new version with the same label is, for a reader, the same state.
    before.nl === after.nl && before.en === after.en
      ? {
          nl: `Blijft in de status ‘${after.nl}’.`,
          en: `Stays in the state ‘${after.en}’.`,
        }
      : {
          nl: `Gaat van de status ‘${before.nl}’ naar ‘${after.nl}’.`,
          en: `Moves from the state ‘${before.en}’ to ‘${after.en}’.`,
        };
  const moved: LocalizedText = {
    nl: `Overgezet van versie ${oldDef.version} naar ${newDef.version} door ${input.actorName}.`,
    en: `Moved from version ${oldDef.version} to ${newDef.version} by ${input.actorName}.`,
  };
  const explanation: MigrationExplanation = {
    stateBefore: { name: from, label: before },
    stateAfter: { name: to, label: after },
    deadlines,
    budget,
    droppedFields: reshaped.dropped,
    missingAnswers: missing,
    text: [
      stateText,
      ...deadlines.map((d) => d.text),
      budget.text,
      ...reshaped.dropped.map((d) => d.text),
      ...missing.map((m) => m.text),
    ],
  };
  return {
    snapshot: next,
    state: to,
    history: {
      from,
      to,
      event: MIGRATE_EVENT,
      actor: input.actor.id,
      roles: input.actor.roles,
      at: input.now.toISOString(),
      payload: {
        definitionKey: newDef.key,
        fromVersion: oldDef.version,
        toVersion: newDef.version,
        stateMap: mapping,
        applyNewRules: input.applyNewRules === true,
        timersCancelled: cancels.map((c) => (c as { timerId: string }).timerId),
        text: moved,
        explanation: explanation.text,
        // What the dropped fields held: the application's data no longer has it.
        ...(reshaped.dropped.length > 0
          ? { droppedData: Object.fromEntries(reshaped.dropped.map((d) => [d.path, d.value])) }
          : {}),
      },
    },
    // Cancels first, as in step(): a timer cancelled and scheduled again ends up scheduled.
    effects: [...cancels, ...domain, ...schedules],
    explanation,
  };
}
