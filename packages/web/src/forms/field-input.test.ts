import { DIGITS_PATTERN, type FormField } from '@initiatief/engine';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { fakeBrowser } from '../render-static.test-kit';
import { FieldInput, type ScalarField } from './field-input';

/** The field as first shown (server-rendered), in `locale`. */
function render(field: ScalarField, value: unknown, locale: 'nl' | 'en'): string {
  fakeBrowser(locale);
  return renderToStaticMarkup(
    createElement(
      I18nProvider,
      null,
      createElement(FieldInput, {
        field,
        id: 'f',
        value,
        onChange() {},
        onProblem() {},
      }),
    ),
  );
}

const field = (extra: Partial<FormField> = {}) =>
  ({
    key: 'buildYear',
    type: 'integer',
    label: { nl: 'Bouwjaar', en: 'Year of construction' },
    ...extra,
  }) as ScalarField;

describe('a whole number in the form', () => {
  test('a code (a year) is shown as written, never regrouped', () => {
    for (const locale of ['nl', 'en'] as const) {
      const html = render(field({ display: 'code' }), 2026, locale);
      expect(html).toContain('value="2026"');
      expect(html).toContain('inputMode="numeric"');
    }
  });

  test('a quantity is shown as the digits it holds, as before', () => {
    expect(render(field(), 1200, 'nl')).toContain('value="1200"');
  });
});

describe('a date in the form', () => {
  const date = {
    key: 'activityDate',
    type: 'date',
    label: { nl: 'Datum van de activiteit', en: 'Date of the activity' },
  } as ScalarField;

  test('is three labelled boxes under the field label as legend, in the page language', () => {
    const nl = render(date, '2027-06-05', 'nl');
    expect(nl).toMatch(/<legend[^>]*>Datum van de activiteit<\/legend>/);
    // The example describes the group, once: not each box again.
    expect(nl).toMatch(/<fieldset aria-describedby="f-hint"/);
    expect(nl.match(/aria-describedby/g)).toHaveLength(1);
    for (const [label, id, value] of [
      ['Dag', 'f', '5'],
      ['Maand', 'f-month', '6'],
      ['Jaar', 'f-year', '2027'],
    ])
      expect(nl).toMatch(
        new RegExp(
          `<label[^>]*for="${id}"[^>]*>${label}</label><input[^>]*id="${id}"[^>]*value="${value}"`,
        ),
      );
    // No browser date field: its order of day and month follows the browser, not the page.
    expect(nl).not.toContain('type="date"');
    const en = render(date, null, 'en');
    expect(en).toMatch(/<legend[^>]*>Date of the activity<\/legend>/);
    expect(en).toMatch(/>Day<\/label>.*>Month<\/label>.*>Year<\/label>/);
    expect(en).toMatch(/For example 15 6 \d{4}/);
  });
});

describe('a choice list in the form', () => {
  const kind = {
    key: 'activityKind',
    type: 'select',
    label: { nl: 'Soort activiteit', en: 'Kind of activity' },
    options: ['straatfeest', 'moestuin'],
    optionLabels: {
      straatfeest: { nl: 'Straatfeest', en: 'Street party' },
      moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
    },
  } as ScalarField;

  test('offers each choice by its words in the page language; the value is the choice', () => {
    const nl = render(kind, 'moestuin', 'nl');
    expect(nl).toMatch(/<option value="straatfeest"[^>]*>Straatfeest<\/option>/);
    expect(nl).toMatch(/<option value="moestuin"[^>]*>Moestuin<\/option>/);
    const en = render(kind, 'moestuin', 'en');
    expect(en).toMatch(/<option value="straatfeest"[^>]*>Street party<\/option>/);
    expect(en).toMatch(/<option value="moestuin"[^>]*>Vegetable garden<\/option>/);
  });

  test('without words, each choice as written, as before', () => {
    const { optionLabels: _, ...plain } = kind as ScalarField & { optionLabels: unknown };
    expect(render(plain as ScalarField, null, 'en')).toMatch(
      /<option value="moestuin"[^>]*>moestuin<\/option>/,
    );
  });
});

describe('a number written with digits only', () => {
  const kvk = {
    key: 'kvkNumber',
    type: 'text',
    label: { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
    pattern: DIGITS_PATTERN,
  } as ScalarField;

  test('keeps its leading zero and offers a numeric keyboard', () => {
    const html = render(kvk, '01234567', 'nl');
    expect(html).toContain('value="01234567"');
    expect(html).toContain('inputMode="numeric"');
  });

  test('says how many digits it takes, in the page language', () => {
    const eight = { ...kvk, minLength: 8, maxLength: 8 } as ScalarField;
    expect(render(eight, '', 'nl')).toContain('8 cijfers.');
    expect(render(eight, '', 'en')).toContain('8 digits.');
    expect(render({ ...kvk, minLength: 6, maxLength: 9 } as ScalarField, '', 'nl')).toContain(
      '6 tot en met 9 cijfers.',
    );
    const any = render(kvk, '', 'nl');
    expect(any).toContain('Alleen cijfers.');
    expect(any).not.toContain('tekens');
  });

  test('other text has the ordinary keyboard', () => {
    const html = render({ ...kvk, pattern: undefined } as ScalarField, 'Buurtfeest', 'nl');
    expect(html).not.toContain('inputMode="numeric"');
  });
});

describe('a yes/no question in the form', () => {
  const accessible = {
    key: 'accessible',
    type: 'yesno',
    label: {
      nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
      en: 'Is the activity accessible to people with a disability?',
    },
    help: { nl: 'Denk aan een rolstoel.', en: 'Think of a wheelchair.' },
  } as ScalarField;
  const radios = (html: string) =>
    [...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => m[0]);

  test('two radio buttons, Ja and Nee, in a group whose legend is the question', () => {
    const nl = render(accessible, null, 'nl');
    expect(nl).toMatch(
      /<fieldset[^>]*><legend[^>]*>Is de activiteit toegankelijk voor mensen met een beperking\?<\/legend>/,
    );
    expect(radios(nl)).toHaveLength(2);
    // The first carries the field's id (the error summary's link lands on it); one name for both.
    expect(nl).toMatch(/<input[^>]*id="f"[^>]*><label[^>]*for="f"[^>]*>Ja<\/label>/);
    expect(nl).toMatch(/<input[^>]*id="f-no"[^>]*><label[^>]*for="f-no"[^>]*>Nee<\/label>/);
    expect(radios(nl).every((r) => r.includes('name="f"'))).toBe(true);
    // Not answered yet: neither is chosen. The explanation describes the group.
    expect(radios(nl).some((r) => r.includes('checked'))).toBe(false);
    expect(nl).toMatch(/<fieldset[^>]*aria-describedby="f-description"/);
    expect(nl).toContain('Denk aan een rolstoel.');
  });

  test('Nee is an answer: false chooses the second button; in English, Yes and No', () => {
    const no = radios(render(accessible, false, 'nl'));
    expect(no[0]).not.toContain('checked');
    expect(no[1]).toContain('checked');
    const yes = radios(render(accessible, true, 'nl'));
    expect(yes[0]).toContain('checked');
    expect(yes[1]).not.toContain('checked');
    const en = render(accessible, false, 'en');
    expect(en).toMatch(/<legend[^>]*>Is the activity accessible to people with a disability\?</);
    expect(en).toMatch(/for="f"[^>]*>Yes<\/label>/);
    expect(en).toMatch(/for="f-no"[^>]*>No<\/label>/);
    expect(en).not.toMatch(/>(Ja|Nee)</);
  });

  test('an error is said in the group, which it describes with the explanation', () => {
    fakeBrowser('nl');
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(FieldInput, {
          field: accessible,
          id: 'f',
          value: undefined,
          error: 'Kies Ja of Nee bij ‘Is de activiteit toegankelijk?’.',
          onChange() {},
          onProblem() {},
        }),
      ),
    );
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="f-description f-error"/);
    expect(html).toMatch(/id="f-error"[^>]*>Kies Ja of Nee/);
  });
});
