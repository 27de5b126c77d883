import { describe, expect, test } from 'vitest';
import type { ApplicationContext } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { formatMoney } from '../legal-clock/calendar';
import { completeData, facts, loadShippedDefinition } from '../test/fixtures';
import {
  type AmountFigures,
  amountAbove,
  amountLimitCents,
  payloadAmountAbove,
  payloadAmountLimits,
} from './amount-limits';
import { runGuard } from './guards';
import { emptyContext, type MachineEvent } from './vocabulary.context';
import { amountLimit } from './vocabulary.params';

const LIMITS = amountLimit.options;

const figures: AmountFigures = {
  requestedCents: 125_000,
  grantedCents: 100_000,
  grantCents: 90_000,
  advanceCents: 60_000,
  regulationMaxCents: 1_000_000,
  directSettlementThresholdCents: 50_000,
  settlementFourEyesAboveCents: 100_000,
};

describe('the figure each limit stands for', () => {
  test('is read from the figures, the part not yet paid from the granted amount and the advances', () => {
    expect(LIMITS.map((l) => [l, amountLimitCents(l, figures, 7_500)])).toEqual([
      ['regulationMax', 1_000_000],
      ['granted', 100_000],
      ['grant', 90_000],
      ['requested', 125_000],
      ['remainingGrant', 40_000],
      ['directSettlementThreshold', 50_000],
      ['settlementFourEyes', 100_000],
      ['fixed', 7_500],
    ]);
  });

  test('is unknown when its figure is not given, and then nothing is above it', () => {
    for (const l of LIMITS) expect(amountLimitCents(l, {})).toBeUndefined();
    expect(amountLimitCents('remainingGrant', { grantedCents: 100_000 })).toBeUndefined();
    expect(amountLimitCents('granted', { grantedCents: null })).toBeUndefined();
    expect(amountAbove(Number.MAX_SAFE_INTEGER, 'requested', {})).toBeNull();
  });
});

describe('an amount above its limit', () => {
  test('is at most the figure: equal is within, one cent more is above', () => {
    expect(amountAbove(125_000, 'requested', figures)).toBeNull();
    expect(amountAbove(125_001, 'requested', figures)).toEqual({
      limit: 'requested',
      amountCents: 125_001,
      limitCents: 125_000,
    });
    expect(amountAbove(40_001, 'remainingGrant', figures)?.limitCents).toBe(40_000);
    expect(
      amountAbove(0, 'directSettlementThreshold', { directSettlementThresholdCents: -1 }),
    ).not.toBeNull();
  });
});

const def = {
  states: {
    waiting: {
      on: {
        DECIDE: [
          {
            target: 'a',
            guard: [
              { type: 'amountAtMost', params: { amount: 'grant', limit: 'requested' } },
              { type: 'amountAtMost', params: { amount: 'grant', limit: 'regulationMax' } },
              { type: 'amountAtMost', params: { amount: 'payload', limit: 'fixed', cents: 900 } },
            ],
          },
          {
            target: 'b',
            guard: [
              { type: 'amountAtMost', params: { amount: 'payload', limit: 'fixed', cents: 900 } },
              { type: 'amountAtMost', params: { amount: 'grant', limit: 'requested' } },
            ],
          },
        ],
        FIXED: [
          {
            target: 'a',
            guard: {
              type: 'amountAtMost',
              params: { amount: 'payload', limit: 'fixed', cents: 1 },
            },
          },
          {
            target: 'b',
            guard: {
              type: 'amountAtMost',
              params: { amount: 'payload', limit: 'fixed', cents: 2 },
            },
          },
        ],
        ADVANCE: {
          target: 'c',
          guard: [
            { type: 'amountAtMost', params: { amount: 'advanceTotal', limit: 'granted' } },
            { type: 'amountAtMost', params: { amount: 'requested', limit: 'regulationMax' } },
            { type: 'amountAtLeast', params: { amount: 'payload', cents: 100 } },
          ],
        },
        PLAIN: ['c', { target: 'c', guard: { type: 'amountAtMost', params: {} } }],
      },
    },
  },
} as unknown as WorkflowDefinition;

describe('the limits every way of a step holds its amount to', () => {
  test('are those of the payload or the grant that every way has, in the first way’s order', () => {
    expect(payloadAmountLimits(def, 'waiting', 'DECIDE')).toEqual([
      { limit: 'requested' },
      { limit: 'fixed', cents: 900 },
    ]);
    // Two fixed limits of different figures are two limits, neither held by every way.
    expect(payloadAmountLimits(def, 'waiting', 'FIXED')).toEqual([]);
  });

  test('leave out other amounts, other guards, a way without guards, and an unknown step', () => {
    expect(payloadAmountLimits(def, 'waiting', 'ADVANCE')).toEqual([]);
    expect(payloadAmountLimits(def, 'waiting', 'PLAIN')).toEqual([]);
    expect(payloadAmountLimits(def, 'waiting', 'NONE')).toEqual([]);
    expect(payloadAmountLimits(def, 'elsewhere', 'DECIDE')).toEqual([]);
    expect(payloadAmountLimits(undefined, 'waiting', 'DECIDE')).toEqual([]);
  });

  test('say each limit the payload’s amount is above, at its field', () => {
    const known = { requestedCents: 800 };
    expect(payloadAmountAbove(def, 'waiting', 'DECIDE', { amountCents: 800 }, known)).toEqual([]);
    expect(payloadAmountAbove(def, 'waiting', 'DECIDE', { amountCents: 850 }, known)).toEqual([
      { limit: 'requested', amountCents: 850, limitCents: 800, field: 'amountCents' },
    ]);
    expect(
      payloadAmountAbove(def, 'waiting', 'DECIDE', { amountCents: 1_000 }, known).map(
        (a) => a.limit,
      ),
    ).toEqual(['requested', 'fixed']);
    // Without the requested amount known, only the fixed limit can be judged.
    expect(
      payloadAmountAbove(def, 'waiting', 'DECIDE', { amountCents: 1_000 }, {}).map((a) => a.limit),
    ).toEqual(['fixed']);
    expect(payloadAmountAbove(def, 'waiting', 'DECIDE', { motivation: 'x' }, known)).toEqual([]);
    expect(payloadAmountAbove(def, 'waiting', 'DECIDE', { amountCents: 1.5 }, known)).toEqual([]);
  });
});

describe('agrees with the guard amountAtMost', () => {
  const shipped = loadShippedDefinition();
  const data = completeData(); // requests € 1.250,00
  const ctx = (over: Partial<ApplicationContext> = {}): ApplicationContext => ({
    ...emptyContext(data),
    grantedCents: 100_000,
    advanceCents: 60_000,
    ...over,
  });
  const ev = (amountCents: number, type = 'TEST'): MachineEvent => ({
    type,
    payload: { amountCents },
    nowMs: Date.parse('2026-03-03T09:00:00Z'),
    today: '2026-03-03',
    actorId: 'u1',
    roles: ['assessor'],
    facts,
  });
  // The figures as the guard reads them off that context and those facts.
  const same: AmountFigures = {
    requestedCents: 125_000,
    grantedCents: 100_000,
    advanceCents: 60_000,
    regulationMaxCents: facts.regulation.maxAmountCents,
    directSettlementThresholdCents: facts.regulation.directSettlementThresholdCents,
    settlementFourEyesAboveCents: facts.regulation.settlementFourEyesAboveCents,
  };
  const AMOUNTS = [0, 1, 39_999, 40_000, 40_001, 50_000, 50_001, 100_000, 100_001, 125_000];
  const MORE = [125_001, 999_999, 1_000_000, 1_000_001];

  test('on every limit and amount: the guard refuses exactly the amounts above the figure', () => {
    for (const limit of LIMITS) {
      for (const amount of [...AMOUNTS, ...MORE]) {
        const params = { amount: 'payload', limit, cents: 50_000 };
        const guard = runGuard('amountAtMost', params, shipped, ctx(), ev(amount));
        const above = amountAbove(amount, limit, same, 50_000);
        expect([limit, amount, guard.ok]).toEqual([limit, amount, above === null]);
        if (!guard.ok && above) {
          expect(guard.issues[0]?.path).toBe('amountCents');
          expect(guard.issues[0]?.message).toContain(`(${formatMoney(above.limitCents, 'en')})`);
        }
      }
    }
  });

  test('on the shipped steps: what the page says before sending is what the guards refuse', () => {
    const steps = [
      ['assessed', 'GRANT'],
      ['submitted', 'ASSESS'],
      ['report_submitted', 'SETTLE'],
    ] as const;
    for (const [state, type] of steps) {
      const limits = payloadAmountLimits(shipped, state, type);
      expect(limits.length).toBeGreaterThan(0);
      for (const amount of [...AMOUNTS, ...MORE]) {
        const said = payloadAmountAbove(shipped, state, type, { amountCents: amount }, same);
        // A grant decides the amount the step names: both sources read the payload's.
        for (const source of ['payload', 'grant']) {
          const refused = limits.filter(
            ({ limit }) =>
              !runGuard('amountAtMost', { amount: source, limit }, shipped, ctx(), ev(amount, type))
                .ok,
          );
          expect(said.map((a) => a.limit)).toEqual(refused.map((l) => l.limit));
        }
      }
    }
    // The threshold for direct settlement and the four-eyes limit choose a way; they refuse nothing.
    expect(payloadAmountLimits(shipped, 'assessed', 'GRANT').map((l) => l.limit)).toEqual([
      'requested',
      'regulationMax',
    ]);
    expect(payloadAmountLimits(shipped, 'report_submitted', 'SETTLE')).toEqual([
      { limit: 'granted' },
    ]);
  });
});
