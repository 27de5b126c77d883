/**
 * A date typed as three numbers, day, month and year, the way a letter or a form on paper asks
 * for it ("15 6 2027"). Read here into a calendar date (YYYY-MM-DD), or refused with a sentence
 * that says which part is wrong; never guessed, never moved to another day (31 February is not
 * 3 March).
 *
 * Three boxes instead of the browser's own date field: that field's order of day and month
 * follows the browser's language, not the page's (a Dutch resident with an English browser
 * would type month first), and it loads the browser's calendar data in one long task.
 */
import { isIsoDate, monthName } from '@initiatief/engine';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

type Localized = { nl: string; en: string };

export type DateRead =
  /** `date` is null when all three parts are empty: the field is simply not filled in. */
  | { ok: true; date: string | null }
  /** `parts`: the boxes to mark, where the problem is. */
  | { ok: false; parts: DatePart[]; message: Localized };

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The three parts of a calendar date as a person writes them: '2027-06-05' -> 5, 6, 2027. */
export function partsOf(value: unknown): DateParts {
  if (typeof value !== 'string' || !isIsoDate(value)) return EMPTY_DATE;
  const [year, month, day] = value.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

// Month names and their usual short forms in both languages, lower case: "juni", "jun", "mrt".
const MONTH_WORDS = new Map<string, number>();
for (let m = 1; m <= 12; m++) {
  for (const locale of ['nl', 'en'] as const) {
    const name = monthName(m, locale).toLowerCase();
    MONTH_WORDS.set(name, m);
    MONTH_WORDS.set(name.slice(0, 3), m);
  }
}
MONTH_WORDS.set('mrt', 3);
MONTH_WORDS.set('sept', 9);

function readMonth(text: string): number | null {
  const word = text.toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return MONTH_WORDS.get(word) ?? null;
}

const PART_WORDS: Record<DatePart, Localized> = {
  day: { nl: 'de dag', en: 'the day' },
  month: { nl: 'de maand', en: 'the month' },
  year: { nl: 'het jaar', en: 'the year' },
};

function missing(parts: DatePart[]): Localized {
  const [first, second] = parts.map((p) => PART_WORDS[p]) as [Localized, Localized?];
  return second
    ? {
        nl: `Vul ook ${first.nl} en ${second.nl} in.`,
        en: `Enter ${first.en} and ${second.en} too.`,
      }
    : { nl: `Vul ook ${first.nl} in.`, en: `Enter ${first.en} too.` };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The date the three parts make, or why they make none. Spaces around a part do not count. */
export function readDateParts(input: DateParts): DateRead {
  const day = input.day.trim();
  const month = input.month.trim();
  const year = input.year.trim();
  const empty = DATE_PARTS.filter((p) => ({ day, month, year })[p] === '');
  if (empty.length === 3) return { ok: true, date: null };
  if (empty.length > 0) return { ok: false, parts: empty, message: missing(empty) };

  const d = /^\d{1,2}$/.test(day) ? Number(day) : 0;
  if (d < 1 || d > 31)
    return {
      ok: false,
      parts: ['day'],
      message: {
        nl: 'Vul als dag een getal van 1 tot en met 31 in.',
        en: 'Enter a day from 1 to 31.',
      },
    };
  const m = readMonth(month) ?? 0;
  if (m < 1 || m > 12)
    return {
      ok: false,
      parts: ['month'],
      message: {
        nl: 'Vul als maand een getal van 1 tot en met 12 in.',
        en: 'Enter a month from 1 to 12.',
      },
    };
  if (!/^\d{4}$/.test(year) || Number(year) < 1000)
    return {
      ok: false,
      parts: ['year'],
      message: {
        nl: 'Vul het jaar in met 4 cijfers.',
        en: 'Enter the year in 4 digits.',
      },
    };
  const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(date)) {
    const last = lastDayOf(Number(year), m);
    return {
      ok: false,
      parts: ['day'],
      message: {
        nl: `${capital(monthName(m, 'nl'))} ${year} heeft ${last} dagen.`,
        en: `${monthName(m, 'en')} ${year} has ${last} days.`,
      },
    };
  }
  return { ok: true, date };
}

function lastDayOf(year: number, month: number): number {
  for (let d = 31; d > 28; d--)
    if (isIsoDate(`${year}-${String(month).padStart(2, '0')}-${d}`)) return d;
  return 28;
}

/**
 * A whole date pasted or typed into the day box ("15-6-2027", "15/06/2027", "15.6.2027",
 * "2027-06-15"): its three parts, so they go to their own boxes. Null for anything else.
 */
export function splitWholeDate(text: string): DateParts | null {
  const t = text.trim();
  const dayFirst = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2}|[a-zA-Z]{3,9}\.?)\s*[-/.\s]\s*(\d{4})$/.exec(t);
  if (dayFirst) return { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3]! };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! };
  return null;
}
