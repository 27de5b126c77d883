/**
 * A quantity as people read it in their language: "1.200" in Dutch, "1,200" in English. Only
 * for amounts of something (participants, applications found, days left); a year, postcode,
 * house number, reference, IBAN or phone number is a code and is shown as written.
 *
 * Written out rather than through Intl.NumberFormat: the first Intl object a page makes loads
 * the browser's locale data, 45 to 80 ms of the main thread in one piece (four times that on
 * the slow phone Lighthouse simulates), and the resident's pages need no more than the two
 * marks below. numbers.test.ts holds every rule against Intl itself.
 */
export type NumberLocale = 'nl' | 'en';

const MARKS: Record<NumberLocale, { decimal: string; group: string }> = {
  nl: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** Adds one to a string of digits ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * `n` with `maxDigits` decimals at most and `minDigits` at least, grouped in threes. Rounds the
 * shortest decimal form of the number half away from zero, as Intl does ("1.005" → "1.01").
 */
export function formatDecimal(
  n: number,
  locale: NumberLocale,
  { maxDigits = 2, minDigits = 0 }: { maxDigits?: number; minDigits?: number } = {},
): string {
  if (!Number.isFinite(n)) return String(n);
  const shortest = String(Math.abs(n));
  // Beyond 1e21 or below 1e-6 JavaScript writes an exponent; no count of ours comes near.
  if (shortest.includes('e')) return String(n);
  let [whole = '0', fraction = ''] = shortest.split('.');
  if (fraction.length > maxDigits) {
    const up = fraction.charCodeAt(maxDigits) >= 53; // the next digit is 5 or more
    fraction = fraction.slice(0, maxDigits);
    if (up) {
      const sum = increment(whole + fraction);
      whole = sum.slice(0, sum.length - fraction.length);
      fraction = sum.slice(sum.length - fraction.length);
    }
  }
  fraction = fraction.replace(/0+$/, '').padEnd(minDigits, '0');
  const marks = MARKS[locale];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, marks.group);
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? marks.decimal + fraction : ''}`;
}

/** "1.200" / "1,200"; "1.234,5" / "1,234.5" for a fraction (at most two decimals). */
export function formatCount(n: number, locale: NumberLocale): string {
  return formatDecimal(n, locale);
}

/**
 * The plural form of a count in Dutch and English: "one" for exactly 1, "other" for the rest
 * (CLDR's rule for both languages: integer 1 without visible decimals).
 */
export function pluralOf(n: number): 'one' | 'other' {
  return n === 1 ? 'one' : 'other';
}
