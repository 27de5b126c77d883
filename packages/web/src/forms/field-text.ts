import { type FormField, isCodeNumber, optionLabel, yesNoLabel } from '@initiatief/engine';
import { formatIban } from '../components/iban';

export type ScalarField = Exclude<FormField, { type: 'list' | 'attachments' }>;

/** How the page's language writes amounts, quantities and dates (the i18n's formatters). */
export interface ValueFormats {
  /** The page's language: a choice is read in its words (optionLabel). */
  locale: 'nl' | 'en';
  formatMoney(cents: number): string;
  formatNumber(n: number): string;
  formatDate(date: string): string;
}

const TICKED = { nl: 'Ja', en: 'Yes' } as const;

/**
 * One form value as people read it: amounts in euro, whole numbers with the thousands separator
 * of the language ("1.200" / "1,200"), dates in words, an IBAN in groups of four, a choice of a
 * choice list by its words in the language ("Moestuin" / "Vegetable garden"); anything else
 * as written (a postcode or a text is not a quantity), and so is a whole number the definition
 * calls a code (`display: 'code'`: a year, a house number), "2026" and never "2.026"; a ticked
 * statement "Ja"; a yes/no question's answer "Ja" or "Nee" ("Yes" / "No"). Null when nothing was
 * filled in.
 */
export function fieldText(
  field: ScalarField,
  value: unknown,
  formats: ValueFormats,
): string | null {
  if (value === undefined || value === null || value === '') return null;
  // A statement to tick: ticked reads "Ja"; unticked is no answer.
  if (field.type === 'confirm') return value === true ? TICKED[formats.locale] : null;
  // A yes/no question: Nee is an answer as much as Ja.
  if (field.type === 'yesno' && typeof value === 'boolean')
    return yesNoLabel(value)[formats.locale];
  if (field.type === 'money' && typeof value === 'number') return formats.formatMoney(value);
  if (field.type === 'integer' && typeof value === 'number') {
    return isCodeNumber(field) ? String(value) : formats.formatNumber(value);
  }
  if (field.type === 'date' && typeof value === 'string') return formats.formatDate(value);
  if (field.type === 'iban' && typeof value === 'string') return formatIban(value);
  if (field.type === 'select' && typeof value === 'string')
    return optionLabel(field, value)[formats.locale];
  return String(value);
}

/**
 * A yes/no answer where no column header names its question (a list's row in one line): the
 * question with it, "Woont in de buurt: Ja", never a bare "Ja" among the row's other values.
 */
export function withQuestion(label: string, answer: string): string {
  return `${label.trim().replace(/[\s?.!:]+$/u, '')}: ${answer}`;
}

/** How a definition names a question that asks for an age, in either of its languages. */
const AGE_LABEL = { nl: /^leeftijd\b/i, en: /^age\b/i } as const;

/**
 * A whole number that is someone's age in years, known by the field's type and its label in the
 * definition ("Leeftijd", "Age"), never by its key. Where no column header names it (a row of a
 * list in one line), it reads "45 jaar" / "45 years old" rather than a bare "45".
 */
export function isAgeInYears(field: ScalarField): boolean {
  if (field.type !== 'integer' || isCodeNumber(field)) return false;
  return AGE_LABEL.nl.test(field.label.nl.trim()) || AGE_LABEL.en.test(field.label.en.trim());
}
