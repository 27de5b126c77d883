import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './dates';

// Node's Intl with its own time-zone database: the independent reading of Amsterdam's clock.
const zoned = (tag: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Amsterdam', ...options });

describe('dates and times as people read them', () => {
  const instants = [
    '2026-01-01T00:00:00Z',
    '2026-03-29T00:59:00Z',
    '2026-03-29T01:00:00Z',
    '2026-07-01T23:30:00Z',
    '2026-10-25T00:59:00Z',
    '2026-10-25T01:00:00Z',
    '2026-12-03T08:05:00Z',
    '2031-02-28T23:15:00.123Z',
  ];

  it('writes the date as Intl does in Dutch and British English', () => {
    for (const [locale, tag] of [
      ['nl', 'nl-NL'],
      ['en', 'en-GB'],
    ] as const) {
      const day = zoned(tag, { day: 'numeric', month: 'long', year: 'numeric' });
      for (const iso of instants) expect(formatDate(iso, locale)).toBe(day.format(new Date(iso)));
      // A calendar date is that day, wherever the reader is.
      for (const date of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31'])
        expect(formatDate(date, locale)).toBe(day.format(new Date(`${date}T12:00:00Z`)));
    }
    expect(formatDate('2026-12-03', 'nl')).toBe('3 december 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 December 2026');
  });

  it('writes the time on the 24-hour clock, with the date joined by "om" or "at"', () => {
    const time = zoned('nl-NL', { hour: '2-digit', minute: '2-digit' });
    for (const iso of instants) expect(formatTime(new Date(iso))).toBe(time.format(new Date(iso)));
    expect(formatDateTime('2026-12-03T08:05:00Z', 'nl')).toBe('3 december 2026 om 09:05');
    expect(formatDateTime('2026-12-03T08:05:00Z', 'en')).toBe('3 December 2026 at 09:05');
    expect(formatDateTime('2026-07-01T23:30:00Z', 'nl')).toBe('2 juli 2026 om 01:30');
  });

  it('shows what is not a date as it came, and never moves an impossible day', () => {
    expect(formatDate('2026-02-31', 'nl')).toBe('2026-02-31');
    expect(formatDate('2026-13-01', 'nl')).toBe('2026-13-01');
    expect(formatDate('morgen', 'nl')).toBe('morgen');
    expect(formatDateTime('morgen', 'nl')).toBe('morgen');
  });
});
