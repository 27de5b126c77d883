import { describe, expect, test } from 'vitest';
import { parseWholeNumber } from './whole-number';

describe('parseWholeNumber', () => {
  test('digits, and groups of three as the language writes them', () => {
    expect(parseWholeNumber('120', 'nl')).toBe(120);
    expect(parseWholeNumber(' 1.200 ', 'nl')).toBe(1200);
    expect(parseWholeNumber('1 200', 'nl')).toBe(1200);
    expect(parseWholeNumber('1\u00a0200', 'nl')).toBe(1200);
    expect(parseWholeNumber('12.345.678', 'nl')).toBe(12_345_678);
    expect(parseWholeNumber('1,200', 'en')).toBe(1200);
  });

  test('not a whole number: decimals, wrong groups, the other language, mixed separators', () => {
    for (const [text, locale] of [
      ['1,5', 'nl'],
      ['1.5', 'nl'],
      ['1.20', 'nl'],
      ['1.2000', 'nl'],
      ['1,200', 'nl'],
      ['1.200', 'en'],
      ['1.200 300', 'nl'],
      ['-3', 'nl'],
      ['12a', 'nl'],
      ['', 'nl'],
    ] as const) {
      expect(parseWholeNumber(text, locale), text).toBeNull();
    }
  });

  test('a code (a year, a house number) is digits only, read as written', () => {
    expect(parseWholeNumber('2026', 'nl', { code: true })).toBe(2026);
    expect(parseWholeNumber(' 2026 ', 'en', { code: true })).toBe(2026);
    for (const text of ['2.026', '2,026', '2 026', '12a', '-3']) {
      expect(parseWholeNumber(text, 'nl', { code: true }), text).toBeNull();
    }
    // A quantity still takes the separator of the language.
    expect(parseWholeNumber('2.026', 'nl')).toBe(2026);
  });
});
