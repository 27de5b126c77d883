import { addDays, isIsoDate } from '@initiatief/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { partsOf, readDateParts, splitWholeDate } from './date-parts';

const read = (day: string, month: string, year: string) => readDateParts({ day, month, year });

describe('a date typed as day, month and year', () => {
  test('every calendar date goes to three parts and back unchanged', () => {
    // Every day from 1 January 1900 to the end of 2199, leap days and all.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 109_572 }), (n) => {
        const date = addDays('1900-01-01', n);
        expect(read(...(Object.values(partsOf(date)) as [string, string, string]))).toEqual({
          ok: true,
          date,
        });
      }),
      { numRuns: 2_000 },
    );
    expect(partsOf('2027-06-05')).toEqual({ day: '5', month: '6', year: '2027' });
  });

  test('it reads what people write: leading zeros, spaces, a month by its name', () => {
    expect(read('05', '06', '2027')).toEqual({ ok: true, date: '2027-06-05' });
    expect(read(' 5 ', ' 6', '2027 ')).toEqual({ ok: true, date: '2027-06-05' });
    expect(read('5', 'juni', '2027')).toEqual({ ok: true, date: '2027-06-05' });
    expect(read('5', 'June', '2027')).toEqual({ ok: true, date: '2027-06-05' });
    expect(read('5', 'mrt', '2027')).toEqual({ ok: true, date: '2027-03-05' });
    expect(read('5', 'okt.', '2027')).toEqual({ ok: true, date: '2027-10-05' });
    expect(read('5', 'Sept', '2027')).toEqual({ ok: true, date: '2027-09-05' });
  });

  test('nothing typed is no date, and no problem either', () => {
    expect(read('', '', '')).toEqual({ ok: true, date: null });
    expect(read(' ', '', ' ')).toEqual({ ok: true, date: null });
    expect(partsOf(null)).toEqual({ day: '', month: '', year: '' });
    expect(partsOf('2027-02-30')).toEqual({ day: '', month: '', year: '' });
  });

  test('a part left out is named, in both languages', () => {
    expect(read('15', '', '2027')).toEqual({
      ok: false,
      parts: ['month'],
      message: { nl: 'Vul ook de maand in.', en: 'Enter the month too.' },
    });
    expect(read('15', '', '')).toMatchObject({
      parts: ['month', 'year'],
      message: { nl: 'Vul ook de maand en het jaar in.', en: 'Enter the month and the year too.' },
    });
  });

  test('a part that cannot be one says which and why; nothing is guessed', () => {
    expect(read('32', '1', '2027')).toMatchObject({ ok: false, parts: ['day'] });
    expect(read('0', '1', '2027')).toMatchObject({ ok: false, parts: ['day'] });
    expect(read('1e', '1', '2027')).toMatchObject({ ok: false, parts: ['day'] });
    expect(read('15', '13', '2027')).toMatchObject({
      ok: false,
      parts: ['month'],
      message: { nl: 'Vul als maand een getal van 1 tot en met 12 in.' },
    });
    expect(read('15', 'juno', '2027')).toMatchObject({ ok: false, parts: ['month'] });
    expect(read('15', '6', '27')).toMatchObject({
      ok: false,
      parts: ['year'],
      message: { nl: 'Vul het jaar in met 4 cijfers.', en: 'Enter the year in 4 digits.' },
    });
    expect(read('15', '6', '0999')).toMatchObject({ ok: false, parts: ['year'] });
    expect(read('15', '6', '２０２７')).toMatchObject({ ok: false, parts: ['year'] });
  });

  test('a day the month does not have is refused, never moved to the next month', () => {
    expect(read('31', '2', '2027')).toEqual({
      ok: false,
      parts: ['day'],
      message: { nl: 'Februari 2027 heeft 28 dagen.', en: 'February 2027 has 28 days.' },
    });
    expect(read('30', '2', '2028')).toMatchObject({
      message: { nl: 'Februari 2028 heeft 29 dagen.' },
    });
    expect(read('29', '2', '2028')).toEqual({ ok: true, date: '2028-02-29' });
    expect(read('31', '4', '2027')).toMatchObject({ message: { en: 'April 2027 has 30 days.' } });
    // Every refusal of an existing day number is a day the calendar lacks.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 2200 }),
        (d, m, y) => {
          const r = read(String(d), String(m), String(y));
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(r.ok).toBe(isIsoDate(iso));
        },
      ),
    );
  });
});

describe('a whole date typed into the day box', () => {
  test('is split into its parts', () => {
    expect(splitWholeDate('15-6-2027')).toEqual({ day: '15', month: '6', year: '2027' });
    expect(splitWholeDate('15/06/2027')).toEqual({ day: '15', month: '06', year: '2027' });
    expect(splitWholeDate('15.06.2027')).toEqual({ day: '15', month: '06', year: '2027' });
    expect(splitWholeDate('15 juni 2027')).toEqual({ day: '15', month: 'juni', year: '2027' });
    expect(splitWholeDate('2027-06-15')).toEqual({ day: '15', month: '6', year: '2027' });
  });

  test('anything else stays where it was typed', () => {
    for (const text of ['15', '1506', '15-6', '6/15/27', 'morgen', '2027-06'])
      expect(splitWholeDate(text), text).toBeNull();
  });
});
