/**
 * A quantity as people read it in their language: "1.200" in Dutch, "1,200" in English. Only
 * for amounts of something (participants, applications found, days left); a year, postcode,
 * house number, reference, IBAN or phone number is a code and is shown as written.
 */
export type NumberLocale = 'nl' | 'en';

// Made on first use: building an Intl formatter costs milliseconds (the locale's data is loaded).
const formats = new Map<NumberLocale, Intl.NumberFormat>();

function formatFor(locale: NumberLocale): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      maximumFractionDigits: 2,
    });
    formats.set(locale, format);
  }
  return format;
}

/** "1.200" / "1,200"; "1.234,5" / "1,234.5" for a fraction (at most two decimals). */
export function formatCount(n: number, locale: NumberLocale): string {
  return Number.isFinite(n) ? formatFor(locale).format(n) : String(n);
}
