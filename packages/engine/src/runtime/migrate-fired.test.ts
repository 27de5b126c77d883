import { describe, expect, test } from 'vitest';
import type { Effect, PersistedSnapshot } from '../core/engine.types';
import { validateDefinition } from '../definition/definition.validate';
import {
  applicant,
  assessor,
  completeData,
  facts,
  shippedJson,
  system,
  T0,
} from '../test/fixtures';
import {
  type DefinitionJson,
  pendingTimers as pending,
  policyOfficer,
  shippedV1,
  shippedV2 as v2,
} from '../test/migration';
import { type FiredTimer, migrate, type PendingTimer } from './migrate';
import { createApplication, step } from './runtime';

// A reminder that already went off while the application is in its state must not go off again
// because policy staff moved the application to a newer version: the migration gets the timers of
// this stay that fired, and does not schedule them again. Deadlines that move the case do not
// change.

const DAY = 86_400_000;
const oldDef = shippedV1;
const policy = policyOfficer;
const WARNING = 'xstate.after.decisionWarning.bewonersinitiatief.submitted';
const TERM = 'xstate.after.decisionTerm.bewonersinitiatief.submitted';

const at = (days: number) => new Date(T0.getTime() + days * DAY);

const scheduled = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'timer.schedule' ? [e.event] : []));

function migrateAt(
  newDef: ReturnType<typeof v2>,
  snapshot: PersistedSnapshot,
  timers: { timers: PendingTimer[]; firedTimers?: FiredTimer[] },
  now: Date,
  applyNewRules = false,
) {
  return migrate(
    oldDef,
    newDef,
    snapshot,
    {},
    { now, actor: policy, actorName: 'Pieter', facts, ...timers, applyNewRules },
  );
}

/** Submitted at T0: the warning (day 49) and the overdue notice (day 57) pending. */
function submitted() {
  const data = completeData({ activityDate: '2026-12-12' });
  const a = createApplication(oldDef, { now: T0, actor: applicant, facts, data });
  const b = step(oldDef, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
  return { snapshot: b.snapshot, timers: pending(b.effects) };
}

/** The worker fires a pending timer at its moment, as the shell does. */
function fire(snapshot: PersistedSnapshot, timer: PendingTimer) {
  const firedAt = timer.dueAt;
  const r = step(
    oldDef,
    snapshot,
    { type: timer.event },
    { now: new Date(firedAt), actor: system, facts },
  );
  // A reminder sends its notice and schedules nothing: the stay goes on.
  expect(r.state).toBe('submitted');
  expect(scheduled(r.effects)).toEqual([]);
  expect(r.effects.some((e) => e.type === 'notice')).toBe(true);
  const fired: FiredTimer = { ...timer, firedAt };
  return { snapshot: r.snapshot, fired };
}

/** Submitted at T0, the warning went off on day 49; the overdue notice still pending. */
function warned() {
  const { snapshot, timers } = submitted();
  const warning = timers.find((t) => t.event === WARNING)!;
  const term = timers.find((t) => t.event === TERM)!;
  const w = fire(snapshot, warning);
  return { snapshot: w.snapshot, warning: w.fired, term };
}

describe('a reminder that already went off in this stay', () => {
  test('a migration in the same state after the warning went off does not schedule it again', () => {
    const { snapshot, warning, term } = warned();
    const now = at(52);
    const r = migrateAt(v2(), snapshot, { timers: [term], firedTimers: [warning] }, now);
    expect(r.state).toBe('submitted');
    expect(r.effects).toEqual([]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change, d.before, d.after])).toEqual([
      ['decisionWarning', 'kept', warning.dueAt, null],
      ['decisionTerm', 'kept', term.dueAt, term.dueAt],
    ]);
    const text = r.explanation.deadlines[0]!.text;
    expect(text).toEqual({
      nl: 'De waarschuwing voor de beslistermijn is al afgegaan op 21 april 2026 en het bericht daarover is verstuurd: het gaat niet nog een keer.',
      en: 'The warning before the decision term already went off on 21 April 2026 and its message was sent: it is not sent again.',
    });
    expect(r.explanation.text).toContainEqual(text);
  });

  test('nor when the new rule is applied to the running timers', () => {
    const { snapshot, warning, term } = warned();
    const earlier = v2((d) => {
      d.delays.decisionWarning.params.offsetDays = -10;
    });
    const r = migrateAt(
      earlier,
      snapshot,
      { timers: [term], firedTimers: [warning] },
      at(52),
      true,
    );
    expect(scheduled(r.effects)).toEqual([]);
    expect(r.explanation.deadlines[0]).toMatchObject({
      delay: 'decisionWarning',
      change: 'kept',
      after: null,
    });
  });

  test('before the warning went off, a migration still schedules it', () => {
    const { snapshot, timers } = submitted();
    const earlier = v2((d) => {
      d.delays.decisionWarning.params.offsetDays = -10;
    });
    // Pending, not yet due: kept as it runs, or rescheduled by the new rule.
    const kept = migrateAt(earlier, snapshot, { timers, firedTimers: [] }, at(40));
    expect(kept.effects).toEqual([]);
    expect(kept.explanation.deadlines.map((d) => [d.delay, d.change])).toEqual([
      ['decisionWarning', 'kept'],
      ['decisionTerm', 'kept'],
    ]);
    const ruled = migrateAt(earlier, snapshot, { timers, firedTimers: [] }, at(40), true);
    expect(scheduled(ruled.effects)).toEqual([WARNING]);
    // A version that adds the warning to a state where it never ran: it starts.
    const { snapshot: s, warning } = warned();
    const renamed = v2((d) => {
      d.delays.termWarning = d.delays.decisionWarning;
      d.states.submitted.after = {
        termWarning: d.states.submitted.after.decisionWarning,
        decisionTerm: d.states.submitted.after.decisionTerm,
      };
    });
    const started = migrateAt(renamed, s, { timers: [], firedTimers: [warning] }, at(40));
    expect(scheduled(started.effects)).toContain(
      'xstate.after.termWarning.bewonersinitiatief.submitted',
    );
  });

  test('when the last reminder due already went off, none goes off again', () => {
    const { snapshot, warning, term } = warned();
    const t = fire(snapshot, term);
    const now = at(60);
    // The overdue notice went off; the warning too.
    const both = migrateAt(v2(), t.snapshot, { timers: [], firedTimers: [warning, t.fired] }, now);
    expect(both.effects).toEqual([]);
    expect(both.explanation.deadlines.map((d) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'kept', null],
      ['decisionTerm', 'kept', null],
    ]);
    // Only the overdue notice went off (the warning was left out, overtaken): still nothing.
    const last = migrateAt(v2(), t.snapshot, { timers: [], firedTimers: [t.fired] }, now);
    expect(last.effects).toEqual([]);
    expect(last.explanation.deadlines.map((d) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'overtaken', null],
      ['decisionTerm', 'kept', null],
    ]);
    expect(last.explanation.deadlines[0]!.text.en).toMatch(
      /^The warning before the decision term \(.+\) no longer goes off: .* the decision term, which fell later, already went off\.$/,
    );
  });

  test('a warning that went off beside a due overdue notice: the notice alone goes off', () => {
    const { snapshot, warning, term } = warned();
    const r = migrateAt(v2(), snapshot, { timers: [term], firedTimers: [warning] }, at(60));
    expect(r.effects).toEqual([]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'kept', null],
      ['decisionTerm', 'kept', term.dueAt],
    ]);
  });
});

describe('a state renamed by the new version', () => {
  test('the warning that went off in the old name does not go off again in the new one', () => {
    const { snapshot, warning, term } = warned();
    const renamed = validateDefinition(
      JSON.parse(
        JSON.stringify({ ...(shippedJson() as DefinitionJson), version: 2 }).replaceAll(
          '"submitted"',
          '"received"',
        ),
      ),
    ).definition!;
    const r = migrate(
      oldDef,
      renamed,
      snapshot,
      { submitted: 'received' },
      {
        now: at(52),
        actor: policy,
        actorName: 'Pieter',
        facts,
        timers: [term],
        firedTimers: [warning],
      },
    );
    expect(r.state).toBe('received');
    expect(scheduled(r.effects)).toEqual(['xstate.after.decisionTerm.bewonersinitiatief.received']);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'kept', null],
      ['decisionTerm', 'moved', term.dueAt],
    ]);
  });
});

describe('timers that move the case are scheduled as before', () => {
  test('a fired timer whose transition has a target does not stop it from being scheduled', () => {
    const a = createApplication(oldDef, { now: T0, actor: applicant, facts, data: completeData() });
    const b = step(oldDef, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
    const c = step(
      oldDef,
      b.snapshot,
      { type: 'REQUEST_INFO', payload: { message: 'Offerte?', periodDays: 14 } },
      { now: T0, actor: assessor, facts },
    );
    const [period] = pending(c.effects);
    const now = at(3);
    const firedTimers = [{ ...period!, firedAt: now.toISOString() }];
    const without = migrateAt(v2(), c.snapshot, { timers: [] }, now);
    const withFired = migrateAt(v2(), c.snapshot, { timers: [], firedTimers }, now);
    expect(withFired.effects).toEqual(without.effects);
    expect(scheduled(withFired.effects)).toEqual([period!.event]);
    expect(withFired.explanation).toEqual(without.explanation);
  });

  test('a fired timer of a delay the new state does not have is not mentioned', () => {
    const { snapshot, warning, term } = warned();
    const without = v2((d) => {
      delete d.states.submitted.after.decisionWarning;
    });
    const r = migrateAt(without, snapshot, { timers: [term], firedTimers: [warning] }, at(52));
    expect(r.effects).toEqual([]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change])).toEqual([
      ['decisionTerm', 'kept'],
    ]);
  });
});
