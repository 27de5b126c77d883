/**
 * The supporters' count under the form's list says what the step will decide: with a district
 * table keyed by a question of the form (`sameDistrict.field`), the district the form names now;
 * the lines that do not count in line order. And the staff's marks read the same district.
 */
import { readFileSync } from 'node:fs';
import {
  createApplication,
  EngineError,
  type FormField,
  step,
  validateDefinition,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { fakeBrowser } from '../render-static.test-kit';
import { FormDataView } from './form-data-view';
import { notCountedInOrder, supportersFooter } from './supporters-count';

const V1 = new URL('../../../../workflows/bewonersinitiatief/definition.json', import.meta.url);

/** Version 1 (it asks for the district) with the supporters' district table keyed by that question. */
function keyedByQuestion(): WorkflowDefinition {
  const json = JSON.parse(readFileSync(V1, 'utf8'));
  for (const state of Object.values(json.states) as { on?: Record<string, unknown> }[])
    for (const t of Object.values(state.on ?? {}).flat() as { guard?: unknown }[])
      for (const g of [t?.guard ?? []].flat() as { type: string; params: unknown }[])
        if (g.type === 'supportersAtLeast')
          g.params = {
            count: 3,
            minAge: 12,
            sameDistrict: {
              field: 'district',
              postcodes: { Delfshaven: ['3021', '3022'], 'Kralingen-Crooswijk': ['3061', '3062'] },
            },
          };
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const def = keyedByQuestion();
const field = def.form.fields.find((f) => f.key === 'supporters') as FormField;
const supporters = [
  { name: 'Priya Ramdin', postcode: '3022 AB', age: 34 },
  { name: 'Kees Bakker', postcode: '3061 AB', age: 45 },
  { name: 'Noor Bakker', postcode: '3021 AF', age: 11 },
  { name: 'Sanne de Wit', postcode: '3062 XY', age: 29 },
  { name: 'Fatima El Amrani', postcode: '3022 CD', age: 9 },
  { name: 'Daan Visser', postcode: '3021 AB', age: 52 },
];

/** The count under the list as text, with the form's answers `data`, in `locale`. */
function countSays(data: Record<string, unknown>, locale: 'nl' | 'en' = 'nl'): string {
  fakeBrowser(locale);
  const footer = supportersFooter(def, field, supporters, data, {
    name: 'Ayşe Yıldız-Çelik',
    isReader: true,
    // The regulation's district is not the one the form names: the question decides.
    district: 'Kralingen-Crooswijk',
  });
  const html = renderToStaticMarkup(createElement(I18nProvider, null, footer));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** Whether SUBMIT takes the form in, or refuses it for its supporters (the engine's own step). */
function stepLetsThrough(answers: Record<string, unknown>): boolean {
  const now = new Date('2026-03-03T09:00:00Z');
  const actor = { id: 'u-applicant', roles: ['applicant' as const] };
  // The regulation's district is not the one the form names: the question decides.
  const facts = {
    regulation: {
      maxAmountCents: 1_000_000,
      decisionTermWeeks: 8,
      directSettlementThresholdCents: 50_000,
      reportDueWeeks: 12,
      settlementFourEyesAboveCents: 100_000,
      district: 'Charlois',
    },
    budgetRemainingCents: 5_000_000,
  };
  const data = {
    title: 'Straatfeest Zwaanshals',
    description: 'Een straatfeest voor alle buren met muziek, eten en spelletjes voor de kinderen.',
    activityDate: '2026-06-13',
    location: 'Zwaanshals, Rotterdam',
    expectedParticipants: 150,
    budgetLines: [{ description: 'Geluid', amountCents: 45_000 }],
    iban: 'NL91 ABNA 0417 1643 00',
    ...answers,
  };
  const created = createApplication(def, { now, actor, facts, data });
  try {
    step(def, created.snapshot, { type: 'SUBMIT' }, { now, actor, facts });
    return true;
  } catch (e) {
    if (e instanceof EngineError && e.guard === 'supportersAtLeast') return false;
    throw e;
  }
}

describe('the count under the supporters, with the district asked on the form', () => {
  test('Delfshaven on the form: the residents of Delfshaven count, as the step counts them', () => {
    const data = { district: 'Delfshaven', supporters };
    const said = countSays(data);
    expect(said).toContain('Telt nu mee: 2. Nodig: minstens 3');
    expect(stepLetsThrough(data)).toBe(false);
    // In line order: line 2 before 3, 3 before 4, whatever the reason.
    const order = [
      'Regel 2 telt niet mee: woont volgens de postcode niet in Delfshaven.',
      'Regel 3 telt niet mee: jonger dan 12 jaar.',
      'Regel 4 telt niet mee: woont volgens de postcode niet in Delfshaven.',
      'Regel 5 telt niet mee: jonger dan 12 jaar.',
    ];
    const at = order.map((sentence) => said.indexOf(sentence));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('another district chosen: the count follows the answer, not the regulation', () => {
    const data = { district: 'Kralingen-Crooswijk', supporters };
    expect(countSays(data)).toContain('Telt nu mee: 2.');
    expect(countSays(data, 'en')).toContain(
      'Line 1 is not counted: by the postcode, this person does not live in Kralingen-Crooswijk.',
    );
    expect(stepLetsThrough(data)).toBe(false);
    const three = {
      ...data,
      supporters: [...supporters, { name: 'Jan de Vries', postcode: '3061 CD', age: 30 }],
    };
    expect(stepLetsThrough(three)).toBe(true);
  });

  test('runs of one reason in a row are one sentence; a reason again later is its own', () => {
    expect(
      notCountedInOrder([null, 'tooYoung', null, 'tooYoung', 'otherDistrict', 'tooYoung']),
    ).toEqual([
      { reason: 'tooYoung', lines: [2, 4] },
      { reason: 'otherDistrict', lines: [5] },
      { reason: 'tooYoung', lines: [6] },
    ]);
  });
});

describe("the staff's marks read the district the form names", () => {
  test('a supporter of Delfshaven counts when the form says Delfshaven', () => {
    fakeBrowser('nl');
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(FormDataView, {
          definition: def,
          data: { district: 'Delfshaven', supporters },
          staff: true,
          supporters: { applicantName: 'Ayşe Yıldız-Çelik', district: 'Kralingen-Crooswijk' },
        }),
      ),
    );
    const rows = (html.match(/<tr[^>]*>.*?<\/tr>/g) ?? []).map((r) =>
      r.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    );
    expect(rows.find((r) => r.includes('Priya Ramdin'))).toContain('Telt mee');
    expect(rows.find((r) => r.includes('Kees Bakker'))).toContain(
      'Telt niet mee Woont volgens de postcode niet in Delfshaven.',
    );
  });
});
