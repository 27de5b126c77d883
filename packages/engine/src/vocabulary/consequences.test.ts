import { describe, expect, test } from 'vitest';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { biDefinition, noord, v13Data } from '../test/bewonersinitiatief-v13';
import { shippedJson } from '../test/fixtures';
import { runAction } from './actions';
import { advancePaidWith, consequencesOf } from './consequences';
import { emptyContext } from './vocabulary.context';

describe('consequencesOf', () => {
  const def = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json'))
    .definition!;

  test('a decision, a payment, another letter, or nothing to take back', () => {
    // Granting issues a decision; one of its branches settles and pays at once.
    expect(consequencesOf(def, 'assessed', 'GRANT')).toEqual({
      decision: true,
      letter: false,
      payment: true,
      grant: true,
    });
    expect(consequencesOf(def, 'assessed', 'REJECT')).toMatchObject({
      decision: true,
      grant: false,
    });
    expect(consequencesOf(def, 'granted', 'PAY_ADVANCE')).toEqual({
      decision: false,
      letter: false,
      payment: true,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'REQUEST_INFO')).toEqual({
      decision: false,
      letter: true,
      payment: false,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'ASSESS')).toEqual({
      decision: false,
      letter: false,
      payment: false,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'NO_SUCH_EVENT')).toEqual({
      decision: false,
      letter: false,
      payment: false,
      grant: false,
    });
  });
});

describe('advancePaidWith', () => {
  const def = {
    states: {
      granted: {
        on: {
          PAY: { actions: [{ type: 'recordPayment', params: { kind: 'advance' } }] },
          WITH: [
            'granted',
            { actions: [{ type: 'sendNotice', params: { template: 'x' } }] },
            {
              actions: {
                type: 'recordPayment',
                params: { kind: 'advance', field: 'advanceCents' },
              },
            },
          ],
          SETTLE: { actions: [{ type: 'recordPayment', params: { kind: 'settlement' } }] },
        },
      },
    },
  } as unknown as WorkflowDefinition;

  test('the step’s own amount, or the field the payment names, when it is more than zero', () => {
    expect(advancePaidWith(def, 'granted', 'PAY', { amountCents: 40_000 })).toBe(40_000);
    expect(advancePaidWith(def, 'granted', 'PAY', { amountCents: 0 })).toBeUndefined();
    expect(advancePaidWith(def, 'granted', 'PAY', { advanceCents: 40_000 })).toBeUndefined();
    expect(advancePaidWith(def, 'granted', 'WITH', { advanceCents: 5, amountCents: 9 })).toBe(5);
    expect(advancePaidWith(def, 'granted', 'WITH', { amountCents: 9 })).toBeUndefined();
    expect(advancePaidWith(def, 'granted', 'WITH', { advanceCents: 2.5 })).toBeUndefined();
    expect(advancePaidWith(def, 'granted', 'SETTLE', { amountCents: 9 })).toBeUndefined();
    expect(advancePaidWith(def, 'granted', 'NONE', { amountCents: 9 })).toBeUndefined();
    expect(advancePaidWith(def, 'elsewhere', 'PAY', { amountCents: 9 })).toBeUndefined();
  });

  test('is what recordPayment of the shipped steps pays as an advance', () => {
    const v13 = biDefinition(13);
    const ctx = { ...emptyContext(v13Data()), grantedCents: 100_000, advanceCents: 10_000 };
    const steps = [
      ['assessed', 'GRANT'],
      ['granted', 'PAY_ADVANCE'],
    ] as const;
    for (const [state, type] of steps) {
      for (const payload of [
        {},
        { amountCents: 0 },
        { amountCents: 30_000 },
        { advanceCents: 20_000 },
        { amountCents: 30_000, advanceCents: 20_000 },
        { amountCents: 30_000, advanceCents: 0 },
      ]) {
        const on = v13.states[state]?.on?.[type];
        const paid = [on]
          .flat()
          .flatMap((w) => (typeof w === 'object' && w?.actions ? [w.actions].flat() : []))
          .filter((a) => a.type === 'recordPayment' && a.params?.kind === 'advance')
          .flatMap(
            (a) =>
              runAction(a.type, a.params, v13, ctx, {
                type,
                payload,
                nowMs: Date.parse('2026-03-03T09:00:00Z'),
                today: '2026-03-03',
                actorId: 'u1',
                roles: ['approver'],
                facts: noord,
              }).effects ?? [],
          )
          .flatMap((e) => (e.type === 'payment' ? [e.amountCents] : []));
        expect([type, payload, advancePaidWith(v13, state, type, payload)]).toEqual([
          type,
          payload,
          paid[0],
        ]);
      }
    }
  });
});
