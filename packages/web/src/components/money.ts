/**
 * Money is integer cents. Parsing works on the digits as text, never through a float,
 * so "12,10" is 1210 cents and not 1209.9999.
 */
export function parseEuroToCents(input: string): number | null {
  const s = input.replace(/[\s€]/g, '').replace(/^EUR/i, '');
  if (s === '') return null;
  if (!/^-?[\d.,]+$/.test(s)) return null;
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let intPart = body;
  let fracPart = '';
  const sep = Math.max(lastDot, lastComma);
  if (sep >= 0) {
    const after = body.slice(sep + 1);
    const both = lastDot >= 0 && lastComma >= 0;
    // The last separator is a decimal mark when both kinds occur, or when 1-2 digits follow it.
    if (both || (after.length >= 1 && after.length <= 2)) {
      intPart = body.slice(0, sep);
      fracPart = after;
    }
  }
  // The decimal mark cannot also group thousands ("12,345,6" is a typo, not an amount).
  if (fracPart && sep >= 0 && intPart.includes(body[sep]!)) return null;
  // Thousands separators only between groups of three ("1.500", "12.345.678").
  if (!/^(\d+|\d{1,3}([.,]\d{3})+)?$/.test(intPart)) return null;
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d*$/.test(intPart) || !/^\d{0,2}$/.test(fracPart)) return null;
  if (intPart === '' && fracPart === '') return null;
  const cents = Number(intPart || '0') * 100 + Number(fracPart.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** Cents as an editable euro amount in the given locale ("12,50" / "12.50"). */
export function centsToInput(cents: number | null | undefined, locale: 'nl' | 'en'): string {
  if (cents == null) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${euros}${locale === 'nl' ? ',' : '.'}${rest}`;
}

export function sumCents(values: Array<number | null | undefined>): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total += v;
  return total;
}
