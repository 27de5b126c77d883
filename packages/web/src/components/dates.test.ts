import { describe, expect, it } from 'vitest';
import { isStillAhead, todayInAmsterdam } from './dates';

describe('calendar dates in Amsterdam', () => {
  it('takes today from Amsterdam, not UTC', () => {
    // 23:30 UTC on 28 November is already 29 November in Amsterdam (UTC+1).
    expect(todayInAmsterdam(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(todayInAmsterdam(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayInAmsterdam(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayInAmsterdam(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('tells whether a date is still ahead', () => {
    expect(isStillAhead('2027-02-06', '2026-11-28')).toBe(true);
    expect(isStillAhead('2026-11-28', '2026-11-28')).toBe(false);
    expect(isStillAhead('2026-05-11', '2026-11-28')).toBe(false);
    expect(isStillAhead(undefined, '2026-11-28')).toBe(false);
    expect(isStillAhead('6 februari', '2026-11-28')).toBe(false);
  });
});
