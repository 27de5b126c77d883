import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, weekday } from './calendar';
import { dutchHolidays, easterSunday, holidayName, isWorkingDay, nextWorkingDay } from './holidays';

describe('easterSunday', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('%i -> %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  test('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('dutchHolidays (Algemene termijnenwet art. 3)', () => {
  test('2026', () => {
    expect(dutchHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06', // Easter Monday
      '2026-04-27', // King's Day
      '2026-05-05', // Liberation Day, every year under the Atw
      '2026-05-14', // Ascension
      '2026-05-25', // Whit Monday
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  test('2027', () => {
    expect(dutchHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-04-27',
      '2027-05-05',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  test("King's Day moves to 26 April when 27 April is a Sunday", () => {
    expect(weekday('2025-04-27')).toBe(0);
    expect(dutchHolidays(2025)).toContain('2025-04-26');
    expect(dutchHolidays(2025)).not.toContain('2025-04-27');
  });

  test('names the holidays in both languages', () => {
    expect(holidayName('2026-05-25')).toEqual({ nl: 'Tweede Pinksterdag', en: 'Whit Monday' });
    expect(holidayName('2026-05-14')?.nl).toBe('Hemelvaartsdag');
    expect(holidayName('2026-05-13')).toBeUndefined();
  });
});

describe('working days', () => {
  test('weekends and holidays are not working days', () => {
    expect(isWorkingDay('2026-03-03')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-12-25')).toBe(false);
  });

  test('nextWorkingDay skips a weekend followed by Whit Monday', () => {
    expect(nextWorkingDay('2026-05-23')).toEqual({
      date: '2026-05-26',
      skipped: [
        { date: '2026-05-23' },
        { date: '2026-05-24' },
        { date: '2026-05-25', holiday: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' } },
      ],
    });
    expect(nextWorkingDay('2026-03-03')).toEqual({ date: '2026-03-03', skipped: [] });
  });

  test('Christmas on a Friday lands on Monday 28 December (2026)', () => {
    expect(nextWorkingDay('2026-12-25').date).toBe('2026-12-28');
  });

  test('nextWorkingDay is a working day, never earlier, at most a few days later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (n) => {
        const date = addDays('2020-01-01', n);
        const next = nextWorkingDay(date).date;
        expect(isWorkingDay(next)).toBe(true);
        expect(next >= date).toBe(true);
        expect(next <= addDays(date, 5)).toBe(true);
      }),
    );
  });
});
