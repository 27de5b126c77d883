/**
 * Every error code the API can answer has a sentence in both languages, rendered the way the
 * pages render it (useErrorText), so a new code cannot reach a person as a bare code.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import {
  ERROR_CODES,
  ERROR_DESCRIPTIONS,
  type ErrorCode,
} from '../../../api/src/errors/error-codes';
import { ApiError } from '../api/client';
import { useErrorText } from '../components/ui';
import { fakeBrowser } from '../render-static.test-kit';
import { I18nProvider } from './i18n';
import { messages } from './messages';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

type Problem = ConstructorParameters<typeof ApiError>[0];

/** A problem as the API writes it: English title and detail (for developers), a code. */
function problemOf(code: ErrorCode, more: Partial<Problem> = {}): Problem {
  return {
    status: ERROR_CODES[code].status,
    code,
    title: ERROR_CODES[code].title,
    detail: `${ERROR_DESCRIPTIONS[code]} (request 4f1c)`,
    ...more,
  };
}

function Probe({ problem, out }: { problem: Problem; out: { text: string } }) {
  const errorText = useErrorText();
  out.text = errorText(new ApiError(problem));
  return null;
}

/** Renders one problem through the app's own error text, as a page would show it. */
function render(code: ErrorCode, locale: 'nl' | 'en', more: Partial<Problem> = {}): string {
  fakeBrowser(locale);
  const out = { text: '' };
  renderToStaticMarkup(
    createElement(
      I18nProvider,
      null,
      createElement(Probe, { problem: problemOf(code, more), out }),
    ),
  );
  return out.text;
}

describe('the error catalogue', () => {
  test.each(CODES)('%s has a Dutch and an English sentence', (code) => {
    const key = `errors.code.${code}` as keyof (typeof messages)['nl'];
    const nl = messages.nl[key];
    const en = messages.en[key];
    expect(nl, `nl ${key}`).toBeTruthy();
    expect(en, `en ${key}`).toBeTruthy();
    expect(nl).not.toBe(en);
  });

  test.each(CODES)('%s renders as words, not as its code, in both languages', (code) => {
    for (const locale of ['nl', 'en'] as const) {
      const text = render(code, locale);
      expect(text.length, `${code} ${locale}`).toBeGreaterThan(10);
      // Single-word codes are ordinary English words (conflict); compound ones never are.
      expect(text).not.toBe(code);
      if (code.includes('_')) expect(text).not.toContain(code);
      expect(text).not.toBe(ERROR_CODES[code].title);
      // A sentence that starts with a capital.
      expect(text).toMatch(/^[A-Z]/);
    }
  });

  test.each(CODES)('%s never shows the English detail of the problem', (code) => {
    for (const locale of ['nl', 'en'] as const) {
      const text = render(code, locale);
      expect(text).not.toContain(ERROR_DESCRIPTIONS[code]);
      expect(text).not.toContain('request 4f1c');
    }
  });

  test.each(['four_eyes', 'forbidden', 'event_not_allowed'] as const)(
    "%s with the API's own sentence shows it in the reader's language",
    (code) => {
      // As the API words a refused step: the step and the state by their labels (problem `text`).
      const text = {
        nl: 'De stap "Aanvullen" kan niet in de status "Concept". Wat u nu kunt doen: "Indienen".',
        en: 'The step "Supplement" is not possible in the status "Draft". What you can do now: "Submit".',
      };
      for (const locale of ['nl', 'en'] as const) {
        expect(render(code, locale, { detail: text.en, text })).toBe(text[locale]);
      }
    },
  );

  test("the budget ceiling names both amounts in the reader's language and money format", () => {
    // The API writes each field's reason in the user's language (see problem.ts).
    const reason = {
      nl: 'Het bedrag (€ 750,00) is hoger dan wat er van het budget van de regeling nog over is (€ 250,00).',
      en: "The amount (€750.00) is more than what is left of the regulation's budget (€250.00).",
    };
    for (const locale of ['nl', 'en'] as const) {
      const text = render('budget_exceeded', locale, {
        invalidParams: [{ name: 'amountCents', reason: reason[locale] }],
      });
      expect(text).toBe(reason[locale]);
    }
    expect(render('budget_exceeded', 'nl', { invalidParams: [] })).toBe(
      'Er is niet genoeg budget van de regeling over voor dit bedrag.',
    );
  });

  test('says the ceiling is reached only when nothing of the budget is left', () => {
    const short = {
      nl: 'Het bedrag (€ 9.500,00) is hoger dan wat er van het budget van de regeling nog over is (€ 6.000,00).',
      en: "The amount (€9,500.00) is more than what is left of the regulation's budget (€6,000.00).",
    };
    for (const locale of ['nl', 'en'] as const) {
      const text = render('budget_exceeded', locale, {
        remainingCents: 600_000,
        invalidParams: [{ name: 'amountCents', reason: short[locale] }],
      });
      expect(text).toBe(short[locale]);
      expect(text).not.toMatch(/plafond|ceiling/);
    }
    const none = {
      nl: 'Het bedrag (€ 100,00) is hoger dan wat er van het budget van de regeling nog over is (€ 0,00).',
      en: "The amount (€100.00) is more than what is left of the regulation's budget (€0.00).",
    };
    expect(
      render('budget_exceeded', 'nl', {
        remainingCents: 0,
        invalidParams: [{ name: 'amountCents', reason: none.nl }],
      }),
    ).toBe(`Het subsidieplafond van deze regeling is bereikt. ${none.nl}`);
    expect(
      render('budget_exceeded', 'en', {
        remainingCents: 0,
        invalidParams: [{ name: 'amountCents', reason: none.en }],
      }),
    ).toBe(`The budget ceiling of this regulation has been reached. ${none.en}`);
  });
});
