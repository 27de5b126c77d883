import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIGITS_PATTERN, validateFormData, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { sampleDataFor } from './simulator-sample';

const shipped = (key: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../workflows/${key}/definition.json`, import.meta.url)),
      'utf8',
    ),
  ) as WorkflowDefinition;

describe('the simulator’s sample data comes from the form being tried', () => {
  it.each(['bewonersinitiatief', 'klein-buurtbudget'])(
    'a complete, valid form for %s, with four items in each list',
    (key) => {
      const def = shipped(key);
      const data = sampleDataFor(def, '2026-12-01');
      expect(validateFormData(def, data).issues).toEqual([]);
      for (const field of def.form.fields) {
        if (field.type === 'list') expect(data[field.key]).toHaveLength(4);
      }
    },
  );

  it('follows a field it has never seen, within its limits', () => {
    const def = shipped('klein-buurtbudget');
    def.form.fields.push({
      key: 'aantalVrijwilligers',
      type: 'integer',
      label: { nl: 'Aantal vrijwilligers', en: 'Number of volunteers' },
      min: 1,
      max: 10,
    });
    const data = sampleDataFor(def, '2026-12-01');
    expect(data.aantalVrijwilligers).toBe(10);
  });

  it('answers a yes/no question Ja, on the form and in each row of a list', () => {
    const def = shipped('bewonersinitiatief');
    const question = (key: string) => ({
      key,
      type: 'yesno' as const,
      label: { nl: 'Toegankelijk?', en: 'Accessible?' },
    });
    def.form.fields.push(question('toegankelijk'));
    const supporters = def.form.fields.find((f) => f.key === 'supporters');
    if (supporters?.type !== 'list') throw new Error('no supporters list');
    supporters.fields.push(question('woontInDeBuurt'));
    const data = sampleDataFor(def, '2026-12-01');
    expect(data.toegankelijk).toBe(true);
    expect((data.supporters as Record<string, unknown>[]).map((r) => r.woontInDeBuurt)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(validateFormData(def, data).issues).toEqual([]);
  });

  it('gives a number of digits only as many digits as it asks, starting with 0', () => {
    const def = shipped('klein-buurtbudget');
    def.form.fields.push({
      key: 'kvkNummer',
      type: 'text',
      label: { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
      pattern: DIGITS_PATTERN,
      minLength: 8,
      maxLength: 8,
    });
    const data = sampleDataFor(def, '2026-12-01');
    expect(data.kvkNummer).toBe('01234567');
    expect(validateFormData(def, data).issues).toEqual([]);
  });

  it('leaves out a question that applies only after an answer the sample does not give', () => {
    const def = shipped('klein-buurtbudget');
    def.form.fields.push(
      {
        key: 'eerderSubsidie',
        type: 'yesno',
        label: { nl: 'Eerder subsidie gekregen?', en: 'Had a grant before?' },
      },
      {
        key: 'waaromNiet',
        type: 'text',
        label: { nl: 'Waarom niet?', en: 'Why not?' },
        showWhen: { field: 'eerderSubsidie', in: [false] },
      },
      {
        key: 'welkJaar',
        type: 'text',
        label: { nl: 'Welk jaar?', en: 'Which year?' },
        showWhen: { field: 'eerderSubsidie', in: [true] },
      },
    );
    const data = sampleDataFor(def, '2026-12-01');
    expect(data.eerderSubsidie).toBe(true);
    expect(data).not.toHaveProperty('waaromNiet');
    expect(data.welkJaar).toBe('Welk jaar?');
    expect(validateFormData(def, data).issues).toEqual([]);
  });
});
