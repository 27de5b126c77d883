import { describe, expect, test } from 'vitest';
import { formJsonSchema } from '../form/form.json-schema';
import { validateFormData } from '../form/form.validate';
import { createApplication } from '../runtime/runtime';
import { templateVariables } from '../templates/template-variables';
import { applicant, completeData, facts, shippedJson, T0 } from '../test/fixtures';
import { optionLabel } from './definition.rules';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

const KIND = {
  key: 'activityKind',
  type: 'select',
  label: { nl: 'Soort activiteit', en: 'Kind of activity' },
  options: ['straatfeest', 'moestuin'],
  optionLabels: {
    straatfeest: { nl: 'Straatfeest', en: 'Street party' },
    moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
  },
};

/** Version 1 of the resident initiatives with the question KIND (changed by `mutate`) on its last page. */
function withKind(mutate: (field: Json) => void = () => {}): Json {
  const def = structuredClone(shippedJson()) as Json;
  const field = structuredClone(KIND) as Json;
  mutate(field);
  def.form.fields.push(field);
  def.form.pages.at(-1).fields.push(field.key);
  return def;
}
const at = (def: Json) => def.form.fields.length - 1;
const problemsOf = (def: Json) => validateDefinition(def).problems;

describe('the words of a choice list’s choices', () => {
  test('a choice list with words for every choice in both languages is valid', () => {
    const result = validateDefinition(withKind());
    expect(result.problems).toEqual([]);
    const field = result.definition!.form.fields.find((f) => f.key === KIND.key)!;
    expect(optionLabel(field, 'moestuin')).toEqual({ nl: 'Moestuin', en: 'Vegetable garden' });
  });

  test('a definition without words stays valid and shows each choice as its value', () => {
    const result = validateDefinition(shippedJson());
    expect(result.problems).toEqual([]);
    const district = result.definition!.form.fields.find((f) => f.key === 'district')!;
    expect(optionLabel(district, 'Delfshaven')).toEqual({ nl: 'Delfshaven', en: 'Delfshaven' });
    // An answer no (longer a) choice reads as written, too.
    expect(optionLabel(KIND as Json, 'barbecue')).toEqual({ nl: 'barbecue', en: 'barbecue' });
  });

  test('words for a value that is no choice are refused at that value, named by the words', () => {
    const def = withKind((f) => {
      f.optionLabels.barbecue = { nl: 'Barbecue', en: 'Barbecue' };
    });
    const found = problemsOf(def);
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['bad_field', `form.fields.${at(def)}.optionLabels.barbecue`],
    ]);
    expect(found[0]!.text).toEqual({
      nl: 'De keuzelijst Soort activiteit heeft woorden voor de keuze ‘Barbecue’, maar die keuze staat niet in de lijst. Voeg de keuze toe of haal de woorden weg.',
      en: 'The choice list Kind of activity has words for the choice ‘Barbecue’, but that choice is not in the list. Add the choice or remove the words.',
    });
  });

  test('a choice without English, or without words at all (by its place), is named at the empty box', () => {
    const def = withKind((f) => {
      f.optionLabels.moestuin.en = ' ';
      f.options.push('buurtbbq');
    });
    const i = at(def);
    const found = problemsOf(def).map((p) => [p.code, p.path, p.text?.nl, p.text?.en]);
    expect(found).toEqual([
      [
        'missing_translation',
        `form.fields.${i}.optionLabels.moestuin.en`,
        'Vraag ‘Soort activiteit’, keuze ‘Moestuin’: de Engelse tekst ontbreekt.',
        'Question ‘Kind of activity’, choice ‘Moestuin’: the English text is missing.',
      ],
      [
        'missing_translation',
        `form.fields.${i}.optionLabels.buurtbbq.nl`,
        'Vraag ‘Soort activiteit’, keuze 3: de Nederlandse tekst ontbreekt.',
        'Question ‘Kind of activity’, choice 3: the Dutch text is missing.',
      ],
      [
        'missing_translation',
        `form.fields.${i}.optionLabels.buurtbbq.en`,
        'Vraag ‘Soort activiteit’, keuze 3: de Engelse tekst ontbreekt.',
        'Question ‘Kind of activity’, choice 3: the English text is missing.',
      ],
    ]);
  });

  test('a list’s own choice list is checked alike, named by the list and the question', () => {
    const def = structuredClone(shippedJson()) as Json;
    const i = def.form.fields.findIndex((f: Json) => f.key === 'budgetLines');
    def.form.fields[i].fields.push({
      ...structuredClone(KIND),
      label: { nl: 'Soort uitgave', en: 'Kind of expense' },
      optionLabels: { straatfeest: { nl: 'Straatfeest', en: '' } },
    });
    const j = def.form.fields[i].fields.length - 1;
    const found = problemsOf(def).map((p) => [p.path, p.text?.nl]);
    expect(found).toEqual([
      [
        `form.fields.${i}.fields.${j}.optionLabels.straatfeest.en`,
        'Vraag ‘Begroting’ › Vraag ‘Soort uitgave’, keuze ‘Straatfeest’: de Engelse tekst ontbreekt.',
      ],
      [
        `form.fields.${i}.fields.${j}.optionLabels.moestuin.nl`,
        'Vraag ‘Begroting’ › Vraag ‘Soort uitgave’, keuze 2: de Nederlandse tekst ontbreekt.',
      ],
      [
        `form.fields.${i}.fields.${j}.optionLabels.moestuin.en`,
        'Vraag ‘Begroting’ › Vraag ‘Soort uitgave’, keuze 2: de Engelse tekst ontbreekt.',
      ],
    ]);
  });

  test('the shape: words in both languages, on a choice list only', () => {
    const def = withKind((f) => {
      f.optionLabels.moestuin = 'Moestuin';
    });
    expect(problemsOf(def).map((p) => `${p.code} ${p.path}`)).toEqual([
      `invalid_shape form.fields.${at(def)}.optionLabels.moestuin`,
    ]);
    const text = withKind((f) => {
      f.type = 'text';
      delete f.options;
    });
    const found = problemsOf(text);
    expect(found.map((p) => `${p.code} ${p.path}`)).toEqual([
      `bad_field form.fields.${at(text)}.optionLabels`,
    ]);
    expect(found[0]!.text!.nl).toBe(
      'De vraag Soort activiteit is geen keuzelijst en heeft daarom geen keuzes met woorden. Haal die woorden weg.',
    );
  });

  test('optionLabel reads a language left empty in the other one', () => {
    const field = { optionLabels: { moestuin: { nl: 'Moestuin', en: '' } } };
    expect(optionLabel(field, 'moestuin')).toEqual({ nl: 'Moestuin', en: 'Moestuin' });
    expect(optionLabel({}, 'moestuin')).toEqual({ nl: 'moestuin', en: 'moestuin' });
    // A key of every object is no choice's words.
    expect(optionLabel(field, 'toString')).toEqual({ nl: 'toString', en: 'toString' });
  });
});

describe('a labelled choice in the answers', () => {
  const def = validateDefinition(withKind()).definition!;

  test('the value is stored and checked, never the words', () => {
    const data = completeData({ activityKind: 'moestuin' });
    expect(validateFormData(def, data).issues).toEqual([]);
    const refused = validateFormData(def, { ...data, activityKind: 'Moestuin' }).issues;
    expect(refused.map((i) => [i.path, i.text.nl])).toEqual([
      ['data.activityKind', 'Kies bij Soort activiteit een van de mogelijkheden.'],
    ]);
  });

  test('the form’s JSON Schema carries the words beside the values', () => {
    const schema = formJsonSchema(def) as Json;
    expect(schema.properties.activityKind).toMatchObject({
      enum: ['straatfeest', 'moestuin'],
      'x-enumLabels': KIND.optionLabels,
    });
  });

  test('{{district}} from a form’s own choice list is the choice in the recipient’s words', () => {
    const v1 = shippedJson() as Json;
    const district = v1.form.fields.find((f: Json) => f.key === 'district');
    district.optionLabels = Object.fromEntries(
      district.options.map((o: string) => [o, { nl: o, en: o }]),
    );
    district.optionLabels.Noord = { nl: 'Rotterdam-Noord', en: 'Rotterdam North' };
    const withWords = validateDefinition(v1).definition!;
    const r = createApplication(withWords, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData({ district: 'Noord' }),
    });
    const shell = {
      now: T0,
      reference: 'BI-2026-000125',
      applicantName: 'Fatima el Amrani',
      applicationUrl: 'https://example.org/a/3',
      facts,
    };
    const nl = templateVariables(withWords, r.snapshot, { ...shell, locale: 'nl' });
    const en = templateVariables(withWords, r.snapshot, { ...shell, locale: 'en' });
    expect([nl.district, en.district]).toEqual(['Rotterdam-Noord', 'Rotterdam North']);
  });
});
