/**
 * Dates and times as people in Rotterdam read them: "3 december 2026", "3 december 2026 om
 * 09:05" (English: "3 December 2026", "3 December 2026 at 09:05"), always on Amsterdam's clock.
 *
 * Written out rather than through Intl.DateTimeFormat, for the reason numbers.ts gives: the
 * first formatter a page makes loads the browser's calendar and time-zone data in one long task
 * (the largest on an application page, in Lighthouse's trace). Amsterdam's clock follows the
 * EU's summer-time rule (directive 2000/84/EC, in force since 1996): from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October. dates.test.ts checks every hour
 * around each change from 1996 to 2040 against Intl and the platform's time-zone database, so
 * a change of that rule fails a test instead of showing a wrong hour. An instant before 1996 is
 * left to Intl.
 */
import type { NumberLocale } from './numbers';

const MINUTE_MS = 60_000;

const MONTHS: Record<NumberLocale, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** 01:00 UTC on the last Sunday of a month (0-based), in milliseconds. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

let olderClock: Intl.DateTimeFormat | undefined;
/** Before the EU's common rule: the time-zone database, through Intl. */
function olderOffsetMinutes(ms: number): number {
  olderClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const parts = olderClock.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Minutes Amsterdam's clock is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function amsterdamOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996) return olderOffsetMinutes(ms);
  return ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9) ? 120 : 60;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The date and time on Amsterdam's clock at an instant. */
function amsterdamWall(instant: Date): Wall {
  const ms = instant.getTime();
  const local = new Date(ms + amsterdamOffsetMinutes(ms) * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** Today's calendar date in Amsterdam, as YYYY-MM-DD. */
export function amsterdamDate(instant: Date): string {
  const w = amsterdamWall(instant);
  return `${String(w.year).padStart(4, '0')}-${two(w.month + 1)}-${two(w.day)}`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "3 december 2026" / "3 December 2026". A calendar date (YYYY-MM-DD) is that day as written;
 * an instant is the day it was in Amsterdam. Anything unreadable is shown as it came.
 */
export function formatDate(value: string, locale: NumberLocale): string {
  const calendar = CALENDAR_DATE.exec(value);
  if (calendar) {
    const [year, month, day] = calendar.slice(1).map(Number) as [number, number, number];
    // A day the calendar lacks (31 February) is not moved to another one.
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return value;
    return `${day} ${MONTHS[locale][month - 1]} ${year}`;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const w = amsterdamWall(instant);
  return `${w.day} ${MONTHS[locale][w.month]} ${w.year}`;
}

/** "09:05" on Amsterdam's clock. */
export function formatTime(instant: Date): string {
  const w = amsterdamWall(instant);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/** "3 december 2026 om 09:05" / "3 December 2026 at 09:05", on Amsterdam's clock. */
export function formatDateTime(value: string | Date, locale: NumberLocale): string {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const w = amsterdamWall(instant);
  const date = `${w.day} ${MONTHS[locale][w.month]} ${w.year}`;
  return `${date} ${locale === 'nl' ? 'om' : 'at'} ${two(w.hour)}:${two(w.minute)}`;
}
