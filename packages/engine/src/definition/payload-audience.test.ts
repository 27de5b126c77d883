import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { validateDefinition } from './definition.validate';
import { isStaffOnly, staffOnlyKeys } from './payload-audience';
import { compilePayloadSchema } from './payload-schema';

// biome-ignore lint/suspicious/noExplicitAny: tests change definitions on purpose
type Json = any;

function changed(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def);
}

describe('a payload field for staff only (x-audience: staff)', () => {
  test('is accepted, and staffOnlyKeys names exactly those fields', () => {
    const result = changed((d) => {
      d.events.REQUEST_INFO.payload.properties.periodDays['x-audience'] = 'staff';
    });
    expect(result.problems).toEqual([]);
    const schema = result.definition!.events.REQUEST_INFO!.payload!;
    expect(staffOnlyKeys(schema)).toEqual(['periodDays']);
    expect(isStaffOnly((schema.properties as Json).periodDays)).toBe(true);
    expect(isStaffOnly((schema.properties as Json).message)).toBe(false);
    // Nothing shipped narrows its readers: every field of every step is read by all.
    for (const event of Object.values((shippedJson() as Json).events) as Json[]) {
      expect(staffOnlyKeys(event.payload)).toEqual([]);
    }
  });

  test('has no say in what a value may be: the field is checked as before', () => {
    const schema = {
      type: 'object',
      properties: {
        message: { type: 'string', minLength: 1, 'x-label': { nl: 'Vraag', en: 'Question' } },
        periodDays: {
          type: 'integer',
          minimum: 1,
          maximum: 90,
          'x-audience': 'staff',
          'x-label': { nl: 'Termijn (dagen)', en: 'Period (days)' },
        },
      },
      required: ['message'],
      additionalProperties: false,
    };
    const { check, zod } = compilePayloadSchema(schema);
    expect(check({ message: 'Graag de offerte.', periodDays: 14 })).toEqual([]);
    expect(check({ message: 'Graag de offerte.', periodDays: 0 }).map((i) => i.path)).toEqual([
      'periodDays',
    ]);
    expect(zod.safeParse({ message: 'Graag de offerte.', periodDays: 91 }).success).toBe(false);
    expect(zod.safeParse({ message: 'Graag de offerte.', periodDays: 14 }).success).toBe(true);
  });

  test('staffOnlyKeys reads nothing from a schema without fields', () => {
    expect(staffOnlyKeys(undefined)).toEqual([]);
    expect(staffOnlyKeys({ type: 'object' })).toEqual([]);
    expect(
      staffOnlyKeys({ properties: { a: null, b: 'staff', c: { 'x-audience': 'all' } } }),
    ).toEqual([]);
  });

  test('any other reader is refused, naming the step and the field by their labels', () => {
    const result = changed((d) => {
      d.events.REQUEST_INFO.payload.properties.periodDays['x-audience'] = 'applicant';
      d.events.REQUEST_INFO.payload.properties.message['x-audience'] = true;
    });
    expect(result.ok).toBe(false);
    const bad = result.problems.filter((p) => p.code === 'bad_field');
    expect(bad.map((p) => p.path)).toEqual([
      'events.REQUEST_INFO.payload.properties.message.x-audience',
      'events.REQUEST_INFO.payload.properties.periodDays.x-audience',
    ]);
    expect(bad[1]?.text?.nl).toBe(
      'Om aanvulling vragen: bij Termijn voor de aanvulling (dagen) staat een onbekende lezer. Een veld kan alleen ‘alleen voor medewerkers’ zijn (de aanvrager ziet het dan niet in de geschiedenis). Kies dat of haal de keuze weg.',
    );
    expect(bad[1]?.text?.en).toBe(
      'Request information: Period to supplement (days) names an unknown reader. A field can only be ‘staff only’ (the applicant then does not see it in the history). Choose that or remove the choice.',
    );
  });
});
