/**
 * `x-showWhen` on a payload's field: the assessor's proposed amount only belongs with the advice
 * to grant. Without the rule an advice to reject carried an amount, and the API took it; with it,
 * the engine refuses it with a sentence naming both fields and the value by their labels, and a
 * conditional field that is also required is required only when it applies, on both validators.
 */
import { describe, expect, test } from 'vitest';
import { EngineError } from '../core/engine-error';
import { applicationView, createApplication, step } from '../runtime/runtime';
import {
  applicant,
  approver,
  assessor,
  completeData,
  facts,
  SHIPPED_KEYS,
  shippedJson,
  T0,
} from '../test/fixtures';
import { validateDefinition } from './definition.validate';
import { compilePayloadSchema } from './payload-schema';
import { applyingPayload, fieldApplies, showWhenIssues } from './payload-show-when';

type Json = Record<string, unknown>;

const RECOMMENDATION = {
  type: 'string',
  enum: ['grant', 'partly', 'reject'],
  'x-label': { nl: 'Advies', en: 'Recommendation' },
  'x-enumLabels': {
    grant: { nl: 'Verlenen', en: 'Grant' },
    partly: { nl: 'Deels verlenen', en: 'Grant in part' },
    reject: { nl: 'Afwijzen', en: 'Reject' },
  },
};
const AMOUNT = {
  type: 'integer',
  minimum: 1,
  maximum: 100_000_000,
  'x-unit': 'cents',
  'x-label': { nl: 'Voorgesteld bedrag', en: 'Proposed amount' },
  'x-showWhen': { field: 'recommendation', in: ['grant', 'partly'] },
};

/** An assessment whose amount applies with (partly) granting; `required` as given. */
function assessment(required: string[], extra: Json = {}): Json {
  return {
    type: 'object',
    properties: {
      recommendation: RECOMMENDATION,
      amountCents: AMOUNT,
      motivation: {
        type: 'string',
        minLength: 1,
        'x-label': { nl: 'Motivering', en: 'Reasoning' },
      },
      ...extra,
    },
    required,
    additionalProperties: false,
  };
}

const ONLY_WHEN = {
  nl: 'Voorgesteld bedrag hoort alleen bij Advies: Verlenen of Deels verlenen. Laat het leeg, of kies bij Advies Verlenen of Deels verlenen.',
  en: 'Proposed amount only applies when Recommendation is Grant or Grant in part. Leave it empty, or choose Grant or Grant in part for Recommendation.',
};
const REQUIRED_WHEN = {
  nl: 'Voorgesteld bedrag ontbreekt; dat is nodig bij Advies: Verlenen of Deels verlenen.',
  en: 'Proposed amount is missing; it is needed when Recommendation is Grant or Grant in part.',
};

// The plain subset is checked directly; a list of strings takes the zod path.
const PATHS = [
  ['direct', {}],
  ['zod', { tags: { type: 'array', items: { type: 'string' } } }],
] as const;

describe.each(PATHS)('x-showWhen on the %s validator', (_, extra) => {
  test('an amount with the advice to reject is refused, naming both fields and the values', () => {
    const { check } = compilePayloadSchema(assessment(['recommendation', 'motivation'], extra));
    const issues = check({ recommendation: 'reject', amountCents: 50_000, motivation: 'Nee.' });
    expect(issues).toEqual([
      {
        path: 'amountCents',
        message: 'only applies when recommendation is grant or partly',
        text: ONLY_WHEN,
      },
    ]);
  });

  test('without the amount a rejection is fine; a grant may leave it out when not required', () => {
    const { check } = compilePayloadSchema(assessment(['recommendation', 'motivation'], extra));
    expect(check({ recommendation: 'reject', motivation: 'Nee.' })).toEqual([]);
    expect(check({ recommendation: 'grant', motivation: 'Ja.' })).toEqual([]);
    expect(check({ recommendation: 'partly', amountCents: 100, motivation: 'Ja.' })).toEqual([]);
  });

  test('required and conditional: required only when it applies', () => {
    const schema = assessment(['recommendation', 'amountCents', 'motivation'], extra);
    const { check } = compilePayloadSchema(schema);
    expect(check({ recommendation: 'reject', motivation: 'Nee.' })).toEqual([]);
    expect(check({ recommendation: 'grant', amountCents: 100, motivation: 'Ja.' })).toEqual([]);
    expect(check({ recommendation: 'grant', motivation: 'Ja.' })).toEqual([
      {
        path: 'amountCents',
        message: 'is required when recommendation is grant or partly',
        text: REQUIRED_WHEN,
      },
    ]);
  });

  test("the fields' own checks come first: a bad amount is named as such", () => {
    const { check } = compilePayloadSchema(assessment(['recommendation', 'motivation'], extra));
    const issues = check({ recommendation: 'reject', amountCents: 0, motivation: 'Nee.' });
    expect(issues.map((i) => i.path)).toEqual(['amountCents']);
    expect(issues[0]?.text).not.toEqual(ONLY_WHEN);
  });
});

describe('fieldApplies and applyingPayload (what the web renders and sends)', () => {
  const schema = assessment(['recommendation', 'motivation']);

  test('a field applies only when the named field holds one of the values', () => {
    expect(fieldApplies(schema, 'amountCents', { recommendation: 'grant' })).toBe(true);
    expect(fieldApplies(schema, 'amountCents', { recommendation: 'partly' })).toBe(true);
    expect(fieldApplies(schema, 'amountCents', { recommendation: 'reject' })).toBe(false);
    expect(fieldApplies(schema, 'amountCents', {})).toBe(false);
    expect(fieldApplies(schema, 'amountCents', undefined)).toBe(false);
    // A field without a condition always applies.
    expect(fieldApplies(schema, 'motivation', {})).toBe(true);
  });

  test('the payload to send leaves out what does not apply', () => {
    const typed = { recommendation: 'reject', amountCents: 50_000, motivation: 'Nee.' };
    expect(applyingPayload(schema, typed)).toEqual({
      recommendation: 'reject',
      motivation: 'Nee.',
    });
    expect(applyingPayload(schema, { ...typed, recommendation: 'grant' })).toEqual({
      ...typed,
      recommendation: 'grant',
    });
  });

  test('a yes/no field: the values are named ja and nee', () => {
    const yesNo = {
      type: 'object',
      properties: {
        urgent: { type: 'boolean', 'x-label': { nl: 'Spoed', en: 'Urgent' } },
        reason: {
          type: 'string',
          'x-label': { nl: 'Reden', en: 'Reason' },
          'x-showWhen': { field: 'urgent', in: [true] },
        },
      },
    };
    expect(fieldApplies(yesNo, 'reason', { urgent: true })).toBe(true);
    expect(showWhenIssues(yesNo, { urgent: false, reason: 'Morgen.' })[0]?.text).toEqual({
      nl: 'Reden hoort alleen bij Spoed: ja. Laat het leeg, of kies bij Spoed ja.',
      en: 'Reason only applies when Urgent is yes. Leave it empty, or choose yes for Urgent.',
    });
  });
});

describe('version 3 of the shipped workflows: the amount only with the advice to grant', () => {
  test.each(SHIPPED_KEYS)('%s is valid and declares the rule on ASSESS', (key) => {
    const result = validateDefinition(shippedJson(key, 'definition.v3.json'));
    expect(result.problems).toEqual([]);
    const payload = result.definition!.events.ASSESS!.payload as Json;
    expect((payload.properties as Record<string, Json>).amountCents!['x-showWhen']).toEqual({
      field: 'recommendation',
      in: ['grant'],
    });
  });

  const def = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v3.json'))
    .definition!;
  // Version 2 and later have no district field: the regulation decides it.
  const { district: _, ...data } = completeData();
  const submitted = step(
    def,
    createApplication(def, { now: T0, actor: applicant, facts, data }).snapshot,
    { type: 'SUBMIT' },
    { now: T0, actor: applicant, facts },
  );
  const assess = (payload: Json) =>
    step(def, submitted.snapshot, { type: 'ASSESS', payload }, { now: T0, actor: assessor, facts });

  test('an advice to reject with an amount is refused; nothing changes', () => {
    let error: unknown;
    try {
      assess({ recommendation: 'reject', amountCents: 50_000, motivation: 'Past niet.' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('invalid_payload');
    expect((error as EngineError).issues).toEqual([
      expect.objectContaining({
        path: 'amountCents',
        text: {
          nl: 'Voorgesteld bedrag hoort alleen bij Advies: Verlenen. Laat het leeg, of kies bij Advies Verlenen.',
          en: 'Proposed amount only applies when Recommendation is Grant. Leave it empty, or choose Grant for Recommendation.',
        },
      }),
    ]);
    expect(applicationView(def, submitted.snapshot, T0, facts).state).toBe('submitted');
  });

  test('an advice to reject without an amount is taken', () => {
    expect(assess({ recommendation: 'reject', motivation: 'Past niet.' }).state).toBe('assessed');
  });

  test('an advice to grant without an amount proposes the requested amount', () => {
    // Not required: the grant falls back to the request (grantAmount), and its guards check it.
    const assessed = assess({ recommendation: 'grant', motivation: 'Goed plan.' });
    const granted = step(
      def,
      assessed.snapshot,
      { type: 'GRANT', payload: {} },
      { now: T0, actor: approver, facts },
    );
    expect(applicationView(def, granted.snapshot, T0, facts).amounts.grantedCents).toBe(125_000);
  });
});
