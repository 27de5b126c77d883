import { describe, expect, it } from 'vitest';
import { formatIban } from './iban';
import { formatMoney, formatMoneyInput, parseDutchMoney, parseMoney, sumCents } from './money';

function cents(text: string, locale: 'nl' | 'en' = 'nl'): number | string {
  const r = parseMoney(text, locale);
  return r.ok ? r.cents : r.problem;
}

describe('Dutch amounts as integer cents', () => {
  it.each([
    ['175.000', 17_500_000],
    ['175.000,00', 17_500_000],
    ['2.500,50', 250_050],
    ['2.500,5', 250_050],
    ['175000', 17_500_000],
    ['175 000', 17_500_000],
    ['12,10', 1210],
    ['12,5', 1250],
    ['0,01', 1],
    [',50', 50],
    ['€ 300', 30_000],
    ['€\u00a0175.000,00', 17_500_000],
    ['300 EUR', 30_000],
    ['12,-', 1200],
    ['1.234.567,89', 123_456_789],
    // both marks together have one reading only
    ['1,234.56', 123_456],
  ])('%j is %i cents', (text, expected) => {
    expect(cents(text)).toBe(expected);
    const r = parseDutchMoney(text);
    expect(r.ok && r.cents).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1.5', 'ambiguous'],
    ['12.10', 'ambiguous'],
    ['1.50', 'ambiguous'],
    ['1,2,3', 'ambiguous'],
    ['1,234', 'ambiguous'],
    ['1.234,567', 'decimals'],
    ['12345,678', 'decimals'],
    ['-5', 'negative'],
    ['abc', 'invalid'],
    ['12 euro', 'invalid'],
    ['1 5', 'invalid'],
    ['12,', 'invalid'],
    ['.', 'invalid'],
    ['99999999999999', 'too_large'],
  ])('refuses %j as %s', (text, problem) => {
    expect(cents(text)).toBe(problem);
  });

  it('says in both languages why an amount is refused, naming what was typed', () => {
    const r = parseDutchMoney('1.5');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.nl).toContain('“1.5”');
    expect(r.message.nl).toContain('1,50');
    expect(r.message.en).toContain('“1.5”');
    expect(r.message.en).not.toBe(r.message.nl);
  });
});

describe('English amounts', () => {
  it.each([
    ['175,000', 17_500_000],
    ['175,000.00', 17_500_000],
    ['2,500.50', 250_050],
    ['12.10', 1210],
    ['1.234,56', 123_456],
  ])('%j is %i cents', (text, expected) => {
    expect(cents(text, 'en')).toBe(expected);
  });

  it.each([
    ['1,5', 'ambiguous'],
    ['1.500', 'ambiguous'],
    ['1.2.3', 'ambiguous'],
  ])('refuses %j as %s', (text, problem) => {
    expect(cents(text, 'en')).toBe(problem);
  });
});

describe('formatting', () => {
  it('shows Dutch and English amounts', () => {
    expect(formatMoney(17_500_000, 'nl')).toBe('€\u00a0175.000,00');
    expect(formatMoney(123_456, 'en')).toBe('€1,234.56');
    expect(formatMoney(5, 'nl')).toBe('€\u00a00,05');
    expect(formatMoneyInput(17_500_000, 'nl')).toBe('175.000,00');
    expect(formatMoneyInput(null, 'nl')).toBe('');
  });

  it('round-trips through the input text in both languages', () => {
    for (const c of [0, 1, 99, 100, 75_050, 1_000_000, 17_500_000, 123_456_789]) {
      expect(cents(formatMoneyInput(c, 'nl'), 'nl')).toBe(c);
      expect(cents(formatMoneyInput(c, 'en'), 'en')).toBe(c);
      expect(cents(formatMoney(c, 'nl'), 'nl')).toBe(c);
    }
  });

  it('adds without floating point drift', () => {
    expect(sumCents([10, 20, null, 70])).toBe(100);
  });
});

describe('IBAN', () => {
  it('formats in groups of four (the engine checks it: isValidIban)', () => {
    expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
