/**
 * The definition check of `x-showWhen`: what a policy officer can get wrong (a field the step
 * lacks, the field itself, a field without fixed choices, a value it does not have, a chain, a mix
 * with "at least one of") is refused at the rule's path, with a sentence naming the step and the
 * fields by their labels.
 */
import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { validateDefinition } from './definition.validate';

type Json = Record<string, unknown>;
const AT = 'events.ASSESS.payload.properties.amountCents.x-showWhen';

/** Version 3 of the shipped workflow with ASSESS's payload changed by `edit`. */
function withAssess(edit: (payload: Json, properties: Record<string, Json>) => void) {
  const json = structuredClone(shippedJson('bewonersinitiatief', 'definition.v3.json')) as {
    events: Record<string, { payload: Json }>;
  };
  const payload = json.events.ASSESS!.payload;
  edit(payload, payload.properties as Record<string, Json>);
  return validateDefinition(json);
}

const setRule = (rule: unknown) =>
  withAssess((_, p) => {
    p.amountCents!['x-showWhen'] = rule;
  });

const refusals = (result: ReturnType<typeof validateDefinition>) =>
  result.problems.map((p) => [p.path, p.code]);

describe('definition check of x-showWhen', () => {
  test('the shipped rule is valid, as is one on a yes/no field', () => {
    expect(setRule({ field: 'recommendation', in: ['grant'] }).problems).toEqual([]);
    const yesNo = withAssess((_, p) => {
      p.urgent = { type: 'boolean', 'x-label': { nl: 'Spoed', en: 'Urgent' } };
      p.amountCents!['x-showWhen'] = { field: 'urgent', in: [false] };
    });
    expect(yesNo.problems).toEqual([]);
  });

  test('a field the step does not have', () => {
    const result = setRule({ field: 'advice', in: ['grant'] });
    expect(refusals(result)).toEqual([[`${AT}.field`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text).toEqual({
      nl: 'Beoordelen: Voorgesteld bedrag hangt af van advice, maar dat veld staat niet bij deze stap. Kies een veld van deze stap.',
      en: 'Assess: Proposed amount depends on advice, but this step has no such field. Choose a field of this step.',
    });
  });

  test('the field itself', () => {
    const result = setRule({ field: 'amountCents', in: [1] });
    expect(refusals(result)).toEqual([[`${AT}.field`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text?.nl).toContain('kan niet van zichzelf afhangen');
  });

  test('a field without fixed choices', () => {
    const result = setRule({ field: 'motivation', in: ['x'] });
    expect(refusals(result)).toEqual([[`${AT}.field`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text?.nl).toBe(
      'Beoordelen: Voorgesteld bedrag hangt af van Motivering, maar dat veld heeft geen vaste keuzes. Kies een keuzelijst of een ja/nee-veld.',
    );
  });

  test('a value the field does not have is named, with the choices by their labels', () => {
    const result = setRule({ field: 'recommendation', in: ['grant', 'partly'] });
    expect(refusals(result)).toEqual([[`${AT}.in.1`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text).toEqual({
      nl: 'Beoordelen: Voorgesteld bedrag wordt gevraagd als Advies partly is, maar Advies heeft die keuze niet. Kies uit Verlenen of Afwijzen.',
      en: 'Assess: Proposed amount is asked when Recommendation is partly, but Recommendation has no such choice. Choose from Grant or Reject.',
    });
    // A yes/no field holds true and false, not their words.
    const yesNo = withAssess((_, p) => {
      p.urgent = { type: 'boolean' };
      p.amountCents!['x-showWhen'] = { field: 'urgent', in: ['true'] };
    });
    expect(refusals(yesNo)).toEqual([[`${AT}.in.0`, 'bad_payload_rule']]);
  });

  test.each([[[]], [['grant', 'grant']]])('no values, or one twice (%j)', (values) => {
    const result = setRule({ field: 'recommendation', in: values });
    expect(refusals(result)).toEqual([[`${AT}.in`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text?.en).toContain('each choice once');
  });

  test.each([
    [{ field: 'recommendation' }],
    [{ in: ['grant'] }],
    ['recommendation'],
    [{ field: 'recommendation', in: 'grant' }],
  ])('a rule that is not { field, in } (%j)', (rule) => {
    const result = setRule(rule);
    expect(refusals(result)).toEqual([[AT, 'bad_payload_rule']]);
    expect(result.problems[0]?.text?.nl).toMatch(/^Beoordelen: bij Voorgesteld bedrag staat niet/);
  });

  test('no chains: the field depended on is itself conditional', () => {
    const result = withAssess((_, p) => {
      p.amountCents!['x-showWhen'] = { field: 'recommendation', in: ['grant'] };
      p.recommendation!['x-showWhen'] = { field: 'urgent', in: [true] };
      p.urgent = { type: 'boolean', 'x-label': { nl: 'Spoed', en: 'Urgent' } };
    });
    expect(refusals(result)).toEqual([[`${AT}.field`, 'bad_payload_rule']]);
    expect(result.problems[0]?.text?.nl).toBe(
      'Beoordelen: Voorgesteld bedrag hangt af van Advies, maar Advies wordt zelf ook alleen soms gevraagd. Kies een veld dat altijd gevraagd wordt.',
    );
  });

  test('not with "at least one of": neither the conditional field nor the one it depends on', () => {
    const dependent = withAssess((payload) => {
      payload['x-atLeastOneOf'] = ['amountCents', 'motivation'];
    });
    expect(refusals(dependent)).toEqual([[AT, 'bad_payload_rule']]);
    expect(dependent.problems[0]?.text?.nl).toContain(
      'Voorgesteld bedrag wordt alleen soms gevraagd en kan daarom niet in de regel "ten minste één van" staan.',
    );
    const named = withAssess((payload) => {
      payload['x-atLeastOneOf'] = ['recommendation', 'motivation'];
    });
    expect(refusals(named)).toEqual([[`${AT}.field`, 'bad_payload_rule']]);
    expect(named.problems[0]?.text?.en).toContain(
      'Recommendation is in the rule "at least one of" and may stay empty',
    );
  });
});
