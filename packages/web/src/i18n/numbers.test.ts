import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../forms/whole-number';
import { formatCount } from './numbers';

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
