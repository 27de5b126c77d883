/** Calendar dates ('YYYY-MM-DD') in Europe/Amsterdam and instants in UTC, without libraries. */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ZONE = 'Europe/Amsterdam';

let partsFormatter: Intl.DateTimeFormat | undefined;
function formatter(): Intl.DateTimeFormat {
  partsFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return partsFormatter;
}

/** 01:00 UTC on the last Sunday of a month (0-based), in milliseconds. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

// Before 1996 the time-zone database answers, through Intl; offsets only change on the hour, so
// one call per UTC hour is enough (bounded cache).
const offsetCache = new Map<number, number>();
function olderOffsetMinutes(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const parts = formatter().formatToParts(new Date(hour * HOUR_MS));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((local - hour * HOUR_MS) / 60_000);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

/**
 * Minutes Amsterdam is ahead of UTC at this instant (60 or 120). Since 1996 the EU's summer-time
 * rule (directive 2000/84/EC and its predecessors): from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October. Arithmetic, not Intl: in a browser the first Intl
 * formatter loads the calendar and time-zone data in one long task. calendar.test.ts checks
 * every hour around each change to 2040 against the time-zone database, so a change of the rule
 * fails a test rather than a deadline.
 */
export function amsterdamOffsetMinutes(instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  if (year < 1996) return olderOffsetMinutes(instantMs);
  return instantMs >= lastSundayOneUtc(year, 2) && instantMs < lastSundayOneUtc(year, 9) ? 120 : 60;
}

/** The calendar date in Europe/Amsterdam of an instant. */
export function toAmsterdamDate(instant: Date): string {
  const ms = instant.getTime();
  return fromDayNumber(Math.floor((ms + amsterdamOffsetMinutes(ms) * 60_000) / DAY_MS));
}

/** The UTC instant at which `date` begins (00:00) in Europe/Amsterdam. */
export function amsterdamStartOfDay(date: string): Date {
  const utcMidnight = toDayNumber(date) * DAY_MS;
  // Guess with the offset two hours earlier, then correct once (DST never changes at midnight here).
  const first = utcMidnight - amsterdamOffsetMinutes(utcMidnight - 2 * HOUR_MS) * 60_000;
  return new Date(utcMidnight - amsterdamOffsetMinutes(first) * 60_000);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

// Date arithmetic runs on every step (timers, deadlines), so it avoids Date objects and regexes.
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  if (d < 0 || d > 9) throw new RangeError(`not a date: ${s}`);
  return d;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (proleptic Gregorian, days-from-civil). */
export function toDayNumber(date: string): number {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-')
    throw new RangeError(`not a date: ${date}`);
  let y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

export function fromDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${TWO[m]}-${TWO[d]}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: string, weeks: number): string {
  return addDays(date, weeks * 7);
}

/** b - a in days. */
export function diffDays(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

const MONTHS = {
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
} as const;

/** A month (1 to 12) by its name: 3 -> 'maart' / 'March'. */
export function monthName(month: number, locale: 'nl' | 'en'): string {
  const name = MONTHS[locale][month - 1];
  if (!name) throw new RangeError(`not a month: ${month}`);
  return name;
}

/** '2026-03-03' -> '3 maart 2026' / '3 March 2026'. */
export function formatDate(date: string, locale: 'nl' | 'en'): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[locale][Number(m[2]) - 1]} ${m[1]}`;
}

/** 123456 cents -> '€ 1.234,56' / '€1,234.56'. */
export function formatMoney(cents: number, locale: 'nl' | 'en'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const group = locale === 'nl' ? '.' : ',';
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return locale === 'nl' ? `${sign}€ ${grouped},${rest}` : `${sign}€${grouped}.${rest}`;
}
