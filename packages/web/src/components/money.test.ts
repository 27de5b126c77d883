import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban } from './iban';
import { centsToInput, parseEuroToCents, sumCents } from './money';

describe('euro amounts as integer cents', () => {
  it.each([
    ['12,10', 1210],
    ['12.10', 1210],
    ['12,5', 1250],
    ['1.500', 150000],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['€ 300', 30000],
    ['0,01', 1],
  ])('%s is %i cents', (text, cents) => {
    expect(parseEuroToCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,345,6', '1,2.3.4'])('refuses %j', (text) => {
    expect(parseEuroToCents(text)).toBeNull();
  });

  it('round-trips through the input text in both languages', () => {
    for (const cents of [0, 1, 99, 100, 75050, 1000000]) {
      expect(parseEuroToCents(centsToInput(cents, 'nl'))).toBe(cents);
      expect(parseEuroToCents(centsToInput(cents, 'en'))).toBe(cents);
    }
  });

  it('adds without floating point drift', () => {
    expect(sumCents([10, 20, null, 70])).toBe(100);
  });
});

describe('IBAN', () => {
  it('checks mod-97 and formats in groups of four', () => {
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
