/**
 * A yes/no question (`yesno`) on the application form: the applicant answers Ja or Nee, stored
 * as `true` or `false`. Required, one of the two must be chosen (Nee is an answer); optional and
 * unanswered, absent. Every refusal is a sentence naming the question by its label.
 */
import { describe, expect, test } from 'vitest';
import { scalarFieldSchema, workflowDefinitionJsonSchema } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { completeData, loadShippedDefinition } from '../test/fixtures';
import { formJsonSchema } from './form.json-schema';
import { labelOfPath } from './form.texts';
import { validateFormData } from './form.validate';
import { yesNoLabel, yesNoOf } from './yes-no';

const ACCESSIBLE = {
  key: 'accessible',
  type: 'yesno',
  label: {
    nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
    en: 'Is the activity accessible to people with a disability?',
  },
  staffLabel: {
    nl: 'Toegankelijk voor mensen met een beperking',
    en: 'Accessible to people with a disability',
  },
} as const;

/** The shipped form with the yes/no question on its last page; `extra` changes the question. */
function withQuestion(extra: Record<string, unknown> = {}) {
  const def = structuredClone(loadShippedDefinition());
  def.form.fields.push({ ...ACCESSIBLE, ...extra } as (typeof def.form.fields)[number]);
  def.form.pages?.at(-1)?.fields.push('accessible');
  return def;
}

describe('the definition', () => {
  test('accepts a yes/no question, on the form and as a list’s own question', () => {
    expect(scalarFieldSchema.safeParse(ACCESSIBLE).success).toBe(true);
    const def = withQuestion();
    const supporters = def.form.fields.find((f) => f.key === 'supporters');
    if (supporters?.type !== 'list') throw new Error('no supporters list');
    supporters.fields.push({
      key: 'livesNearby',
      type: 'yesno',
      label: { nl: 'Woont in de buurt', en: 'Lives nearby' },
      required: false,
    });
    const checked = validateDefinition(def);
    expect(checked.problems).toEqual([]);
    expect(checked.ok).toBe(true);
  });

  test('the JSON Schema of a definition names the kind', () => {
    expect(JSON.stringify(workflowDefinitionJsonSchema())).toContain('"yesno"');
  });

  test('a yes/no question with limits or choices is refused in words', () => {
    const checked = validateDefinition(withQuestion({ options: ['ja', 'nee', 'misschien'] }));
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((p) => p.text)).toContainEqual({
      nl: 'De vraag Is de activiteit toegankelijk voor mensen met een beperking? is een ja/nee-vraag: de antwoorden zijn Ja en Nee, zonder grenzen, patroon of andere keuzes. Haal die weg.',
      en: 'The question Is the activity accessible to people with a disability? is a yes/no question: its answers are Yes and No, without limits, pattern or other choices. Remove them.',
    });
  });
});

describe('the answer', () => {
  const def = withQuestion();
  const issuesOf = (accessible: unknown, options: Parameters<typeof validateFormData>[2] = {}) =>
    validateFormData(def, { ...completeData(), accessible }, options).issues;

  test('Ja and Nee are both answers: a complete form passes with either', () => {
    expect(issuesOf(true)).toEqual([]);
    expect(issuesOf(false)).toEqual([]);
  });

  test('required and not answered: a sentence naming the question by its label', () => {
    expect(issuesOf(undefined)).toEqual([
      {
        path: 'data.accessible',
        message: 'must be answered yes or no',
        text: {
          nl: 'Kies Ja of Nee bij ‘Is de activiteit toegankelijk voor mensen met een beperking?’.',
          en: 'Choose Yes or No for ‘Is the activity accessible to people with a disability?’.',
        },
      },
    ]);
    // Staff (the desk filling it in for her) read the words for staff.
    expect(issuesOf(null, { reader: 'staff' })[0]?.text?.nl).toBe(
      'Kies Ja of Nee bij ‘Toegankelijk voor mensen met een beperking’.',
    );
    // A draft may leave it for later.
    expect(issuesOf(undefined, { partial: true })).toEqual([]);
  });

  test('optional: unanswered is absent and fine, an answer still has to be Ja or Nee', () => {
    const optional = withQuestion({ required: false });
    expect(validateFormData(optional, completeData())).toEqual({ ok: true, issues: [] });
    expect(validateFormData(optional, { ...completeData(), accessible: false }).ok).toBe(true);
    expect(validateFormData(optional, { ...completeData(), accessible: 'nee' }).ok).toBe(false);
  });

  test('a word or anything else but true or false is refused, in a draft too', () => {
    for (const accessible of ['ja', 'Nee', 'true', 1, 0, ['ja'], {}]) {
      for (const partial of [false, true]) {
        expect(issuesOf(accessible, { partial })).toEqual([
          {
            path: 'data.accessible',
            message: 'must be true (yes) or false (no)',
            text: {
              nl: 'Bij ‘Is de activiteit toegankelijk voor mensen met een beperking?’ kan alleen Ja of Nee gekozen worden.',
              en: '‘Is the activity accessible to people with a disability?’ can only be answered Yes or No.',
            },
          },
        ]);
      }
    }
  });

  test('in a list, a row’s answer is named by the list, the row and the question', () => {
    const inList = withQuestion({ required: false });
    const supporters = inList.form.fields.find((f) => f.key === 'supporters');
    if (supporters?.type !== 'list') throw new Error('no supporters list');
    supporters.fields.push({
      key: 'livesNearby',
      type: 'yesno',
      label: { nl: 'Woont in de buurt', en: 'Lives nearby' },
    });
    const data = completeData();
    const rows: Record<string, unknown>[] = (data.supporters as Record<string, unknown>[]).map(
      (row, i) => ({ ...row, livesNearby: i !== 0 }),
    );
    expect(validateFormData(inList, { ...data, supporters: rows }).ok).toBe(true);
    delete rows[1]!.livesNearby;
    const issues = validateFormData(inList, { ...data, supporters: rows }).issues;
    expect(issues.map((i) => i.text?.nl)).toEqual([
      'Kies Ja of Nee bij ‘Handtekeningen van buurtbewoners, regel 2: Woont in de buurt’.',
    ]);
    expect(labelOfPath(inList.form, issues[0]!.path).en).toBe('Supporters, line 2: Lives nearby');
  });
});

describe('the words of an answer and the form’s JSON Schema', () => {
  test('Ja/Nee in Dutch, Yes/No in English', () => {
    expect(yesNoLabel(true)).toEqual({ nl: 'Ja', en: 'Yes' });
    expect(yesNoLabel(false)).toEqual({ nl: 'Nee', en: 'No' });
  });

  test('a written ja or nee, in either language, is read as the answer; nothing else', () => {
    expect(['ja', ' Ja ', 'YES'].map(yesNoOf)).toEqual([true, true, true]);
    expect(['nee', 'No'].map(yesNoOf)).toEqual([false, false]);
    expect(['misschien', 'j', '', 'nooit'].map(yesNoOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('the form’s JSON Schema says boolean, with the words of both answers', () => {
    const schema = formJsonSchema(withQuestion()) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(schema.properties.accessible).toEqual({
      title: ACCESSIBLE.label.nl,
      type: 'boolean',
      'x-enumLabels': { true: { nl: 'Ja', en: 'Yes' }, false: { nl: 'Nee', en: 'No' } },
    });
    expect(schema.required).toContain('accessible');
  });
});
