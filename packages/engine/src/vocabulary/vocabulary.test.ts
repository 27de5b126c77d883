import { describe, expect, test } from 'vitest';
import type { ApplicationContext } from '../core/engine.types';
import { completeData, facts, loadShippedDefinition } from '../test/fixtures';
import { actionImplementations, runAction } from './actions';
import { delayImplementations, delayMs } from './delays';
import { dependsOnPayload, guardImplementations, runGuard } from './guards';
import { emptyContext, type MachineEvent } from './vocabulary.context';
import { ACTION_NAMES, DELAY_KINDS, GUARD_NAMES } from './vocabulary.params';

const def = loadShippedDefinition();
const NOW = Date.parse('2026-03-03T09:00:00Z');

function ctx(over: Partial<ApplicationContext> = {}): ApplicationContext {
  return { ...emptyContext(completeData()), ...over };
}
function ev(payload?: unknown, over: Partial<MachineEvent> = {}): MachineEvent {
  return {
    type: 'TEST',
    payload,
    nowMs: NOW,
    today: '2026-03-03',
    actorId: 'u1',
    roles: ['assessor'],
    facts,
    ...over,
  };
}
const g = (name: string, params: Record<string, unknown>, c = ctx(), e = ev()) =>
  runGuard(name, params, def, c, e);
const a = (name: string, params: Record<string, unknown>, c = ctx(), e = ev()) =>
  runAction(name, params, def, c, e);

test('every vocabulary item has an implementation and a test below', () => {
  expect(Object.keys(guardImplementations).sort()).toEqual([...GUARD_NAMES].sort());
  expect(Object.keys(actionImplementations).sort()).toEqual([...ACTION_NAMES].sort());
  expect(Object.keys(delayImplementations).sort()).toEqual([...DELAY_KINDS].sort());
});

describe('guards', () => {
  test('formComplete', () => {
    expect(g('formComplete', {}).ok).toBe(true);
    const result = g('formComplete', {}, ctx({ data: { title: 'x' } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('data.iban');
  });

  test('supportersAtLeast counts supporters of the minimum age', () => {
    expect(g('supportersAtLeast', { count: 4 }).ok).toBe(true);
    expect(g('supportersAtLeast', { count: 4, minAge: 18 }).ok).toBe(false); // one is 16
    expect(g('supportersAtLeast', { count: 1 }, ctx({ data: {} })).ok).toBe(false);
  });

  test('amountAtMost with every amount source and limit', () => {
    expect(g('amountAtMost', { amount: 'requested', limit: 'regulationMax' }).ok).toBe(true);
    expect(g('amountAtMost', { amount: 'requested', limit: 'fixed', cents: 100_000 }).ok).toBe(
      false,
    );
    expect(
      g(
        'amountAtMost',
        { amount: 'payload', limit: 'requested' },
        ctx(),
        ev({ amountCents: 125_001 }),
      ).ok,
    ).toBe(false);
    expect(
      g(
        'amountAtMost',
        { amount: 'grant', limit: 'requested' },
        ctx({ assessment: { amountCents: 90_000 } }),
      ).ok,
    ).toBe(true);
    expect(g('amountAtMost', { amount: 'grant', limit: 'directSettlementThreshold' }).ok).toBe(
      false,
    );
    const granted = ctx({ grantedCents: 100_000, advanceCents: 60_000 });
    expect(
      g(
        'amountAtMost',
        { amount: 'advanceTotal', limit: 'granted' },
        granted,
        ev({ amountCents: 40_000 }),
      ).ok,
    ).toBe(true);
    expect(
      g(
        'amountAtMost',
        { amount: 'advanceTotal', limit: 'granted' },
        granted,
        ev({ amountCents: 40_001 }),
      ).ok,
    ).toBe(false);
    expect(
      g(
        'amountAtMost',
        { amount: 'payload', limit: 'remainingGrant' },
        granted,
        ev({ amountCents: 40_001 }),
      ).ok,
    ).toBe(false);
    const failed = g('amountAtMost', { amount: 'requested', limit: 'fixed', cents: 100 });
    expect(failed).toEqual({
      ok: false,
      issues: [
        {
          path: 'data.budgetLines',
          message: '€1,250.00 is more than the limit (€1.00)',
          text: {
            nl: 'Het totaal van Begroting (€ 1.250,00) is hoger dan de grens (€ 1,00).',
            en: 'The total of Budget (€1,250.00) is more than the limit (€1.00).',
          },
        },
      ],
    });
  });

  test('amountAtLeast', () => {
    expect(
      g('amountAtLeast', { amount: 'payload', cents: 1 }, ctx(), ev({ amountCents: 0 })).ok,
    ).toBe(false);
    expect(g('amountAtLeast', { amount: 'requested', cents: 1 }).ok).toBe(true);
  });

  test('budgetAvailable compares with the remaining budget of the facts', () => {
    expect(g('budgetAvailable', {}).ok).toBe(true);
    const poor = ev(undefined, { facts: { ...facts, budgetRemainingCents: 100_000 } });
    expect(g('budgetAvailable', { amount: 'grant' }, ctx(), poor).ok).toBe(false);
  });

  test('daysBeforeActivityAtLeast', () => {
    expect(g('daysBeforeActivityAtLeast', { days: 42 }).ok).toBe(true); // 13 June is 102 days away
    expect(
      g('daysBeforeActivityAtLeast', { days: 42 }, ctx({ data: { activityDate: '2026-04-01' } }))
        .ok,
    ).toBe(false);
    expect(g('daysBeforeActivityAtLeast', { days: 0 }, ctx({ data: {} })).ok).toBe(false);
  });

  test('actorIsNot (four-eyes)', () => {
    const assessed = ctx({ actors: { ASSESS: 'u1' } });
    expect(g('actorIsNot', { event: 'ASSESS' }, assessed).ok).toBe(false);
    expect(
      g('actorIsNot', { event: 'ASSESS' }, assessed, ev(undefined, { actorId: 'u2' })).ok,
    ).toBe(true);
  });

  test('extensionAvailable: once, after receipt', () => {
    expect(g('extensionAvailable', {}).ok).toBe(false);
    const received = ctx({
      clock: { receivedOn: '2026-03-01', termWeeks: 8, suspensions: [], extension: null },
    });
    expect(g('extensionAvailable', {}, received).ok).toBe(true);
    const extended = ctx({
      clock: { ...received.clock, extension: { weeks: 4, on: '2026-03-02' } },
    });
    expect(g('extensionAvailable', {}, extended).ok).toBe(false);
  });

  test('extensionAvailable: only before the term has passed (Awb 4:14)', () => {
    // Received 1 March, eight weeks: the last day is Monday 27 April 2026 (King's Day, so the
    // 28th).
    const received = ctx({
      clock: { receivedOn: '2026-03-01', termWeeks: 8, suspensions: [], extension: null },
    });
    expect(g('extensionAvailable', {}, received, ev(undefined, { today: '2026-04-28' })).ok).toBe(
      true,
    );
    const late = g('extensionAvailable', {}, received, ev(undefined, { today: '2026-04-29' }));
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.issues[0]?.text?.nl).toBe(
        'De beslistermijn is verstreken op 28 april 2026. Verdagen kan alleen binnen de termijn (Awb 4:14).',
      );
    }
    // A suspension moves the last day, and with it the last day to extend.
    const suspended = ctx({
      clock: {
        ...received.clock,
        suspensions: [
          { requestedOn: '2026-03-10', endedOn: '2026-03-20', periodDays: 14, dueOn: '2026-03-24' },
        ],
      },
    });
    expect(g('extensionAvailable', {}, suspended, ev(undefined, { today: '2026-05-05' })).ok).toBe(
      true,
    );
  });

  test('payloadEquals', () => {
    expect(
      g(
        'payloadEquals',
        { field: 'recommendation', value: 'grant' },
        ctx(),
        ev({ recommendation: 'grant' }),
      ).ok,
    ).toBe(true);
    expect(
      g(
        'payloadEquals',
        { field: 'recommendation', value: 'grant' },
        ctx(),
        ev({ recommendation: 'reject' }),
      ).ok,
    ).toBe(false);
  });

  test('reasonForChangedAmount', () => {
    const rule = { field: 'motivation' };
    // The proposal: the assessor's amount, else the requested total.
    const assessed = ctx({ assessment: { amountCents: 100_000 } });
    expect(g('reasonForChangedAmount', rule, assessed, ev({})).ok).toBe(true);
    expect(g('reasonForChangedAmount', rule, assessed, ev({ amountCents: 100_000 })).ok).toBe(true);
    const lower = g('reasonForChangedAmount', rule, assessed, ev({ amountCents: 80_000 }));
    expect(lower.ok).toBe(false);
    if (!lower.ok) {
      expect(lower.issues[0]?.path).toBe('motivation');
      expect(lower.issues[0]?.text?.nl).toContain('€ 800,00');
      expect(lower.issues[0]?.text?.nl).toContain('€ 1.000,00');
    }
    const blank = ev({ amountCents: 80_000, motivation: '   ' });
    expect(g('reasonForChangedAmount', rule, assessed, blank).ok).toBe(false);
    const reasoned = ev({ amountCents: 80_000, motivation: 'De huur is niet subsidiabel.' });
    expect(g('reasonForChangedAmount', rule, assessed, reasoned).ok).toBe(true);
    // Without an assessed amount the requested total is the proposal.
    const requested = g('reasonForChangedAmount', rule, ctx(), ev({ amountCents: 1 }));
    expect(requested.ok).toBe(false);
  });

  test('unknown guard refuses', () => {
    expect(g('nope', {}).ok).toBe(false);
  });

  test('payload dependence, for allowedEvents', () => {
    expect(dependsOnPayload('payloadEquals', {})).toBe(true);
    expect(dependsOnPayload('reasonForChangedAmount', { field: 'motivation' })).toBe(true);
    expect(dependsOnPayload('budgetAvailable', {})).toBe(true);
    expect(dependsOnPayload('amountAtMost', { amount: 'requested' })).toBe(false);
    expect(dependsOnPayload('formComplete', {})).toBe(false);
  });
});

describe('actions', () => {
  test('assignPayload copies named fields into a part of the application', () => {
    expect(
      a(
        'assignPayload',
        { fields: ['motivation', 'missing'], into: 'assessment' },
        ctx(),
        ev({ motivation: 'ok', x: 1 }),
      ).update,
    ).toEqual({
      assessment: { motivation: 'ok' },
    });
  });

  test('mergeData merges, null removes', () => {
    const out = a('mergeData', {}, ctx(), ev({ data: { title: 'Nieuw', location: null } }));
    expect(out.update?.data?.title).toBe('Nieuw');
    expect(out.update?.data && 'location' in out.update.data).toBe(false);
    expect(a('mergeData', {}, ctx(), ev({})).update).toBeUndefined();
  });

  test('sendNotice and issueDocument', () => {
    expect(a('sendNotice', { template: 'decision', audience: 'applicant' }).effects).toEqual([
      { type: 'notice', template: 'decision', audience: 'applicant' },
    ]);
    const doc = a('issueDocument', { kind: 'rejection', template: 'rejection' });
    expect(doc.effects).toEqual([{ type: 'document', kind: 'rejection', template: 'rejection' }]);
    expect(doc.update?.documents).toEqual([
      { kind: 'rejection', template: 'rejection', on: '2026-03-03' },
    ]);
    expect(doc.update?.decision).toEqual({ sentOn: '2026-03-03' });
    expect(
      a('issueDocument', { kind: 'acknowledgement', template: 'acknowledgement' }).update?.decision,
    ).toBeUndefined();
  });

  test('setGrant takes the payload, else the proposal, else the request', () => {
    expect(a('setGrant', {}, ctx(), ev({ amountCents: 1000 })).update?.grantedCents).toBe(1000);
    expect(a('setGrant', {}, ctx({ assessment: { amountCents: 2000 } })).update?.grantedCents).toBe(
      2000,
    );
    expect(a('setGrant', {}).update?.grantedCents).toBe(125_000);
  });

  test('budget: reserve, release, commit', () => {
    expect(a('reserveBudget', {}, ctx({ grantedCents: 1000 })).effects).toEqual([
      { type: 'budget.reserve', amountCents: 1000 },
    ]);
    expect(
      a('reserveBudget', {}, ctx({ grantedCents: 1000, reservedCents: 1000 })).effects,
    ).toBeUndefined();
    expect(a('releaseBudget', {}, ctx({ reservedCents: 1000 })).effects).toEqual([
      { type: 'budget.release', amountCents: 1000 },
    ]);
    expect(a('releaseBudget', {}).effects).toBeUndefined();
    expect(
      a('commitBudget', {}, ctx({ grantedCents: 1000, reservedCents: 1000, settledCents: 800 }))
        .effects,
    ).toEqual([
      { type: 'budget.commit', amountCents: 800 },
      { type: 'budget.release', amountCents: 200 },
    ]);
    // Settled with the grant: nothing was reserved, so the commit reserves first.
    expect(a('commitBudget', {}, ctx({ grantedCents: 1000, settledCents: 1000 })).effects).toEqual([
      { type: 'budget.reserve', amountCents: 1000 },
      { type: 'budget.commit', amountCents: 1000 },
    ]);
  });

  test('settle records the settled amount and any reclaim', () => {
    const c = ctx({ grantedCents: 1000, advanceCents: 900 });
    expect(a('settle', { amount: 'payload' }, c, ev({ amountCents: 700 })).update).toMatchObject({
      settledCents: 700,
      reclaimCents: 200,
    });
    expect(a('settle', { amount: 'granted' }, c).update).toMatchObject({
      settledCents: 1000,
      reclaimCents: 0,
    });
  });

  test('recordPayment: advance, settlement balance, reclaim', () => {
    const adv = a(
      'recordPayment',
      { kind: 'advance' },
      ctx({ advanceCents: 100 }),
      ev({ amountCents: 400 }),
    );
    expect(adv).toEqual({
      update: {
        advanceCents: 500,
        payments: [{ kind: 'advance', amountCents: 400, on: '2026-03-03' }],
      },
      effects: [{ type: 'payment', kind: 'advance', amountCents: 400 }],
    });
    expect(
      a('recordPayment', { kind: 'settlement' }, ctx({ settledCents: 1000, advanceCents: 400 }))
        .effects,
    ).toEqual([{ type: 'payment', kind: 'settlement', amountCents: 600 }]);
    expect(
      a('recordPayment', { kind: 'settlement' }, ctx({ settledCents: 300, advanceCents: 400 }))
        .effects,
    ).toBeUndefined();
    expect(a('recordPayment', { kind: 'reclaim' }, ctx({ reclaimCents: 100 })).effects).toEqual([
      { type: 'payment', kind: 'reclaim', amountCents: 100 },
    ]);
  });

  test('legal clock: start, suspend, resume, extend', () => {
    const started = a('startClock', {}).update!;
    expect(started.clock).toEqual({
      receivedOn: '2026-03-03',
      termWeeks: 8,
      suspensions: [],
      extension: null,
    });
    expect(started.submittedAt).toBe('2026-03-03T09:00:00.000Z');
    const c = ctx({ clock: started.clock! });
    const suspended = a('suspendClock', { defaultPeriodDays: 14 }, c, ev({ periodDays: 10 }))
      .update!.clock!;
    expect(suspended.suspensions).toEqual([
      {
        requestedOn: '2026-03-03',
        requestedAt: '2026-03-03T09:00:00.000Z',
        periodDays: 10,
        dueOn: '2026-03-13',
        endedOn: null,
      },
    ]);
    expect(
      a('suspendClock', { defaultPeriodDays: 14 }, c).update!.clock!.suspensions[0]?.periodDays,
    ).toBe(14);
    const resumed = a(
      'resumeClock',
      {},
      ctx({ clock: suspended }),
      ev(undefined, { today: '2026-03-08' }),
    ).update!.clock!;
    expect(resumed.suspensions[0]?.endedOn).toBe('2026-03-08');
    const lapsed = a(
      'resumeClock',
      {},
      ctx({ clock: suspended }),
      ev(undefined, { today: '2026-03-16' }),
    ).update!.clock!;
    // Lapsed (even when the timer ran late): the clock runs again the day after the last day.
    expect(lapsed.suspensions[0]?.endedOn).toBe('2026-03-14');
    expect(
      a('extendClock', { defaultWeeks: 4 }, c, ev({ weeks: 6 })).update!.clock!.extension,
    ).toEqual({ weeks: 6, on: '2026-03-03' });
    expect(a('extendClock', { defaultWeeks: 4 }, c).update!.clock!.extension?.weeks).toBe(4);
  });

  test('unknown action does nothing', () => {
    expect(a('nope', {})).toEqual({});
  });
});

describe('delays give absolute instants from the legal clock', () => {
  const received = ctx({
    clock: { receivedOn: '2026-03-03', termWeeks: 8, suspensions: [], extension: null },
  });
  const at = (ms: number) => new Date(NOW + ms).toISOString();

  test('decisionDue with an offset', () => {
    expect(at(delayMs('decisionTerm', def, received, ev()))).toBe('2026-04-28T22:00:00.000Z'); // start of 29 April
    expect(at(delayMs('decisionWarning', def, received, ev()))).toBe('2026-04-20T22:00:00.000Z'); // start of 21 April
  });

  test('supplementDue: the day after the last day', () => {
    const c = ctx({
      clock: {
        ...received.clock,
        suspensions: [
          { requestedOn: '2026-03-03', periodDays: 14, dueOn: '2026-03-17', endedOn: null },
        ],
      },
    });
    expect(at(delayMs('supplementPeriod', def, c, ev()))).toBe('2026-03-17T23:00:00.000Z');
  });

  test('reportDue after the activity date', () => {
    expect(at(delayMs('reportDue', def, received, ev()))).toBe('2026-09-07T22:00:00.000Z');
  });

  test('days, relative to now', () => {
    expect(delayImplementations.days(def, received, ev(), { days: 2 })).toBe(NOW + 2 * 86_400_000);
  });

  test('unknowable moments are parked far ahead, never fired at once; past ones fire now', () => {
    expect(delayMs('decisionTerm', def, ctx(), ev())).toBeGreaterThan(50 * 365 * 86_400_000);
    expect(delayMs('nope', def, ctx(), ev())).toBeGreaterThan(50 * 365 * 86_400_000);
    expect(
      delayMs(
        'decisionTerm',
        def,
        received,
        ev(undefined, { nowMs: Date.parse('2027-01-01T00:00:00Z'), today: '2027-01-01' }),
      ),
    ).toBe(0);
  });
});
