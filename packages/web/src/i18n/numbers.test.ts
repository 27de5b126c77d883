import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../forms/whole-number';
import { formatList } from './lists';
import { formatCount, formatDecimal, pluralOf } from './numbers';

describe('a quantity as people read it', () => {
  it('groups thousands with a dot in Dutch and a comma in English', () => {
    expect(formatCount(1200, 'nl')).toBe('1.200');
    expect(formatCount(1200, 'en')).toBe('1,200');
    expect(formatCount(100_000, 'nl')).toBe('100.000');
    expect(formatCount(12_345_678, 'nl')).toBe('12.345.678');
    expect(formatCount(12_345_678, 'en')).toBe('12,345,678');
  });

  it('leaves small numbers alone', () => {
    for (const n of [0, 1, 7, 42, 999]) {
      expect(formatCount(n, 'nl')).toBe(String(n));
      expect(formatCount(n, 'en')).toBe(String(n));
    }
  });

  it('writes a fraction with the language’s decimal mark, at most two decimals', () => {
    expect(formatCount(1234.5, 'nl')).toBe('1.234,5');
    expect(formatCount(1234.5, 'en')).toBe('1,234.5');
    expect(formatCount(2.125, 'nl')).toMatch(/^2,1[23]$/);
  });

  it('reads back as the same number in the same language', () => {
    for (const n of [0, 5, 999, 1000, 1200, 65_536, 100_000, 9_999_999]) {
      for (const locale of ['nl', 'en'] as const) {
        expect(parseWholeNumber(formatCount(n, locale), locale)).toBe(n);
      }
    }
  });

  it('shows what is not a number as it is, not as a made-up figure', () => {
    expect(formatCount(Number.NaN, 'nl')).toBe('NaN');
  });
});

describe('the same figures as Intl', () => {
  const values = [
    0,
    1,
    2,
    12,
    999,
    1000,
    1234,
    9999.5,
    12_345.678,
    1.005,
    2.125,
    0.5,
    0.05,
    0.004,
    0.005,
    99.995,
    999_999.999,
    1_234_567.005,
    -1,
    -1234.5,
    -1_234_567.005,
    2 ** 53 - 1,
    1e20,
  ];
  it('groups and rounds as Intl.NumberFormat does in Dutch and British English', () => {
    for (const [locale, tag] of [
      ['nl', 'nl-NL'],
      ['en', 'en-GB'],
    ] as const) {
      const intl = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
      for (const n of values) expect(formatCount(n, locale), String(n)).toBe(intl.format(n));
      for (let i = 0; i < 2000; i++) {
        const n = Math.round(Math.random() * 10 ** (1 + (i % 9)) * 1000) / 1000;
        expect(formatCount(n, locale), String(n)).toBe(intl.format(n));
      }
      const one = new Intl.NumberFormat(tag, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      for (const n of [1, 1.25, 1.35, 2.95, 9.99, 1023.96])
        expect(formatDecimal(n, locale, { minDigits: 1, maxDigits: 1 })).toBe(one.format(n));
    }
  });

  it('chooses the plural form as Intl.PluralRules does for whole numbers', () => {
    for (const tag of ['nl-NL', 'en-GB']) {
      const rules = new Intl.PluralRules(tag);
      for (let n = 0; n <= 1001; n++) expect(pluralOf(n)).toBe(rules.select(n));
    }
  });

  it('joins a list as Intl.ListFormat does in Dutch and British English', () => {
    for (const [locale, tag] of [
      ['nl', 'nl-NL'],
      ['en', 'en-GB'],
    ] as const) {
      const intl = new Intl.ListFormat(tag, { type: 'conjunction' });
      for (const items of [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['2', '3', '5', '8']])
        expect(formatList(items, locale)).toBe(intl.format(items));
    }
  });
});
