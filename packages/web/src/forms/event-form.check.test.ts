/**
 * The event form's check with a field that applies only with a certain choice (`x-showWhen`): it
 * is neither checked nor sent while it does not apply, its input stays, and a required one is
 * asked for only when it applies.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/client';
import { checkEventForm, ruleGroups } from './event-form.check';
import { formFields, type Value } from './event-form.fields';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    recommendation: {
      type: 'string',
      enum: ['grant', 'reject'],
      'x-label': { nl: 'Advies', en: 'Recommendation' },
      'x-enumLabels': {
        grant: { nl: 'Verlenen', en: 'Grant' },
        reject: { nl: 'Afwijzen', en: 'Reject' },
      },
    },
    amountCents: {
      type: 'integer',
      minimum: 1,
      'x-unit': 'cents',
      'x-label': { nl: 'Voorgesteld bedrag', en: 'Proposed amount' },
      'x-showWhen': { field: 'recommendation', in: ['grant'] },
    },
    motivation: { type: 'string', 'x-label': { nl: 'Motivering', en: 'Reasoning' } },
  },
  required: ['recommendation', 'amountCents'],
};

const t = (key: string, vars?: Record<string, string | number>) => `${key}:${vars?.field ?? ''}`;

function check(values: Record<string, Value>) {
  return checkEventForm({
    schema,
    fields: formFields(schema),
    values,
    typedProblems: {},
    locale: 'nl',
    t,
    label: (name) => name,
  });
}

describe('a field that applies only with a certain choice', () => {
  it('is left out of the payload and its checks while it does not apply', () => {
    const result = check({ recommendation: 'reject', amountCents: 50_000, motivation: 'Nee.' });
    expect(result.payload).toEqual({ recommendation: 'reject', motivation: 'Nee.' });
    expect(result.errors).toEqual({});
    expect([...result.applies].sort()).toEqual(['motivation', 'recommendation']);
  });

  it('is sent, and required, when it applies', () => {
    expect(check({ recommendation: 'grant', amountCents: 50_000, motivation: '' }).payload).toEqual(
      { recommendation: 'grant', amountCents: 50_000 },
    );
    expect(check({ recommendation: 'grant', amountCents: null, motivation: '' }).errors).toEqual({
      amountCents: 'form.required:amountCents',
    });
  });

  it('does not apply before a choice is made', () => {
    const result = check({ recommendation: '', amountCents: null, motivation: '' });
    expect(result.applies.has('amountCents')).toBe(false);
    expect(result.errors).toEqual({ recommendation: 'form.required:recommendation' });
  });

  it('is checked again with the field it depends on', () => {
    expect(ruleGroups(schema)).toEqual([['recommendation', 'amountCents']]);
  });
});

describe('text typed that makes no value', () => {
  const dated: JsonSchema = {
    type: 'object',
    properties: {
      deadline: {
        type: 'string',
        format: 'date',
        'x-label': { nl: 'Uiterste datum', en: 'Deadline' },
      },
    },
  };
  const run = (
    values: Record<string, Value>,
    typedProblems: Record<string, { nl: string; en: string }>,
  ) =>
    checkEventForm({
      schema: dated,
      fields: formFields(dated),
      values,
      typedProblems,
      locale: 'nl',
      t,
      label: (name) => (name === 'deadline' ? 'Uiterste datum' : name),
    });

  it('stops the form with its own sentence, named by the label, and sends nothing of it', () => {
    const result = run(
      { deadline: '' },
      { deadline: { nl: 'Februari 2027 heeft 28 dagen.', en: 'February 2027 has 28 days.' } },
    );
    expect(result.errors).toEqual({ deadline: 'Uiterste datum: Februari 2027 heeft 28 dagen.' });
    expect(result.payload).toEqual({});
  });

  it('is no error once the date reads', () => {
    const result = run({ deadline: '2027-02-28' }, {});
    expect(result.errors).toEqual({});
    expect(result.payload).toEqual({ deadline: '2027-02-28' });
  });
});
