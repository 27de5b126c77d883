/**
 * Money is integer cents. Parsing works on the digits as text, never through a float,
 * so "12,10" is 1210 cents and not 1209.9999.
 *
 * A Dutch amount writes cents after a comma and may group thousands with a dot
 * ("175.000", "175.000,00", "2.500,50"). Input that a reader could take two ways ("1.5":
 * one euro fifty or fifteen hundred?) is refused with a sentence that says why, never
 * guessed: a wrong guess is a factor of a thousand in a grant request.
 */

export type MoneyLocale = 'nl' | 'en';
export type MoneyProblem =
  | 'empty'
  | 'invalid'
  | 'ambiguous'
  | 'decimals'
  | 'negative'
  | 'too_large';
export type MoneyParse =
  | { ok: true; cents: number }
  | { ok: false; problem: MoneyProblem; message: { nl: string; en: string } };

/** Ten billion euro: more than any subsidy, well inside a safe integer of cents. */
const MAX_CENTS = 1_000_000_000_000;

interface Marks {
  decimal: string;
  group: string;
}
const MARKS: Record<MoneyLocale, Marks> = {
  nl: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

function problemText(problem: MoneyProblem, input: string): { nl: string; en: string } {
  const shown = input.trim();
  switch (problem) {
    case 'empty':
      return { nl: 'Vul een bedrag in.', en: 'Enter an amount.' };
    case 'negative':
      return {
        nl: 'Vul een bedrag in zonder minteken.',
        en: 'Enter an amount without a minus sign.',
      };
    case 'decimals':
      return {
        nl: `“${shown}” heeft meer dan twee cijfers achter de komma. Schrijf bijvoorbeeld 2.500,50.`,
        en: `“${shown}” has more than two digits after the decimal point. Write for example 2,500.50.`,
      };
    case 'ambiguous':
      return {
        nl: `Bij “${shown}” is niet duidelijk welk bedrag u bedoelt. Schrijf centen na een komma en duizendtallen met een punt of zonder teken, bijvoorbeeld 1,50 of 1.500 of 1500.`,
        en: `“${shown}” can be read as more than one amount. Write cents after a decimal point and thousands with a comma or nothing, for example 1.50 or 1,500 or 1500.`,
      };
    case 'too_large':
      return { nl: 'Dit bedrag is te groot.', en: 'This amount is too large.' };
    default:
      return {
        nl: `“${shown}” is geen bedrag. Gebruik alleen cijfers, een punt en een komma, bijvoorbeeld 2.500,50.`,
        en: `“${shown}” is not an amount. Use only digits, a comma and a decimal point, for example 2,500.50.`,
      };
  }
}

function fail(problem: MoneyProblem, input: string): MoneyParse {
  return { ok: false, problem, message: problemText(problem, input) };
}

/** Thousands grouped by `mark` in groups of three ("175.000", "12.345.678"), or plain digits. */
function readWhole(text: string, mark: string): string | null {
  if (/^\d*$/.test(text)) return text;
  const escaped = mark === '.' ? '\\.' : mark;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text) ? text.split(mark).join('') : null;
}

/**
 * Reads an amount the way someone writing in `locale` means it. Both marks together
 * ("1.234,56" or "1,234.56") are read by their order, whatever the locale, since only one
 * reading exists; one mark alone follows the locale and is refused where it could mean both.
 */
export function parseMoney(input: string, locale: MoneyLocale): MoneyParse {
  let s = input
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/^(€|EUR)\s*/i, '')
    .replace(/\s*(€|EUR)$/i, '');
  if (s.startsWith('-') || s.startsWith('−')) return fail('negative', input);
  // A space may group thousands ("175 000"); any other space makes the text unreadable.
  s = s.replace(/(\d) (?=\d{3}(\D|$))/g, '$1');
  // "12,-" and "12,--" are whole euros in Dutch writing.
  s = s.replace(/[,.]-{1,2}$/, '');
  if (s === '') return fail(input.trim() === '' ? 'empty' : 'invalid', input);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail('invalid', input);

  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  let marks = MARKS[locale];
  if (hasDot && hasComma) {
    marks = s.lastIndexOf(',') > s.lastIndexOf('.') ? MARKS.nl : MARKS.en;
  }
  const parts = s.split(marks.decimal);
  if (parts.length > 2) return fail('ambiguous', input);
  const [wholeText = '', fraction] = parts;
  if (fraction !== undefined) {
    if (fraction.includes(marks.group)) return fail('ambiguous', input);
    if (fraction.length === 0) return fail('invalid', input);
    // "1,234" may be an English thousand written in a Dutch form: refuse rather than guess.
    if (fraction.length === 3 && wholeText !== '' && !hasDot !== !hasComma && wholeText.length <= 3)
      return fail('ambiguous', input);
    if (fraction.length > 2) return fail('decimals', input);
  }
  const whole = readWhole(wholeText, marks.group);
  // A single group mark that does not group thousands ("1.5", "12.10") may be a decimal mark.
  if (whole === null) return fail('ambiguous', input);
  if (whole === '' && fraction === undefined) return fail('invalid', input);
  const cents = Number(whole || '0') * 100 + Number((fraction ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return fail('too_large', input);
  return { ok: true, cents };
}

/** `parseMoney` for Dutch writing: "175.000", "175.000,00", "2.500,50". */
export function parseDutchMoney(input: string): MoneyParse {
  return parseMoney(input, 'nl');
}

function grouped(cents: number, locale: MoneyLocale): string {
  const { decimal, group } = MARKS[locale];
  const abs = Math.abs(Math.trunc(cents));
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${cents < 0 ? '-' : ''}${euros}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as the text inside an amount box ("175.000,00" / "175,000.00"); empty for none. */
export function formatMoneyInput(cents: number | null | undefined, locale: MoneyLocale): string {
  return cents == null ? '' : grouped(cents, locale);
}

/** Cents for reading: "€ 175.000,00" in Dutch, "€175,000.00" in English (no line break). */
export function formatMoney(cents: number, locale: MoneyLocale): string {
  return locale === 'nl' ? `€\u00a0${grouped(cents, 'nl')}` : `€${grouped(cents, 'en')}`;
}

export function sumCents(values: Array<number | null | undefined>): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total += v;
  return total;
}
