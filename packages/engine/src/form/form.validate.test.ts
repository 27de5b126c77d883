import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { DIGITS_PATTERN } from '../definition/integer-display';
import { completeData, loadShippedDefinition, shippedJson } from '../test/fixtures';
import { formJsonSchema } from './form.json-schema';
import { requestedCents, validateFormData } from './form.validate';
import { activityDateOf, applicationDescription, applicationTitle } from './form-fields';
import { isValidIban, normalizeIban } from './iban';

const def = loadShippedDefinition();

describe('IBAN (mod-97)', () => {
  test.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'nl91abna0417164300',
    'DE89370400440532013000',
    'BE68539007547034',
  ])('accepts %s', (iban) => expect(isValidIban(iban)).toBe(true));
  test.each([
    'NL92ABNA0417164300',
    'NL91ABNA041716430',
    'NL91ABN00417164300',
    'XX',
    '',
    '1234567890',
  ])('rejects %s', (iban) => expect(isValidIban(iban)).toBe(false));
  test('normalizes', () =>
    expect(normalizeIban(' nl91 abna 0417164300 ')).toBe('NL91ABNA0417164300'));
});

describe('validateFormData', () => {
  test('complete data passes', () => {
    expect(validateFormData(def, completeData())).toEqual({ ok: true, issues: [] });
  });

  test('a draft may be incomplete, but what is there must fit', () => {
    expect(validateFormData(def, { title: 'Straatfeest' }, { partial: true }).ok).toBe(true);
    expect(
      validateFormData(def, { budgetLines: [{ description: 'Tent' }] }, { partial: true }).ok,
    ).toBe(true);
    const result = validateFormData(
      def,
      {
        budgetLines: [{ description: 'Tent', amountCents: 12.5 }],
        iban: 'NL00',
        expectedParticipants: 0,
      },
      { partial: true },
    );
    expect(result.issues.map((i) => i.path)).toEqual([
      'data.expectedParticipants',
      'data.budgetLines.0.amountCents',
      'data.iban',
    ]);
  });

  test('complete validation names every missing field with a dotted path', () => {
    const result = validateFormData(def, {
      title: 'Straatfeest',
      budgetLines: [{ description: 'Tent' }],
    });
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('data.description');
    expect(paths).toContain('data.budgetLines.0.amountCents');
    expect(paths).toContain('data.iban');
    expect(paths).not.toContain('data.title');
  });

  test('types and limits of every field type', () => {
    const issues = validateFormData(def, {
      ...completeData(),
      title: 'ab',
      description: 42,
      district: 'Atlantis',
      activityDate: '2026-02-30',
      expectedParticipants: 'veel',
      budgetLines: 'geen',
      supporters: [{ name: 'A', postcode: '1234', age: 200 }, 'x'],
      unknownField: true,
    }).issues;
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toMatchObject({
      'data.title': 'must be at least 3 characters',
      'data.description': 'must be text',
      'data.district': expect.stringContaining('must be one of'),
      'data.activityDate': 'must be a date (YYYY-MM-DD)',
      'data.expectedParticipants': 'must be a whole number',
      'data.budgetLines': 'must be a list',
      'data.supporters.0.name': 'must be at least 2 characters',
      'data.supporters.0.postcode': 'must be a Dutch postcode (1234 AB)',
      'data.supporters.0.age': 'must be at most 130',
      'data.supporters.1': 'must be an object',
      'data.unknownField': 'is not a field of this form',
    });
  });

  test('data must be an object', () => {
    expect(validateFormData(def, [], { partial: true }).issues).toEqual([
      {
        path: 'data',
        message: 'must be an object',
        text: { nl: 'De gegevens van het formulier ontbreken.', en: 'The form data is missing.' },
      },
    ]);
  });
});

test('requested amount is the sum of the budget lines', () => {
  expect(requestedCents(def, completeData())).toBe(125_000);
  expect(requestedCents(def, {})).toBe(0);
  expect(
    requestedCents(def, { budgetLines: [{ amountCents: 100 }, { amountCents: 'x' }, null] }),
  ).toBe(100);
});

test('the form has a JSON Schema for UIs', () => {
  const schema = formJsonSchema(def) as {
    properties: Record<string, { type: string }>;
    required: string[];
  };
  expect(schema.properties.budgetLines?.type).toBe('array');
  expect(schema.required).toContain('iban');
});

describe('the application title comes from the field the definition names', () => {
  test('the declared field, trimmed; nothing filled in yet is empty', () => {
    expect(applicationTitle(def, { title: '  Buurtfeest Ayşe  ' })).toBe('Buurtfeest Ayşe');
    expect(applicationTitle(def, {})).toBe('');
    const renamed = { ...def, form: { ...def.form, titleField: 'naam' } };
    expect(applicationTitle(renamed, { title: 'oud', naam: 'Straatfeest' })).toBe('Straatfeest');
  });

  test('a title field that is not a text field of the form is refused', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the definition is broken on purpose
    const json = structuredClone(shippedJson()) as any;
    json.form.titleField = 'activityDate';
    const [problem] = validateDefinition(json).problems;
    expect(problem).toMatchObject({ path: 'form.titleField', code: 'bad_form' });
    // Said in words with the question's own label, in both languages: no key, no English in nl.
    const date = json.form.fields.find((f: { key: string }) => f.key === 'activityDate').label;
    expect(problem?.text?.nl).toBe(
      `Naam van de aanvraag: de vraag ${date.nl} is geen tekst. Kies een andere vraag.`,
    );
    expect(problem?.text?.en).toContain(date.en);
    json.form.titleField = 'nope';
    expect(validateDefinition(json).ok).toBe(false);
  });
});

describe('what the application is about comes from the form, not from a field name', () => {
  test('the first long text by default, or the field the definition names', () => {
    const data = { description: ' Een feest voor de straat. ', location: 'Plein' };
    expect(applicationDescription(def, data)).toBe('Een feest voor de straat.');
    const named = { ...def, form: { ...def.form, descriptionField: 'location' } };
    expect(applicationDescription(named, data)).toBe('Plein');
    const without = { ...def, form: { ...def.form, fields: [] } };
    expect(applicationDescription(without, data)).toBe('');
  });

  test('a description field that is not a text field is refused', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the definition is broken on purpose
    const json = structuredClone(shippedJson()) as any;
    json.form.descriptionField = 'budgetLines';
    expect(validateDefinition(json).problems).toContainEqual(
      expect.objectContaining({ path: 'form.descriptionField', code: 'bad_form' }),
    );
  });
});

describe('the activity date comes from the field the definition names', () => {
  test('the declared field, only as a calendar date', () => {
    expect(activityDateOf(def, { activityDate: '2027-05-01' })).toBe('2027-05-01');
    expect(activityDateOf(def, { activityDate: '1 mei' })).toBeUndefined();
    const renamed = { ...def, form: { ...def.form, activityDateField: 'datum' } };
    expect(activityDateOf(renamed, { activityDate: '2027-05-01', datum: '2027-06-02' })).toBe(
      '2027-06-02',
    );
  });
});

describe('an attachments field', () => {
  const withFiles = (field: Record<string, unknown>) =>
    ({
      form: {
        fields: [
          {
            key: 'quotes',
            type: 'attachments',
            label: { nl: 'Offertes', en: 'Quotes' },
            ...field,
          },
        ],
      },
    }) as Parameters<typeof validateFormData>[0];
  const a = '0b8f2b9c-6a55-4a57-9f0e-3c2d1e0f4a11';
  const b = '5d1c7e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

  test('holds the ids of uploaded files', () => {
    expect(validateFormData(withFiles({}), { quotes: [a, b] }).ok).toBe(true);
  });

  test('required means at least one file, said in words that name the field', () => {
    for (const data of [{}, { quotes: [] }]) {
      const result = validateFormData(withFiles({}), data);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.path).toBe('data.quotes');
      expect(result.issues[0]?.text?.nl).toBe('Voeg bij Offertes minstens één bestand toe.');
    }
    expect(validateFormData(withFiles({ required: false }), { quotes: [] }).ok).toBe(true);
    expect(validateFormData(withFiles({}), {}, { partial: true }).ok).toBe(true);
  });

  test('refuses what is not an uploaded file id, a file twice, and too many', () => {
    const odd = validateFormData(withFiles({}), { quotes: [a, 'x\u0000', a, 7] });
    expect(odd.issues.map((i) => i.path)).toEqual([
      'data.quotes.1',
      'data.quotes.2',
      'data.quotes.3',
    ]);
    expect(validateFormData(withFiles({}), { quotes: a }).issues[0]?.text?.en).toBe(
      'Quotes must be a list of files.',
    );
    const many = validateFormData(withFiles({ maxItems: 1 }), { quotes: [a, b] });
    expect(many.issues[0]?.text?.nl).toBe('Offertes mag hoogstens één bestand hebben.');
    const few = validateFormData(withFiles({ minItems: 2 }), { quotes: [a] });
    expect(few.issues[0]?.text?.en).toBe('Add at least 2 files to Quotes.');
  });

  test('appears in the JSON Schema as a list of unique uuids', () => {
    const schema = formJsonSchema(withFiles({ maxItems: 3 })) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties.quotes).toMatchObject({
      type: 'array',
      maxItems: 3,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    });
  });
});

describe('a number written with digits only (a text field with DIGITS_PATTERN)', () => {
  const withKvk = structuredClone(def);
  withKvk.form.fields.push({
    key: 'kvkNumber',
    type: 'text',
    label: { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
    pattern: DIGITS_PATTERN,
    minLength: 8,
    maxLength: 8,
    required: false,
  });
  const issues = (kvkNumber: string) =>
    validateFormData(withKvk, { kvkNumber }, { partial: true }).issues;

  test('keeps its leading zero: it is text, not a quantity', () => {
    expect(issues('01234567')).toEqual([]);
  });

  test('refuses anything but digits with a sentence that says so', () => {
    for (const typed of ['0123 4567', '0123.4567', '0123456a']) {
      const found = issues(typed);
      expect(found.map((i) => i.text)).toContainEqual({
        nl: 'KvK-nummer mag alleen cijfers bevatten, zonder spaties of punten.',
        en: 'Chamber of Commerce number may only contain digits, without spaces or dots.',
      });
    }
  });

  test('another pattern keeps its general sentence', () => {
    const other = structuredClone(withKvk);
    const field = other.form.fields.at(-1)!;
    if (field.type !== 'text') throw new Error('not text');
    field.pattern = '^[A-Z]+$';
    field.minLength = undefined;
    field.maxLength = undefined;
    const found = validateFormData(other, { kvkNumber: 'abc' }, { partial: true }).issues;
    expect(found.map((i) => i.text?.nl)).toEqual(['KvK-nummer heeft niet de juiste vorm.']);
  });
});

describe('a statement to tick (confirm)', () => {
  const withStatement = structuredClone(def);
  withStatement.form.fields.push({
    key: 'adult',
    type: 'confirm',
    label: { nl: 'Ik ben 18 jaar of ouder.', en: 'I am 18 or older.' },
    staffLabel: { nl: 'De aanvrager is 18 jaar of ouder', en: 'The applicant is 18 or older' },
  });
  withStatement.form.pages?.at(-1)?.fields.push('adult');
  const issuesOf = (adult: unknown, options: Parameters<typeof validateFormData>[2] = {}) =>
    validateFormData(withStatement, { ...completeData(), adult }, options).issues;

  test('ticked, the form is complete', () => {
    expect(issuesOf(true)).toEqual([]);
  });

  test('never ticked or unticked again, a complete form asks for it in its own words', () => {
    for (const adult of [undefined, false]) {
      expect(issuesOf(adult)).toEqual([
        {
          path: 'data.adult',
          message: 'must be ticked',
          text: { nl: 'Vink aan: Ik ben 18 jaar of ouder.', en: 'Please tick: I am 18 or older.' },
        },
      ]);
    }
    // The desk filing for her reads the words for staff.
    expect(issuesOf(false, { reader: 'staff' })[0]?.text?.nl).toBe(
      'Vink aan: De aanvrager is 18 jaar of ouder.',
    );
    // A draft may leave it for later.
    expect(issuesOf(false, { partial: true })).toEqual([]);
  });

  test('anything but true or false is refused, and the schema says boolean', () => {
    for (const adult of ['ja', 1, 'true']) {
      expect(issuesOf(adult)[0]?.text?.nl).toBe(
        'Bij ‘Ik ben 18 jaar of ouder’ kan alleen een vinkje staan.',
      );
    }
    const schema = formJsonSchema(withStatement) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties.adult).toMatchObject({ type: 'boolean' });
  });

  test('a definition that gives a statement limits or choices is refused in words', () => {
    const odd = structuredClone(withStatement) as unknown as {
      form: { fields: Record<string, unknown>[] };
    };
    odd.form.fields.at(-1)!.options = ['ja'];
    const checked = validateDefinition(odd);
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((p) => p.text?.nl)).toContain(
      'De vraag Ik ben 18 jaar of ouder. is een verklaring om aan te vinken en heeft geen grenzen, patroon of keuzes. Haal die weg.',
    );
    expect(validateDefinition(withStatement).ok).toBe(true);
  });
});
