/**
 * What the event form says before it asks for confirmation: the limits of the payload's JSON
 * Schema, and an amount above a limit every way of the step holds it to.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/client';
import { checkEventForm } from './event-form.check';
import { formFields } from './event-form.fields';
import { amountLimitErrors, amountLimitsOf } from './event-form.limits';

const t = (key: string, vars?: Record<string, string | number>) =>
  `${key}:${JSON.stringify(vars ?? {})}`;
const money = (c: number) => `€${c / 100}`;

const schema: JsonSchema = {
  type: 'object',
  properties: {
    days: { type: 'integer', minimum: 1, maximum: 90 },
    amountCents: { type: 'integer', minimum: 1, maximum: 100_000, 'x-unit': 'cents' },
    message: { type: 'string', minLength: 2, maxLength: 5 },
  },
};

function check(values: Record<string, string | number | null>) {
  return checkEventForm({
    schema,
    fields: formFields(schema),
    values,
    typedProblems: {},
    locale: 'nl',
    t,
    label: (name) => name,
    formatMoney: money,
  }).errors;
}

describe('the limits of the payload schema', () => {
  it('holds numbers, amounts and text to them, as the API does', () => {
    expect(check({ days: '0', amountCents: 50, message: 'ok' })).toEqual({
      days: 'form.numberRange:{"field":"days","min":"1","max":"90"}',
    });
    expect(check({ days: '365', amountCents: 200_000, message: 'te lang' })).toEqual({
      days: 'form.numberRange:{"field":"days","min":"1","max":"90"}',
      amountCents: 'form.numberRange:{"field":"amountCents","min":"€0.01","max":"€1000"}',
      message: 'form.maxLengthField:{"field":"message","n":5,"count":7}',
    });
    expect(check({ days: '14', amountCents: 100_000, message: 'x' })).toEqual({
      message: 'form.minLengthField:{"field":"message","n":2}',
    });
    expect(check({ days: '1', amountCents: 1, message: 'ja' })).toEqual({});
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
            ],
          },
          {
            target: 'b',
            guard: { type: 'amountAtMost', params: { amount: 'grant', limit: 'requested' } },
          },
        ],
        PAY: { target: 'c' },
      },
    },
  },
} as unknown as WorkflowDefinition;

describe('the limits of a step the page can judge', () => {
  it('are those every way of the step holds the amount to', () => {
    expect(amountLimitsOf(def, 'waiting', 'DECIDE')).toEqual(['requested']);
    expect(amountLimitsOf(def, 'waiting', 'PAY')).toEqual([]);
    expect(amountLimitsOf(def, 'elsewhere', 'DECIDE')).toEqual([]);
  });

  it('say an amount above the requested one at its field', () => {
    const errors = (amountCents: number) =>
      amountLimitErrors({
        def,
        state: 'waiting',
        type: 'DECIDE',
        payload: { amountCents },
        figures: { requestedCents: 125_000, grantedCents: null, regulationMaxCents: 1 },
        label: () => 'Te verlenen bedrag',
        t,
        formatMoney: money,
      });
    expect(errors(1_500_000)).toEqual({
      amountCents:
        'form.amountAbove.requested:{"field":"Te verlenen bedrag","amount":"€15000","limit":"€1250"}',
    });
    expect(errors(125_000)).toEqual({});
  });
});
