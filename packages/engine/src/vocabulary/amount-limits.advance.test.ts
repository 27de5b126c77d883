/**
 * `advanceAbove`: the advance the page says is refused before it sends is the advance the guards
 * `amountAtMost` refuse on every way of the step (an advance decided with the grant, a later one).
 */
import { describe, expect, test } from 'vitest';
import type { ApplicationContext } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { formatMoney } from '../legal-clock/calendar';
import { biDefinition, noord, v13Data } from '../test/bewonersinitiatief-v13';
import { advanceAbove } from './amount-limits';
import { runGuard } from './guards';
import { emptyContext, type MachineEvent } from './vocabulary.context';

const def = {
  states: {
    assessed: {
      on: {
        GRANT: [
          {
            target: 'settled',
            guard: [
              { type: 'amountAtMost', params: { amount: 'grant', limit: 'requested' } },
              {
                type: 'amountAtMost',
                params: { amount: 'payload', field: 'advanceCents', limit: 'fixed', cents: 0 },
              },
            ],
          },
          {
            target: 'granted',
            guard: {
              type: 'amountAtMost',
              params: { amount: 'payload', field: 'advanceCents', limit: 'grant' },
            },
          },
        ],
        OPEN: [
          {
            target: 'granted',
            guard: {
              type: 'amountAtMost',
              params: { amount: 'payload', field: 'advanceCents', limit: 'grant' },
            },
          },
          'granted',
        ],
      },
    },
    granted: {
      on: {
        PAY_ADVANCE: {
          guard: { type: 'amountAtMost', params: { amount: 'advanceTotal', limit: 'granted' } },
        },
        OTHER_TOTAL: {
          guard: { type: 'amountAtMost', params: { amount: 'advanceTotal', limit: 'requested' } },
        },
      },
    },
  },
} as unknown as WorkflowDefinition;

const figures = { requestedCents: 125_000, grantedCents: 100_000, advanceCents: 60_000 };

describe('an advance above what it may be', () => {
  test('with the grant: refused when every way refuses it, each reason in the ways’ order', () => {
    const grant = (payload: Record<string, unknown>) =>
      advanceAbove(def, 'assessed', 'GRANT', payload, figures);
    // No advance, or one within the amount to grant: a way takes it.
    expect(grant({ amountCents: 90_000 })).toEqual([]);
    expect(grant({ amountCents: 90_000, advanceCents: 0 })).toEqual([]);
    expect(grant({ amountCents: 90_000, advanceCents: 90_000 })).toEqual([]);
    expect(grant({ amountCents: 90_000, advanceCents: 90_001 })).toEqual([
      { limit: 'fixed', amountCents: 90_001, limitCents: 0, field: 'advanceCents' },
      { limit: 'grant', amountCents: 90_001, limitCents: 90_000, field: 'advanceCents' },
    ]);
    // The amount to grant is known only when the step names it.
    expect(grant({ advanceCents: 10_000_000 })).toEqual([]);
    // An advance that is not a whole number of cents is no advance, as the guard reads it.
    expect(grant({ amountCents: 90_000, advanceCents: 90_000.5 })).toEqual([]);
  });

  test('a way that holds the advance to nothing takes any advance', () => {
    expect(
      advanceAbove(def, 'assessed', 'OPEN', { amountCents: 1, advanceCents: 2 }, figures),
    ).toEqual([]);
  });

  test('later: above the part of the grant not yet paid, said at the step’s amount', () => {
    const pay = (amountCents: number, known = figures) =>
      advanceAbove(def, 'granted', 'PAY_ADVANCE', { amountCents }, known);
    expect(pay(40_000)).toEqual([]);
    expect(pay(40_001)).toEqual([
      { limit: 'remainingGrant', amountCents: 40_001, limitCents: 40_000, field: 'amountCents' },
    ]);
    // Without what was paid so far it is not judged; a total held to another figure neither.
    expect(pay(1_000_000, { ...figures, advanceCents: null } as never)).toEqual([]);
    expect(
      advanceAbove(def, 'granted', 'OTHER_TOTAL', { amountCents: 1_000_000 }, figures),
    ).toEqual([]);
    expect(advanceAbove(def, 'granted', 'PAY_ADVANCE', {}, figures)).toEqual([]);
  });

  test('an unknown step, state or definition holds nothing', () => {
    expect(advanceAbove(def, 'granted', 'NONE', { amountCents: 1 }, figures)).toEqual([]);
    expect(advanceAbove(def, 'nowhere', 'GRANT', { advanceCents: 1 }, figures)).toEqual([]);
    expect(advanceAbove(undefined, 'assessed', 'GRANT', { advanceCents: 1 }, figures)).toEqual([]);
  });
});

describe('agrees with the guards amountAtMost of the shipped advances', () => {
  const v13 = biDefinition(13);
  const ctx = (advanceCents: number): ApplicationContext => ({
    ...emptyContext(v13Data()),
    grantedCents: 100_000,
    advanceCents,
  });
  const ev = (type: string, payload: Record<string, unknown>): MachineEvent => ({
    type,
    payload,
    nowMs: Date.parse('2026-03-03T09:00:00Z'),
    today: '2026-03-03',
    actorId: 'u1',
    roles: ['approver'],
    facts: noord,
  });
  type Guard = { type: string; params?: Record<string, unknown> };
  // The guards that hold an advance: another field of the step, or all advances together.
  const advanceGuards = (state: string, type: string): Guard[][] => {
    const on = v13.states[state]?.on?.[type];
    const ways = (Array.isArray(on) ? on : [on]) as { guard?: Guard | Guard[] }[];
    return ways.map((w) =>
      [w.guard ?? []]
        .flat()
        .filter(
          (g) =>
            g.type === 'amountAtMost' &&
            (g.params?.field !== undefined || g.params?.amount === 'advanceTotal'),
        ),
    );
  };
  const AMOUNTS = [1, 39_999, 40_000, 40_001, 99_999, 100_000, 100_001, 125_000];

  test('on GRANT: said exactly when every way refuses the advance, with the guard’s figure', () => {
    const ways = advanceGuards('assessed', 'GRANT');
    expect(ways.map((w) => w.length)).toEqual([1, 1]);
    let said = 0;
    for (const amountCents of AMOUNTS) {
      for (const advanceCents of [0, ...AMOUNTS]) {
        const payload = { amountCents, advanceCents };
        const figures = { requestedCents: 125_000, grantedCents: null, advanceCents: 0 };
        const above = advanceAbove(v13, 'assessed', 'GRANT', payload, figures);
        const failed = ways.map((w) =>
          w
            .map((g) => runGuard(g.type, g.params, v13, ctx(0), ev('GRANT', payload)))
            .filter((r) => !r.ok),
        );
        expect([payload, above.length > 0]).toEqual([payload, failed.every((f) => f.length > 0)]);
        const grant = above.find((a) => a.limit === 'grant');
        if (above.length > 0) {
          said += 1;
          expect(grant).toMatchObject({ field: 'advanceCents', limitCents: amountCents });
          expect(JSON.stringify(failed[1])).toContain(`(${formatMoney(amountCents, 'en')})`);
        }
      }
    }
    expect(said).toBeGreaterThan(0);
  });

  test('on PAY_ADVANCE: said exactly when all advances together are above the granted amount', () => {
    const [way] = advanceGuards('granted', 'PAY_ADVANCE');
    expect(way).toHaveLength(1);
    let said = 0;
    for (const paid of [0, 60_000, 100_000]) {
      for (const amountCents of AMOUNTS) {
        const figures = { requestedCents: 125_000, grantedCents: 100_000, advanceCents: paid };
        const above = advanceAbove(v13, 'granted', 'PAY_ADVANCE', { amountCents }, figures);
        const g = way![0]!;
        const guard = runGuard(
          g.type,
          g.params,
          v13,
          ctx(paid),
          ev('PAY_ADVANCE', { amountCents }),
        );
        expect([paid, amountCents, above.length > 0]).toEqual([paid, amountCents, !guard.ok]);
        if (above.length > 0) {
          said += 1;
          expect(above).toEqual([
            {
              limit: 'remainingGrant',
              amountCents,
              limitCents: 100_000 - paid,
              field: 'amountCents',
            },
          ]);
        }
      }
    }
    expect(said).toBeGreaterThan(0);
  });
});
