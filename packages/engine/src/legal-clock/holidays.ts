import type { LocalizedText } from '../core/engine.types';
import { addDays, fromDayNumber, toDayNumber, weekday } from './calendar';

/** Easter Sunday (Gregorian, anonymous computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Map<string, LocalizedText>>();

/** The holidays of the Algemene termijnenwet (art. 3) in a year, with their names. */
export function holidaysOf(year: number): Map<string, LocalizedText> {
  const hit = cache.get(year);
  if (hit) return hit;
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const kingsDay = weekday(`${y}-04-27`) === 0 ? `${y}-04-26` : `${y}-04-27`;
  const list: [string, LocalizedText][] = [
    [`${y}-01-01`, { nl: 'Nieuwjaarsdag', en: "New Year's Day" }],
    [addDays(easter, 1), { nl: 'Tweede Paasdag', en: 'Easter Monday' }],
    [kingsDay, { nl: 'Koningsdag', en: "King's Day" }],
    // The Atw lists 5 May every year, not only in lustrum years.
    [`${y}-05-05`, { nl: 'Bevrijdingsdag', en: 'Liberation Day' }],
    [addDays(easter, 39), { nl: 'Hemelvaartsdag', en: 'Ascension Day' }],
    [addDays(easter, 50), { nl: 'Tweede Pinksterdag', en: 'Whit Monday' }],
    [`${y}-12-25`, { nl: 'Eerste Kerstdag', en: 'Christmas Day' }],
    [`${y}-12-26`, { nl: 'Tweede Kerstdag', en: 'Boxing Day' }],
  ];
  list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const map = new Map(list);
  if (cache.size > 500) cache.clear();
  cache.set(year, map);
  return map;
}

/** The Atw holidays of a year as sorted 'YYYY-MM-DD' dates. */
export function dutchHolidays(year: number): string[] {
  return [...holidaysOf(year).keys()];
}

export function holidayName(date: string): LocalizedText | undefined {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  return holidaysOf(year).get(date);
}

export function isWorkingDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !holidayName(date);
}

export interface SkippedDay {
  date: string;
  holiday?: LocalizedText;
}

/** The date itself when it is a working day, else the next one (Atw art. 1), with what was skipped. */
export function nextWorkingDay(date: string): { date: string; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let day = toDayNumber(date);
  for (;;) {
    const d = fromDayNumber(day);
    if (isWorkingDay(d)) return { date: d, skipped };
    const holiday = holidayName(d);
    skipped.push(holiday ? { date: d, holiday } : { date: d });
    day += 1;
  }
}
