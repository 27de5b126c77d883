import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../components/money';
import { formatCount } from '../i18n/numbers';
import {
  fieldText,
  isAgeInYears,
  type ScalarField,
  type ValueFormats,
  withQuestion,
} from './field-text';

// A shipped definition as test data: its fields are found by type, never by name.
const def = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../workflows/bewonersinitiatief/definition.json', import.meta.url),
    ),
    'utf8',
  ),
) as WorkflowDefinition;
const scalars = def.form.fields.flatMap((f): ScalarField[] =>
  f.type === 'list' ? f.fields : f.type === 'attachments' ? [] : [f],
);
const ofType = (type: ScalarField['type']) => {
  const field = scalars.find((f) => f.type === type);
  if (!field) throw new Error(`the definition has no ${type} field`);
  return field;
};

const formats = (locale: 'nl' | 'en'): ValueFormats => ({
  locale,
  formatMoney: (cents) => formatMoney(cents, locale),
  formatNumber: (n) => formatCount(n, locale),
  formatDate: (d) => `date:${d}`,
});

describe('a form value as people read it', () => {
  it('a whole number with the thousands separator of the language', () => {
    const integer = ofType('integer');
    expect(fieldText(integer, 1200, formats('nl'))).toBe('1.200');
    expect(fieldText(integer, 1200, formats('en'))).toBe('1,200');
    expect(fieldText(integer, 35, formats('nl'))).toBe('35');
  });

  it('a whole number the definition calls a code (a year) as written, in both languages', () => {
    const year = { ...ofType('integer'), display: 'code' } as ScalarField;
    expect(fieldText(year, 2026, formats('nl'))).toBe('2026');
    expect(fieldText(year, 2026, formats('en'))).toBe('2026');
    // A quantity beside it keeps its separator.
    expect(fieldText(ofType('integer'), 1200, formats('nl'))).toBe('1.200');
  });

  it('an amount in euro, a date in words', () => {
    expect(fieldText(ofType('money'), 123_456, formats('nl'))).toBe('€\u00a01.234,56');
    expect(fieldText(ofType('date'), '2026-06-13', formats('nl'))).toBe('date:2026-06-13');
  });

  it('a ticked statement reads yes in the language; unticked is no answer', () => {
    const adult = {
      key: 'adult',
      type: 'confirm',
      label: { nl: 'Ik ben 18 jaar of ouder.', en: 'I am 18 or older.' },
    } as ScalarField;
    expect(fieldText(adult, true, formats('nl'))).toBe('Ja');
    expect(fieldText(adult, true, formats('en'))).toBe('Yes');
    expect(fieldText(adult, false, formats('nl'))).toBeNull();
  });

  it('a yes/no answer reads Ja or Nee in the language; Nee is an answer, none is none', () => {
    const accessible = {
      key: 'accessible',
      type: 'yesno',
      label: { nl: 'Toegankelijk?', en: 'Accessible?' },
    } as ScalarField;
    expect(fieldText(accessible, true, formats('nl'))).toBe('Ja');
    expect(fieldText(accessible, false, formats('nl'))).toBe('Nee');
    expect(fieldText(accessible, true, formats('en'))).toBe('Yes');
    expect(fieldText(accessible, false, formats('en'))).toBe('No');
    expect(fieldText(accessible, undefined, formats('nl'))).toBeNull();
  });

  it('in a row read in one line, a yes/no answer goes with its question', () => {
    expect(withQuestion('Woont u in de buurt?', 'Ja')).toBe('Woont u in de buurt: Ja');
    expect(withQuestion('Lives nearby', 'No')).toBe('Lives nearby: No');
  });

  it('a code as written: a postcode or a text is no quantity', () => {
    expect(fieldText(ofType('postcode'), '3022 AB', formats('nl'))).toBe('3022 AB');
    expect(fieldText(ofType('text'), '1200', formats('nl'))).toBe('1200');
  });

  it('a choice by its words in the language, as its value without words', () => {
    const kind = {
      ...ofType('select'),
      options: ['straatfeest', 'moestuin'],
      optionLabels: {
        straatfeest: { nl: 'Straatfeest', en: 'Street party' },
        moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
      },
    } as ScalarField;
    expect(fieldText(kind, 'moestuin', formats('nl'))).toBe('Moestuin');
    expect(fieldText(kind, 'moestuin', formats('en'))).toBe('Vegetable garden');
    // A definition from before the words: the choice as written.
    expect(fieldText(ofType('select'), 'Delfshaven', formats('en'))).toBe('Delfshaven');
  });

  it('nothing when nothing was filled in', () => {
    for (const empty of [undefined, null, '']) {
      expect(fieldText(ofType('integer'), empty, formats('nl'))).toBeNull();
    }
  });

  it('an age known by its type and label, not by its key', () => {
    const integers = scalars.filter((f) => f.type === 'integer');
    const ages = integers.filter(isAgeInYears);
    // The shipped form asks one age (of a supporter); its other whole numbers are no ages.
    expect(ages.map((f) => f.label.nl)).toEqual(['Leeftijd']);
    expect(integers.length).toBeGreaterThan(ages.length);
    const renamed = { ...ages[0]!, key: 'x' } as ScalarField;
    expect(isAgeInYears(renamed)).toBe(true);
    // A code (a year of birth written as digits) or a text is no age in years.
    expect(isAgeInYears({ ...ages[0]!, display: 'code' } as ScalarField)).toBe(false);
    expect(isAgeInYears({ ...ages[0]!, type: 'text' } as ScalarField)).toBe(false);
  });
});
