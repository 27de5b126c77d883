import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  addWeeks,
  amsterdamOffsetMinutes,
  amsterdamStartOfDay,
  diffDays,
  formatDate,
  formatMoney,
  fromDayNumber,
  isIsoDate,
  monthName,
  toAmsterdamDate,
  toDayNumber,
  weekday,
} from './calendar';

const HOUR = 3_600_000;
// The time-zone database through Intl: the independent reading of Amsterdam's clock.
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});
function intlOffset(at: number): number {
  const ms = Math.floor(at / 60_000) * 60_000; // the formatter shows whole minutes
  const p = parts.formatToParts(new Date(ms));
  const get = (type: string) => Number(p.find((x) => x.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return (local - ms) / 60_000;
}

describe("Amsterdam's offset from UTC", () => {
  test('agrees with the time-zone database at every hour around each change, 1996 to 2040', () => {
    let checked = 0;
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // The whole last week of the month, hour by hour, and the hours just around it.
        const from = Date.UTC(year, month, 24) - 2 * HOUR;
        const to = Date.UTC(year, month + 1, 1) + 2 * HOUR;
        for (let ms = from; ms <= to; ms += HOUR) {
          for (const at of [ms - 1, ms, ms + 30 * 60_000]) {
            expect(amsterdamOffsetMinutes(at), new Date(at).toISOString()).toBe(intlOffset(at));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(45 * 2 * 7 * 24 * 3);
  });

  test('agrees at noon and midnight of every day of 2026 and 2027', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 12 * HOUR)
      expect(amsterdamOffsetMinutes(ms)).toBe(intlOffset(ms));
  });

  test('before the common EU rule, the time-zone database answers', () => {
    // 1995: summer time ended on the last Sunday of September, not of October.
    const october = Date.UTC(1995, 9, 10, 12);
    expect(amsterdamOffsetMinutes(october)).toBe(60);
    expect(amsterdamOffsetMinutes(october)).toBe(intlOffset(october));
  });
});

describe('Europe/Amsterdam dates', () => {
  test('a UTC instant late in the evening is already the next day in Amsterdam', () => {
    expect(toAmsterdamDate(new Date('2026-03-03T22:59:59Z'))).toBe('2026-03-03');
    expect(toAmsterdamDate(new Date('2026-03-03T23:00:00Z'))).toBe('2026-03-04');
    // Summer time: UTC+2.
    expect(toAmsterdamDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(toAmsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  test('start of day around the DST changes of 2026', () => {
    expect(amsterdamStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(amsterdamStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(amsterdamStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(amsterdamStartOfDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  test('start of day and date agree for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), (n) => {
        const date = addDays('2000-01-01', n);
        const start = amsterdamStartOfDay(date);
        expect(toAmsterdamDate(start)).toBe(date);
        expect(toAmsterdamDate(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});

describe('date arithmetic', () => {
  test('day numbers agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        if (iso.startsWith('-') || iso.startsWith('+')) return;
        expect(fromDayNumber(day)).toBe(iso);
        expect(toDayNumber(iso)).toBe(day);
      }),
    );
  });

  test('weeks end on the same weekday', () => {
    expect(addWeeks('2026-03-03', 8)).toBe('2026-04-28');
    expect(weekday('2026-03-03')).toBe(weekday('2026-04-28'));
    expect(diffDays('2026-03-03', '2026-03-15')).toBe(12);
  });

  test('isIsoDate rejects impossible dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('3 maart')).toBe(false);
    expect(isIsoDate(20260303)).toBe(false);
    expect(() => toDayNumber('2026-3-3')).toThrow(RangeError);
  });
});

describe('formatting', () => {
  test('dates', () => {
    expect(formatDate('2026-03-03', 'nl')).toBe('3 maart 2026');
    expect(formatDate('2026-05-25', 'en')).toBe('25 May 2026');
  });

  test('months by name, and nothing else', () => {
    expect(monthName(1, 'nl')).toBe('januari');
    expect(monthName(12, 'en')).toBe('December');
    expect(() => monthName(0, 'nl')).toThrow(RangeError);
    expect(() => monthName(13, 'en')).toThrow(RangeError);
  });

  test('money from cents', () => {
    expect(formatMoney(123_456, 'nl')).toBe('€ 1.234,56');
    expect(formatMoney(123_456, 'en')).toBe('€1,234.56');
    expect(formatMoney(5, 'nl')).toBe('€ 0,05');
    expect(formatMoney(100_000_000, 'nl')).toBe('€ 1.000.000,00');
    expect(formatMoney(-2_500, 'en')).toBe('-€25.00');
  });
});
