import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Actor, Effect, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import {
  applicant,
  approver,
  assessor,
  completeData,
  facts,
  shippedJson,
  system,
  T0,
} from '../test/fixtures';
import { migrate, migrationTarget, type StateMapping } from './migrate';
import { applicationView, createApplication, step } from './runtime';

// Property (issue 14): for random pairs of valid definitions and valid mappings, and random
// running applications, after migration every application waiting for a decision has exactly
// one decision timer, the budget ledger balances, and each moved application has its history.

// biome-ignore lint/suspicious/noExplicitAny: definitions are edited as JSON here
type Json = any;
const DAY = 86_400_000;
const oldJson = shippedJson() as Json;
const oldDef = validateDefinition(oldJson).definition!;

const moves: { type: string; actor: Actor; payload?: unknown }[] = [
  { type: 'SUBMIT', actor: applicant },
  { type: 'REQUEST_INFO', actor: assessor, payload: { message: 'Offerte?', periodDays: 14 } },
  { type: 'SUPPLEMENT', actor: applicant, payload: { message: 'Bijgevoegd.' } },
  { type: 'ASSESS', actor: assessor, payload: { recommendation: 'grant', motivation: 'Goed.' } },
  {
    type: 'ASSESS',
    actor: assessor,
    payload: { recommendation: 'grant', motivation: 'Klein.', amountCents: 40_000 },
  },
  { type: 'GRANT', actor: approver, payload: {} },
  { type: 'REJECT', actor: approver, payload: { motivation: 'Nee.' } },
  { type: 'RETURN', actor: approver, payload: { message: 'Opnieuw.' } },
  { type: 'EXTEND', actor: approver, payload: { message: 'Drukte.' } },
  { type: 'PAY_ADVANCE', actor: assessor, payload: { amountCents: 50_000 } },
  { type: 'SUBMIT_REPORT', actor: applicant, payload: { actualCostsCents: 90_000, report: 'Ok.' } },
  { type: 'WITHDRAW', actor: applicant, payload: {} },
];

/** The shell, in memory: pending timers and the budget ledger per application. */
interface Shell {
  snapshot: PersistedSnapshot;
  timers: Map<string, { event: string; dueAt: string }>;
  reserved: number;
  committed: number;
  history: string[];
}

function apply(shell: Shell, effects: Effect[]) {
  for (const e of effects) {
    if (e.type === 'timer.cancel') shell.timers.delete(e.timerId);
    if (e.type === 'timer.schedule')
      shell.timers.set(e.timerId, { event: e.event, dueAt: e.dueAt });
    if (e.type === 'budget.reserve') shell.reserved += e.amountCents;
    if (e.type === 'budget.release') shell.reserved -= e.amountCents;
    if (e.type === 'budget.commit') {
      shell.committed += e.amountCents;
      shell.reserved -= Math.min(shell.reserved, e.amountCents);
    }
  }
}

/** A running application made by a random walk, timers fired as the worker would. */
function running(walk: { move: number; days: number }[]): Shell | null {
  const first = createApplication(oldDef, {
    now: T0,
    actor: applicant,
    facts,
    data: completeData(),
  });
  const shell: Shell = {
    snapshot: first.snapshot,
    timers: new Map(),
    reserved: 0,
    committed: 0,
    history: [],
  };
  apply(shell, first.effects);
  let now = T0.getTime();
  for (const { move, days } of walk) {
    now += days * DAY;
    for (const [, t] of [...shell.timers].sort((a, b) => a[1].dueAt.localeCompare(b[1].dueAt))) {
      if (Date.parse(t.dueAt) > now || shell.snapshot.status !== 'active') continue;
      try {
        const fired = step(
          oldDef,
          shell.snapshot,
          { type: t.event },
          { now: new Date(now), actor: system, facts },
        );
        shell.snapshot = fired.snapshot;
        apply(shell, fired.effects);
        shell.timers.delete(t.event);
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        shell.timers.delete(t.event);
      }
    }
    if (shell.snapshot.status !== 'active') return null;
    const m = moves[move]!;
    try {
      const r = step(
        oldDef,
        shell.snapshot,
        { type: m.type, payload: m.payload },
        {
          now: new Date(now),
          actor: m.actor,
          facts,
        },
      );
      shell.snapshot = r.snapshot;
      apply(shell, r.effects);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
    }
  }
  return shell.snapshot.status === 'active' ? shell : null;
}

/** Renames states (keys and every transition target) to `<name>_v2`. */
function renameStates(json: Json, names: Set<string>): Json {
  const name = (s: string) => (names.has(s) ? `${s}_v2` : s);
  const retarget = (t: Json): Json =>
    typeof t === 'string'
      ? name(t)
      : Array.isArray(t)
        ? t.map(retarget)
        : t.target === undefined
          ? t
          : { ...t, target: name(t.target) };
  const states: Json = {};
  for (const [key, state] of Object.entries(json.states as Json)) {
    const s = structuredClone(state) as Json;
    for (const group of ['on', 'after'] as const) {
      for (const k of Object.keys(s[group] ?? {})) s[group][k] = retarget(s[group][k]);
    }
    if (s.always) s.always = retarget(s.always);
    states[name(key)] = s;
  }
  return { ...json, initial: name(json.initial), states };
}

/** A newer valid version: some states renamed, deadline rules changed, a warning dropped. */
const newDefinition = fc
  .record({
    rename: fc.subarray(['submitted', 'info_requested', 'assessed', 'granted', 'report_submitted']),
    warningDays: fc.integer({ min: -14, max: -1 }),
    termOffset: fc.integer({ min: 1, max: 3 }),
    dropWarningIn: fc.subarray(['submitted', 'assessed']),
  })
  .map(({ rename, warningDays, termOffset, dropWarningIn }) => {
    const json = structuredClone(oldJson) as Json;
    json.version = 2;
    json.delays.decisionWarning.params.offsetDays = warningDays;
    json.delays.decisionTerm.params.offsetDays = termOffset;
    for (const s of dropWarningIn) delete json.states[s].after.decisionWarning;
    const result = validateDefinition(renameStates(json, new Set(rename)));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { def: result.definition!, rename };
  });

/** A valid mapping: each old state to a random new state of the same kind that is not final. */
function mappingFor(newDef: WorkflowDefinition, picks: number[]): StateMapping {
  const mapping: StateMapping = {};
  Object.keys(oldDef.states).forEach((state, i) => {
    if (oldDef.states[state]!.type === 'final') return;
    const options = Object.keys(newDef.states).filter(
      (n) => migrationTarget(oldDef, newDef, state, { [state]: n }).ok,
    );
    if (options.length > 0) mapping[state] = options[(picks[i] ?? 0) % options.length]!;
  });
  return mapping;
}

const delayIn = (event: string) => /^xstate\.after\.([^.]+)\./.exec(event)?.[1] ?? '';

/** An after-transition that only sends notices: no target, no other action. */
const noticeOnly = (t: Json): boolean =>
  t !== undefined &&
  (Array.isArray(t) ? t : [t]).every(
    (x: Json) =>
      typeof x !== 'string' &&
      x.target === undefined &&
      (x.actions ?? []).every((a: Json) => a.type === 'sendNotice'),
  );

const isDecisionTerm = (def: WorkflowDefinition, event: string) => {
  const delay = /^xstate\.after\.([^.]+)\./.exec(event)?.[1] ?? '';
  const ref = def.delays[delay];
  return ref?.type === 'decisionDue' && Number(ref.params?.offsetDays ?? 1) >= 1;
};

describe('migrate, property', () => {
  test('waiting for a decision: one decision timer; the ledger balances; history for each', () => {
    fc.assert(
      fc.property(
        newDefinition,
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 10, maxLength: 10 }),
        fc.array(
          fc.array(
            fc.record({
              move: fc.integer({ min: 0, max: moves.length - 1 }),
              days: fc.integer({ min: 0, max: 30 }),
            }),
            { maxLength: 8 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.boolean(),
        ({ def: newDef }, picks, walks, applyNewRules) => {
          const mapping = mappingFor(newDef, picks);
          const now = new Date(T0.getTime() + 200 * DAY);
          for (const walk of walks) {
            const shell = running(walk);
            if (!shell) continue;
            const from = shell.snapshot.value;
            const result = migrate(oldDef, newDef, shell.snapshot, mapping, {
              now,
              actor: { id: 'u-policy', roles: ['policy'] },
              actorName: 'Pieter',
              facts,
              timers: [...shell.timers].map(([timerId, t]) => ({ timerId, ...t })),
              applyNewRules,
            });
            apply(shell, result.effects);
            shell.snapshot = result.snapshot;
            shell.history.push(result.history.event);
            const to = result.state;
            const tags = newDef.states[to]!.tags ?? [];
            expect(newDef.states[to]!.type).not.toBe('final');
            expect(tags).toEqual(oldDef.states[from]!.tags);
            // Exactly one decision timer while a decision is owed; only the new state's timers.
            const events = [...shell.timers.values()].map((t) => t.event);
            if (tags.includes('pending_decision')) {
              expect(events.filter((e) => isDecisionTerm(newDef, e))).toHaveLength(1);
            }
            for (const e of events) expect(e.endsWith(`.${newDef.key}.${to}`)).toBe(true);
            expect(new Set(events).size).toBe(events.length);
            // Every after-transition runs, but for reminders overtaken by a later one already due
            // (the rule of a state entered late): only notices are left out, never a deadline,
            // and no two reminders that are due go off at once.
            const after = newDef.states[to]!.after ?? {};
            const overtaken = result.explanation.deadlines
              .filter((d) => d.change === 'overtaken')
              .map((d) => d.delay);
            for (const d of overtaken) expect(noticeOnly(after[d])).toBe(true);
            expect(events.sort()).toEqual(
              Object.keys(after)
                .filter((d) => !overtaken.includes(d))
                .map((d) => `xstate.after.${d}.${newDef.key}.${to}`)
                .sort(),
            );
            const dueNotices = [...shell.timers.values()].filter(
              (t) => Date.parse(t.dueAt) <= now.getTime() && noticeOnly(after[delayIn(t.event)]),
            );
            expect(dueNotices.length).toBeLessThanOrEqual(1);
            // The ledger balances: what it holds reserved is what the application holds.
            expect(shell.reserved).toBe(shell.snapshot.context.reservedCents);
            expect(shell.reserved).toBeGreaterThanOrEqual(0);
            if (!tags.includes('granted')) expect(shell.reserved).toBe(0);
            // The history entry, in words.
            expect(result.history).toMatchObject({ from, to, event: 'MIGRATE_DEFINITION' });
            expect((result.history.payload as Json).text.en).toBe(
              'Moved from version 1 to 2 by Pieter.',
            );
            // And the new version reads it as one of its own.
            expect(applicationView(newDef, shell.snapshot, now).state).toBe(to);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
