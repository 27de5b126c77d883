import { describe, expect, test } from 'vitest';
import type { Effect } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { applicant, assessor, completeData, facts, T0 } from '../test/fixtures';
import { policyOfficer, shippedV1, shippedV2 as v2 } from '../test/migration';
import { migrate, migrationTarget } from './migrate';
import { createApplication, step } from './runtime';

const oldDef = shippedV1;
const policy = policyOfficer;

function infoRequested() {
  const a = createApplication(oldDef, { now: T0, actor: applicant, facts, data: completeData() });
  const b = step(oldDef, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
  const c = step(
    oldDef,
    b.snapshot,
    { type: 'REQUEST_INFO', payload: { message: 'Offerte?', periodDays: 14 } },
    { now: T0, actor: assessor, facts },
  );
  const timers = c.effects
    .filter((e): e is Extract<Effect, { type: 'timer.schedule' }> => e.type === 'timer.schedule')
    .map((e) => ({ timerId: e.timerId, event: e.event, dueAt: e.dueAt }));
  return { snapshot: c.snapshot, timers };
}

const input = (timers: { timerId: string; event: string; dueAt: string }[]) => ({
  now: new Date(T0.getTime() + 3 * 86_400_000),
  actor: policy,
  actorName: 'Pieter Beleidsmedewerker',
  facts,
  timers,
});

describe('migrate', () => {
  test('a renamed state keeps its running supplement deadline and says so in words', () => {
    const newDef = v2((d) => {
      d.states.awaiting_info = d.states.info_requested;
      delete d.states.info_requested;
      d.states.submitted.on.REQUEST_INFO.target = 'awaiting_info';
    });
    const { snapshot, timers } = infoRequested();
    expect(timers).toHaveLength(1);
    const r = migrate(oldDef, newDef, snapshot, { info_requested: 'awaiting_info' }, input(timers));
    expect(r.state).toBe('awaiting_info');
    expect(r.effects).toEqual([
      { type: 'timer.cancel', timerId: timers[0]!.timerId },
      {
        type: 'timer.schedule',
        timerId: 'xstate.after.supplementPeriod.bewonersinitiatief.awaiting_info',
        event: 'xstate.after.supplementPeriod.bewonersinitiatief.awaiting_info',
        dueAt: timers[0]!.dueAt,
      },
    ]);
    expect(r.explanation.deadlines[0]).toMatchObject({ change: 'moved', after: timers[0]!.dueAt });
    expect(r.history.payload).toMatchObject({
      text: {
        nl: 'Overgezet van versie 1 naar 2 door Pieter Beleidsmedewerker.',
        en: 'Moved from version 1 to 2 by Pieter Beleidsmedewerker.',
      },
    });
    expect(r.explanation.budget.change).toBe('none');
  });

  test('a changed deadline rule keeps the date unless the new rule is applied', () => {
    const a = createApplication(oldDef, { now: T0, actor: applicant, facts, data: completeData() });
    const b = step(oldDef, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
    const timers = b.effects.flatMap((e) =>
      e.type === 'timer.schedule' ? [{ timerId: e.timerId, event: e.event, dueAt: e.dueAt }] : [],
    );
    const newDef = v2((d) => {
      d.delays.decisionWarning.params.offsetDays = -10;
    });
    const kept = migrate(oldDef, newDef, b.snapshot, {}, input(timers));
    expect(kept.effects).toEqual([]);
    expect(kept.explanation.deadlines.map((d) => d.change)).toEqual(['kept', 'kept']);
    const applied = migrate(
      oldDef,
      newDef,
      b.snapshot,
      {},
      { ...input(timers), applyNewRules: true },
    );
    const warning = applied.explanation.deadlines.find((d) => d.delay === 'decisionWarning')!;
    expect(warning.change).toBe('rule_applied');
    expect((Date.parse(warning.before!) - Date.parse(warning.after!)) / 86_400_000).toBe(3);
    expect(warning.text.nl).toMatch(/^De waarschuwing voor de beslistermijn volgt de regel/);
  });

  test('never to a final state, never to another kind of state', () => {
    const newDef = v2();
    const toFinal = migrationTarget(oldDef, newDef, 'submitted', { submitted: 'rejected' });
    expect(toFinal.ok).toBe(false);
    const toDraft = migrationTarget(oldDef, newDef, 'granted', { granted: 'draft' });
    expect(toDraft).toMatchObject({ ok: false });
    if (!toDraft.ok) expect(toDraft.reason.nl).toContain('‘Verleend’ en ‘Concept’');
    const { snapshot, timers } = infoRequested();
    expect(() =>
      migrate(oldDef, newDef, snapshot, { info_requested: 'submitted' }, input(timers)),
    ).toThrow(EngineError);
  });
});
