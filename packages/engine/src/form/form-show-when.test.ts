/**
 * A question of the form asked only after certain answers (`showWhen`): "Voor welk jaar en welk
 * bedrag?" only after Ja to "Heeft u eerder subsidie gekregen voor dit initiatief?". The check of
 * the definition, the form's rules (required only when it applies, an answer to a question that
 * does not apply refused), the patch that clears such answers, and the published JSON Schema.
 */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { dataForNewVersion } from '../runtime/migrate-data';
import { completeData, loadShippedDefinition } from '../test/fixtures';
import { formJsonSchema } from './form.json-schema';
import { validateFormData } from './form.validate';
import { applyingFields, clearedAnswers, questionApplies } from './form-show-when';

const PRIOR = {
  key: 'priorSubsidy',
  type: 'yesno',
  label: {
    nl: 'Heeft u eerder subsidie gekregen voor dit initiatief?',
    en: 'Have you had a subsidy for this initiative before?',
  },
};
const DETAILS = {
  key: 'priorDetails',
  type: 'text',
  label: { nl: 'Voor welk jaar en welk bedrag?', en: 'For which year and what amount?' },
  showWhen: { field: 'priorSubsidy', in: [true] },
};
const KIND = {
  key: 'kind',
  type: 'select',
  label: { nl: 'Soort activiteit', en: 'Kind of activity' },
  options: ['straatfeest', 'moestuin', 'anders'],
  optionLabels: {
    straatfeest: { nl: 'Straatfeest', en: 'Street party' },
    moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
    anders: { nl: 'Iets anders', en: 'Something else' },
  },
  required: false,
};
const PERMIT = {
  key: 'permit',
  type: 'yesno',
  label: { nl: 'Heeft u een vergunning aangevraagd?', en: 'Have you applied for a permit?' },
  showWhen: { field: 'kind', in: ['straatfeest', 'moestuin'] },
};

type Def = ReturnType<typeof loadShippedDefinition>;

/** The shipped form with the questions added on its last page, in this order. */
function withQuestions(...questions: Record<string, unknown>[]): Def {
  const def = structuredClone(loadShippedDefinition());
  for (const q of questions) {
    def.form.fields.push(structuredClone(q) as Def['form']['fields'][number]);
    def.form.pages?.at(-1)?.fields.push(q.key as string);
  }
  return def;
}

const problemsOf = (def: unknown) =>
  validateDefinition(def).problems.map((p) => ({ path: p.path, code: p.code, text: p.text }));

describe('the definition check', () => {
  test('accepts a question after a yes/no question and one after some choices', () => {
    expect(validateDefinition(withQuestions(PRIOR, DETAILS, KIND, PERMIT)).problems).toEqual([]);
  });

  test('refuses a question the form does not have, named in words', () => {
    const def = withQuestions(PRIOR, { ...DETAILS, showWhen: { field: 'earlier', in: [true] } });
    expect(problemsOf(def)).toEqual([
      {
        path: `form.fields.${def.form.fields.length - 1}.showWhen.field`,
        code: 'bad_form_rule',
        text: {
          nl: 'De vraag Voor welk jaar en welk bedrag? hangt af van earlier, maar het formulier heeft die vraag niet. Kies een eerdere ja/nee-vraag of keuzelijst.',
          en: 'The question For which year and what amount? depends on earlier, but the form has no such question. Choose an earlier yes/no question or choice list.',
        },
      },
    ]);
  });

  test('refuses a later question and the question itself', () => {
    const later = withQuestions(DETAILS, PRIOR);
    const at = later.form.fields.length - 2;
    expect(problemsOf(later)).toEqual([
      {
        path: `form.fields.${at}.showWhen.field`,
        code: 'bad_form_rule',
        text: {
          nl: 'De vraag Voor welk jaar en welk bedrag? hangt af van Heeft u eerder subsidie gekregen voor dit initiatief?, maar die vraag komt later op het formulier. Kies een eerdere vraag, of zet Heeft u eerder subsidie gekregen voor dit initiatief? eerder.',
          en: 'The question For which year and what amount? depends on Have you had a subsidy for this initiative before?, but that question comes later in the form. Choose an earlier question, or move Have you had a subsidy for this initiative before? up.',
        },
      },
    ]);
    const itself = withQuestions(PRIOR, {
      ...DETAILS,
      type: 'yesno',
      showWhen: { field: 'priorDetails', in: [true] },
    });
    const problems = problemsOf(itself);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.text?.nl).toBe(
      'De vraag Voor welk jaar en welk bedrag? kan niet van haar eigen antwoord afhangen. Kies een eerdere ja/nee-vraag of keuzelijst.',
    );
  });

  test('refuses an answer the question does not have, naming the answers it has', () => {
    const def = withQuestions(KIND, { ...PERMIT, showWhen: { field: 'kind', in: ['kermis'] } });
    expect(problemsOf(def)).toEqual([
      {
        path: `form.fields.${def.form.fields.length - 1}.showWhen.in.0`,
        code: 'bad_form_rule',
        text: {
          nl: 'De vraag Heeft u een vergunning aangevraagd? wordt gevraagd als het antwoord op Soort activiteit kermis is, maar Soort activiteit heeft dat antwoord niet. Kies uit Straatfeest, Moestuin of Iets anders.',
          en: 'The question Have you applied for a permit? is asked when the answer to Kind of activity is kermis, but Kind of activity has no such answer. Choose from Street party, Vegetable garden or Something else.',
        },
      },
    ]);
    expect(
      problemsOf(
        withQuestions(PRIOR, { ...DETAILS, showWhen: { field: 'priorSubsidy', in: ['ja'] } }),
      )[0]?.text?.en,
    ).toBe(
      'The question For which year and what amount? is asked when the answer to Have you had a subsidy for this initiative before? is ja, but Have you had a subsidy for this initiative before? has no such answer. Choose from Yes or No.',
    );
  });

  test('refuses a chain, no answers, a question without fixed answers, a list’s own question', () => {
    const chain = withQuestions(
      PRIOR,
      { ...DETAILS, type: 'yesno' },
      {
        key: 'more',
        type: 'text',
        label: { nl: 'Meer', en: 'More' },
        showWhen: { field: 'priorDetails', in: [true] },
      },
    );
    expect(problemsOf(chain).map((p) => p.text?.en)).toEqual([
      'The question More depends on For which year and what amount?, but For which year and what amount? is itself only asked sometimes. Choose a question that is always asked.',
    ]);
    const none = withQuestions(PRIOR, { ...DETAILS, showWhen: { field: 'priorSubsidy', in: [] } });
    expect(problemsOf(none).map((p) => p.path)).toEqual([
      `form.fields.${none.form.fields.length - 1}.showWhen.in`,
    ]);
    const onText = withQuestions({ ...DETAILS, showWhen: { field: 'location', in: ['x'] } });
    expect(problemsOf(onText).map((p) => p.text?.nl)).toEqual([
      'De vraag Voor welk jaar en welk bedrag? hangt af van Locatie, maar die vraag heeft geen vaste antwoorden. Kies een ja/nee-vraag of een keuzelijst.',
    ]);
    const inList = withQuestions(PRIOR);
    const supporters = inList.form.fields.find((f) => f.type === 'list')!;
    if (supporters.type === 'list')
      supporters.fields[0]!.showWhen = { field: 'priorSubsidy', in: [true] };
    expect(problemsOf(inList).map((p) => p.code)).toEqual(['bad_form_rule']);
  });

  test('keeps the questions the application counts on always asked', () => {
    const def = withQuestions(PRIOR);
    const title = def.form.fields.find((f) => f.key === 'title')!;
    title.showWhen = { field: 'priorSubsidy', in: [true] };
    const problems = problemsOf(def);
    // The title comes before the question too: both are said.
    expect(problems.map((p) => p.text?.en)).toContain(
      'The question Naam van uw initiatief is needed for the application itself (its name, the date of the activity or the budget), so it is always asked. Remove the condition.'.replace(
        'Naam van uw initiatief',
        title.label.en,
      ),
    );
  });
});

describe('the form’s rules', () => {
  const def = withQuestions(PRIOR, DETAILS, KIND, PERMIT);
  const base = completeData();
  const issues = (data: Record<string, unknown>, partial = false) =>
    validateFormData(def, data, { partial }).issues.map((i) => ({ path: i.path, text: i.text }));

  test('Ja asks the question: required then', () => {
    expect(issues({ ...base, priorSubsidy: true })).toEqual([
      {
        path: 'data.priorDetails',
        text: {
          nl: 'Voor welk jaar en welk bedrag? ontbreekt.',
          en: 'For which year and what amount? is missing.',
        },
      },
    ]);
    expect(issues({ ...base, priorSubsidy: true, priorDetails: '2025, € 500' })).toEqual([]);
  });

  test('Nee does not ask it: not required, and an answer to it is refused, in a draft too', () => {
    expect(issues({ ...base, priorSubsidy: false })).toEqual([]);
    const stale = { ...base, priorSubsidy: false, priorDetails: '2025, € 500' };
    const refusal = {
      path: 'data.priorDetails',
      text: {
        nl: '‘Voor welk jaar en welk bedrag?’ hoort alleen bij het antwoord Ja op ‘Heeft u eerder subsidie gekregen voor dit initiatief?’. Laat het leeg, of kies daar Ja.',
        en: '‘For which year and what amount?’ only applies when the answer to ‘Have you had a subsidy for this initiative before?’ is Yes. Leave it empty, or choose Yes there.',
      },
    };
    expect(issues(stale)).toEqual([refusal]);
    expect(issues({ priorSubsidy: false, priorDetails: 'x' }, true)).toEqual([refusal]);
    // Not answered yet: the question is not asked either.
    expect(issues({ priorDetails: 'x' }, true)).toHaveLength(1);
  });

  test('a choice list: asked with some choices, named by their words', () => {
    expect(issues({ ...base, priorSubsidy: false, kind: 'straatfeest' })).toEqual([
      {
        path: 'data.permit',
        text: {
          nl: 'Kies Ja of Nee bij ‘Heeft u een vergunning aangevraagd?’.',
          en: 'Choose Yes or No for ‘Have you applied for a permit?’.',
        },
      },
    ]);
    expect(issues({ ...base, priorSubsidy: false, kind: 'moestuin', permit: false })).toEqual([]);
    expect(
      issues({ ...base, priorSubsidy: false, kind: 'anders', permit: false })[0]?.text?.nl,
    ).toBe(
      '‘Heeft u een vergunning aangevraagd?’ hoort alleen bij het antwoord Straatfeest of Moestuin op ‘Soort activiteit’. Laat het leeg, of kies daar Straatfeest of Moestuin.',
    );
  });

  test('the patch that clears answers that no longer apply, and the questions that do', () => {
    const data = {
      ...base,
      priorSubsidy: false,
      priorDetails: '2025',
      kind: 'anders',
      permit: false,
    };
    expect(clearedAnswers(def.form, data)).toEqual({ priorDetails: null, permit: null });
    expect(clearedAnswers(def.form, { ...data, priorSubsidy: true, kind: 'moestuin' })).toEqual({});
    expect(questionApplies(def.form.fields, def.form.fields.at(-1)!, { kind: 'moestuin' })).toBe(
      true,
    );
    const keys = applyingFields(def.form, { priorSubsidy: true }).map((f) => f.key);
    expect(keys).toContain('priorDetails');
    expect(keys).not.toContain('permit');
  });
});

describe('the JSON Schema', () => {
  test('says when the question is asked, and does not require it always', () => {
    const schema = formJsonSchema(withQuestions(PRIOR, DETAILS, KIND, PERMIT)) as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
      allOf: unknown[];
    };
    expect(schema.required).toContain('priorSubsidy');
    expect(schema.required).not.toContain('priorDetails');
    expect(schema.required).not.toContain('permit');
    expect(schema.properties.priorDetails!['x-showWhen']).toEqual(DETAILS.showWhen);
    // Each condition: if the answer is one of these, then required, else absent.
    const parts = (schema.allOf as Record<string, unknown>[]).map((c) => [c.if, c.then, c.else]);
    expect(parts).toEqual([
      [
        { properties: { priorSubsidy: { enum: [true] } }, required: ['priorSubsidy'] },
        { required: ['priorDetails'] },
        { not: { required: ['priorDetails'] } },
      ],
      [
        { properties: { kind: { enum: ['straatfeest', 'moestuin'] } }, required: ['kind'] },
        { required: ['permit'] },
        { not: { required: ['permit'] } },
      ],
    ]);
  });
});

describe('moving an application to a version that asks a question only after Ja', () => {
  test('an answer the new version does not ask with her other answers goes, named in words', () => {
    const before = withQuestions(PRIOR, { ...DETAILS, showWhen: undefined });
    const after = { ...withQuestions(PRIOR, DETAILS), version: 9 };
    const data = { ...completeData(), priorSubsidy: false, priorDetails: '2025' };
    const moved = dataForNewVersion(before, after, data);
    expect(moved.data).not.toHaveProperty('priorDetails');
    expect(moved.data.priorSubsidy).toBe(false);
    expect(moved.dropped).toEqual([
      {
        path: 'priorDetails',
        label: DETAILS.label,
        value: '2025',
        text: {
          nl: 'In versie 9 wordt ‘Voor welk jaar en welk bedrag?’ alleen gevraagd bij het antwoord Ja op ‘Heeft u eerder subsidie gekregen voor dit initiatief?’: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.',
          en: 'In version 9 ‘For which year and what amount?’ is only asked when the answer to ‘Have you had a subsidy for this initiative before?’ is Yes: what was filled in there leaves the application and stays in its history.',
        },
      },
    ]);
    // With Ja it stays.
    expect(dataForNewVersion(before, after, { ...data, priorSubsidy: true }).dropped).toEqual([]);
  });
});
