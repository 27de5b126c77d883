import { describe, expect, test } from 'vitest';
import type { Effect, PersistedSnapshot } from '../core/engine.types';
import { applicant, assessor, completeData, facts, T0 } from '../test/fixtures';
import {
  pendingTimers as pending,
  policyOfficer,
  shippedV1,
  shippedV2 as v2,
} from '../test/migration';
import { migrate, type PendingTimer } from './migrate';
import { applicationView, createApplication, step } from './runtime';

// A migration recomputes the timers of the application's state under the new version. Like a
// state entered late, it must not let reminders that are already overtaken go off together:
// of the reminders already due only the one due last stays, and deadlines are never touched.

const DAY = 86_400_000;
const oldDef = shippedV1;
const policy = policyOfficer;
const KEY = 'xstate.after';

const scheduled = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'timer.schedule' ? [e.event] : []));

const migrateAt = (
  newDef: ReturnType<typeof v2>,
  snapshot: PersistedSnapshot,
  timers: PendingTimer[],
  now: Date,
  applyNewRules = false,
) =>
  migrate(
    oldDef,
    newDef,
    snapshot,
    {},
    {
      now,
      actor: policy,
      actorName: 'Pieter',
      facts,
      timers,
      applyNewRules,
    },
  );

/** Submitted at T0; its warning (day 49) and term (day 57) timers pending, never fired. */
function submitted() {
  // An activity late in the year, so a supplement in May still comes in good time.
  const data = completeData({ activityDate: '2026-12-12' });
  const a = createApplication(oldDef, { now: T0, actor: applicant, facts, data });
  const b = step(oldDef, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
  return { snapshot: b.snapshot, timers: pending(b.effects) };
}

/** Submitted at T0, more information asked on day 70, after the decision term had run out. */
function askedLate() {
  const { snapshot } = submitted();
  const at = new Date(T0.getTime() + 70 * DAY);
  const c = step(
    oldDef,
    snapshot,
    { type: 'REQUEST_INFO', payload: { message: 'Offerte?', periodDays: 14 } },
    { now: at, actor: assessor, facts },
  );
  return { snapshot: c.snapshot, timers: pending(c.effects) };
}

describe('a migration past two reminders', () => {
  // Version 2 also reminds staff of the decision term while the applicant is asked for more.
  const reminding = v2((d) => {
    d.states.info_requested.after = {
      ...d.states.info_requested.after,
      decisionWarning: d.states.submitted.after.decisionWarning,
      decisionTerm: d.states.submitted.after.decisionTerm,
    };
  });

  test('schedules only the last of them, and the supplement deadline runs on as it was', () => {
    const { snapshot, timers } = askedLate();
    expect(timers.map((t) => t.event)).toEqual([
      `${KEY}.supplementPeriod.bewonersinitiatief.info_requested`,
    ]);
    const now = new Date(T0.getTime() + 72 * DAY);
    const view = applicationView(reminding, snapshot, now, facts).clock;
    // Both reminders of the new version fall before the migration (the clock stood still 2 days).
    expect(Date.parse(`${view.decisionDueOn!}T00:00:00Z`)).toBeLessThan(now.getTime() - 7 * DAY);

    const r = migrateAt(reminding, snapshot, timers, now);
    expect(r.effects).toEqual([
      {
        type: 'timer.schedule',
        timerId: `${KEY}.decisionTerm.bewonersinitiatief.info_requested`,
        event: `${KEY}.decisionTerm.bewonersinitiatief.info_requested`,
        dueAt: now.toISOString(),
      },
    ]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change, d.before, d.after])).toEqual([
      ['supplementPeriod', 'kept', timers[0]!.dueAt, timers[0]!.dueAt],
      ['decisionWarning', 'overtaken', null, null],
      ['decisionTerm', 'started', null, now.toISOString()],
    ]);
    const warning = r.explanation.deadlines[1]!;
    expect(warning.text.nl).toMatch(
      /^De waarschuwing voor de beslistermijn \(.+\) gaat niet meer af: .* de beslistermijn, die later viel/,
    );
    expect(r.explanation.text).toContain(warning.text);
    // The legal clock is the application's, not the timers': still suspended, the same dates.
    expect(applicationView(reminding, r.snapshot, now, facts).clock).toEqual(view);
    expect(r.snapshot.context.clock).toEqual(snapshot.context.clock);
  });

  test('the new rule applied to running timers follows the same rule', () => {
    const { snapshot, timers } = askedLate();
    const now = new Date(T0.getTime() + 72 * DAY);
    const r = migrateAt(reminding, snapshot, timers, now, true);
    expect(scheduled(r.effects)).toEqual([`${KEY}.decisionTerm.bewonersinitiatief.info_requested`]);
    expect(r.effects.filter((e) => e.type === 'timer.cancel')).toEqual([]);
    expect(r.explanation.deadlines.find((d) => d.delay === 'supplementPeriod')!.change).toBe(
      'kept',
    );
  });

  test('before the warning is due nothing is left out', () => {
    const { snapshot } = submitted();
    const now = new Date(T0.getTime() + 10 * DAY);
    const renamed = v2((d) => {
      d.delays.termWarning = d.delays.decisionWarning;
      d.states.submitted.after = {
        termWarning: d.states.submitted.after.decisionWarning,
        decisionTerm: d.states.submitted.after.decisionTerm,
      };
    });
    const r = migrateAt(renamed, snapshot, [], now);
    expect(scheduled(r.effects).sort()).toEqual([
      `${KEY}.decisionTerm.bewonersinitiatief.submitted`,
      `${KEY}.termWarning.bewonersinitiatief.submitted`,
    ]);
  });

  test('running reminders the worker has not fired yet: the earlier is cancelled', () => {
    const { snapshot, timers } = submitted();
    expect(timers).toHaveLength(2);
    const now = new Date(T0.getTime() + 70 * DAY);
    expect(timers.every((t) => Date.parse(t.dueAt) < now.getTime())).toBe(true);
    const warning = timers.find((t) => t.event.includes('.decisionWarning.'))!;
    const r = migrateAt(v2(), snapshot, timers, now);
    expect(r.effects).toEqual([{ type: 'timer.cancel', timerId: warning.timerId }]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'overtaken', null],
      ['decisionTerm', 'kept', timers.find((t) => t !== warning)!.dueAt],
    ]);
    expect(r.history.payload).toMatchObject({ timersCancelled: [warning.timerId] });
  });

  test('the last reminder is judged by the rule, not by an old date a timer kept', () => {
    // The warning fired long ago; the term timer still carries a date from before the term was
    // extended. Under the rule the term falls after the warning, so the term stays.
    const { snapshot, timers } = submitted();
    const term = timers.find((t) => t.event.includes('.decisionTerm.'))!;
    const extended: PersistedSnapshot = {
      ...snapshot,
      context: {
        ...snapshot.context,
        clock: { ...snapshot.context.clock, extension: { weeks: 6, on: '2026-03-10' } },
      },
    };
    const now = new Date(T0.getTime() + 120 * DAY);
    const r = migrateAt(v2(), extended, [term], now);
    expect(r.effects).toEqual([]);
    expect(r.explanation.deadlines.map((d) => [d.delay, d.change])).toEqual([
      ['decisionWarning', 'overtaken'],
      ['decisionTerm', 'kept'],
    ]);
  });
});

describe('only notices are left out, as on entering a state', () => {
  // Version 2's decision term also records something in the application: no longer a reminder.
  const acting = v2((d) => {
    d.states.submitted.after.decisionTerm.actions.push({
      type: 'assignPayload',
      params: { fields: ['message'], into: 'decision' },
    });
  });
  const late = new Date(T0.getTime() + 80 * DAY);
  const both = [
    `${KEY}.decisionTerm.bewonersinitiatief.submitted`,
    `${KEY}.decisionWarning.bewonersinitiatief.submitted`,
  ];
  /** Submitted entered late: asked for more on day 70, supplied on day 80 (term ran out on 65). */
  const suppliedLate = (def: ReturnType<typeof v2>) =>
    step(
      def,
      askedLate().snapshot,
      { type: 'SUPPLEMENT', payload: { message: 'Offerte bijgevoegd.' } },
      { now: late, actor: applicant, facts },
    );

  test('a due warning beside a due timer that acts: both stay, on entry and in a migration', () => {
    const entered = suppliedLate(acting);
    expect(scheduled(entered.effects).sort()).toEqual(both);
    const r = migrateAt(acting, entered.snapshot, [], late);
    expect(scheduled(r.effects).sort()).toEqual(both);
    expect(r.explanation.deadlines.map((d) => [d.change, d.after])).toEqual([
      ['started', late.toISOString()],
      ['started', late.toISOString()],
    ]);
  });

  test('with notices only, a migration keeps what entering the state late keeps', () => {
    const newDef = v2();
    const entered = suppliedLate(newDef);
    const r = migrateAt(newDef, entered.snapshot, [], late);
    expect(scheduled(entered.effects)).toEqual([
      `${KEY}.decisionTerm.bewonersinitiatief.submitted`,
    ]);
    expect(r.effects).toEqual(entered.effects.filter((e) => e.type === 'timer.schedule'));
  });
});
