/**
 * Dates and times as people in Rotterdam read them: "3 december 2026", "3 december 2026 om
 * 09:05" (English: "3 December 2026", "3 December 2026 at 09:05"), always on Amsterdam's clock.
 *
 * Written out with the engine's calendar rather than through Intl.DateTimeFormat, for the
 * reason numbers.ts gives: the first formatter a page makes loads the browser's calendar and
 * time-zone data in one long task (the largest on an application page, in Lighthouse's trace).
 * Amsterdam's offset is the engine's (the EU summer-time rule, checked against the time-zone
 * database in its tests); dates.test.ts holds these texts against Intl.
 */
import {
  amsterdamOffsetMinutes,
  formatDate as formatCalendarDate,
  isIsoDate,
  toAmsterdamDate,
} from '@initiatief/engine';
import type { NumberLocale } from './numbers';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "3 december 2026" / "3 December 2026". A calendar date (YYYY-MM-DD) is that day as written;
 * an instant is the day it was in Amsterdam. Anything unreadable (or a day the calendar lacks,
 * as 31 February) is shown as it came, never moved to another day.
 */
export function formatDate(value: string, locale: NumberLocale): string {
  if (isIsoDate(value)) return formatCalendarDate(value, locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return formatCalendarDate(toAmsterdamDate(instant), locale);
}

/** "09:05" on Amsterdam's clock. */
export function formatTime(instant: Date): string {
  const ms = instant.getTime();
  const local = new Date(ms + amsterdamOffsetMinutes(ms) * 60_000);
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** "3 december 2026 om 09:05" / "3 December 2026 at 09:05", on Amsterdam's clock. */
export function formatDateTime(value: string | Date, locale: NumberLocale): string {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const date = formatCalendarDate(toAmsterdamDate(instant), locale);
  return `${date} ${locale === 'nl' ? 'om' : 'at'} ${formatTime(instant)}`;
}
