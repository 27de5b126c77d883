import { describe, expect, test } from 'vitest';
import { formJsonSchema } from '../form/form.json-schema';
import { shippedJson } from '../test/fixtures';
import { workflowDefinitionJsonSchema, workflowDefinitionSchema } from './definition.schema';
import { validateDefinition } from './definition.validate';
import { isCodeNumber } from './integer-display';
import { compilePayloadSchema } from './payload-schema';

// biome-ignore lint/suspicious/noExplicitAny: tests change definitions on purpose
type Json = any;

function changed(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return { def, result: validateDefinition(def) };
}

const buildYear = {
  key: 'buildYear',
  type: 'integer',
  label: { nl: 'Bouwjaar', en: 'Year of construction' },
  display: 'code',
};

describe('a whole number shown as a code (display: code)', () => {
  test('an integer form field, also in a list, may say it is a code', () => {
    const { def, result } = changed((d) => {
      d.form.fields.push(buildYear);
      d.form.pages?.at(-1)?.fields.push('buildYear');
      d.form.fields[8].fields[2].display = 'code';
    });
    expect(result.problems).toEqual([]);
    expect(workflowDefinitionSchema.safeParse(def).success).toBe(true);
    expect(isCodeNumber(result.definition?.form.fields.at(-1))).toBe(true);
    // The form's JSON Schema carries it for whoever reads the answers.
    const schema = formJsonSchema(result.definition!) as Json;
    expect(schema.properties.buildYear['x-display']).toBe('code');
    expect(schema.properties.expectedParticipants['x-display']).toBeUndefined();
  });

  test('a quantity stays a quantity: nothing shipped is a code', () => {
    const def = shippedJson() as Json;
    expect(isCodeNumber(def.form.fields[5])).toBe(false);
    expect(isCodeNumber({ ...buildYear, type: 'money' })).toBe(false);
  });

  test('is refused on a field that is not a whole number, with the question named', () => {
    const { result } = changed((d) => {
      d.form.fields[4].display = 'code';
      d.form.fields[6].fields[1].display = 'code';
    });
    expect(result.ok).toBe(false);
    const bad = result.problems.filter((p) => p.code === 'bad_field');
    expect(bad.map((p) => p.path)).toEqual([
      'form.fields.4.display',
      'form.fields.6.fields.1.display',
    ]);
    expect(bad[0]?.text?.nl).toMatch(/^De vraag .+ is geen geheel getal/);
    expect(bad[0]?.text?.en).toMatch(/^The question .+ is not a whole number/);
  });

  test('only the value code is known', () => {
    const { result } = changed((d) => {
      d.form.fields[5].display = 'plain';
    });
    expect(result.problems.map((p) => `${p.code} ${p.path}`)).toContain(
      'invalid_shape form.fields.5.display',
    );
  });

  test('is in the JSON Schema editors and the OpenAPI document read', () => {
    expect(JSON.stringify(workflowDefinitionJsonSchema())).toContain('"display"');
  });
});

describe('a payload field shown as a code (x-display: code)', () => {
  test('is accepted on a whole number and still checked as one', () => {
    const { result } = changed((d) => {
      d.events.SUBMIT_REPORT.payload.properties.year = {
        type: 'integer',
        minimum: 2000,
        maximum: 2100,
        'x-display': 'code',
        'x-label': { nl: 'Jaar van de activiteit', en: 'Year of the activity' },
      };
    });
    expect(result.problems).toEqual([]);
    const schema = result.definition!.events.SUBMIT_REPORT!.payload!;
    expect(isCodeNumber((schema.properties as Json).year)).toBe(true);
    const { check } = compilePayloadSchema({
      type: 'object',
      properties: { year: (schema.properties as Json).year },
    });
    expect(check({ year: 2026 })).toEqual([]);
    expect(check({ year: 1999 }).map((i) => i.path)).toEqual(['year']);
  });

  test('is refused on money, text or another value, naming the step and the field', () => {
    const { result } = changed((d) => {
      d.events.GRANT.payload.properties.amountCents['x-display'] = 'code';
      d.events.REQUEST_INFO.payload.properties.periodDays['x-display'] = 'plain';
    });
    const bad = result.problems.filter((p) => p.code === 'bad_field');
    expect(bad.map((p) => p.path)).toEqual([
      'events.REQUEST_INFO.payload.properties.periodDays.x-display',
      'events.GRANT.payload.properties.amountCents.x-display',
    ]);
    expect(bad[1]?.text?.nl).toContain('Te verlenen bedrag kan alleen als code');
    expect(bad[1]?.text?.en).toContain('Amount to grant can only be shown as a code');
  });
});
