import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LegalClockState } from '../core/engine.types';
import { addDays } from './calendar';
import { isWorkingDay } from './holidays';
import {
  decisionDueDate,
  decisionDueOn,
  objectionDeadline,
  reportDueDate,
  supplementDueDate,
  supplementDueOn,
  suspendedDays,
} from './terms';

const clock = (over: Partial<LegalClockState> = {}): LegalClockState => ({
  receivedOn: '2026-03-03',
  termWeeks: 8,
  suspensions: [],
  extension: null,
  ...over,
});

describe('decision due date (Awb 4:13, 4:14, 4:15)', () => {
  test('8 weeks from receipt, same weekday', () => {
    expect(decisionDueDate(clock())).toEqual({
      date: '2026-04-28',
      explanation: { nl: '8 weken vanaf 3 maart 2026', en: '8 weeks from 3 March 2026' },
    });
  });

  test('no receipt, no due date', () => {
    expect(decisionDueDate(clock({ receivedOn: null }))).toBeNull();
    expect(decisionDueOn(clock({ receivedOn: null }))).toBeNull();
  });

  test('suspension of 12 days, moved past the weekend', () => {
    const c = clock({
      suspensions: [
        { requestedOn: '2026-03-10', periodDays: 14, dueOn: '2026-03-24', endedOn: '2026-03-22' },
      ],
    });
    expect(suspendedDays(c)).toBe(12);
    expect(decisionDueDate(c)).toEqual({
      date: '2026-05-11',
      explanation: {
        nl: '8 weken vanaf 3 maart 2026, klok 12 dagen stilgezet, verschoven voorbij het weekend',
        en: '8 weeks from 3 March 2026, clock stopped 12 days, moved past the weekend',
      },
    });
  });

  test('a term ending on Whit Monday 2026 moves past the weekend-less holiday', () => {
    const due = decisionDueDate(clock({ receivedOn: '2026-03-30' }));
    expect(due?.date).toBe('2026-05-26');
    expect(due?.explanation.nl).toBe(
      '8 weken vanaf 30 maart 2026, verschoven voorbij Tweede Pinksterdag',
    );
    expect(due?.explanation.en).toBe('8 weeks from 30 March 2026, moved past Whit Monday');
  });

  test('a term ending on Ascension Day 2026 (14 May) moves to Friday', () => {
    expect(decisionDueDate(clock({ receivedOn: '2026-03-19' }))?.date).toBe('2026-05-15');
  });

  test('an open suspension counts up to today', () => {
    const c = clock({
      suspensions: [
        { requestedOn: '2026-03-10', periodDays: 14, dueOn: '2026-03-24', endedOn: null },
      ],
    });
    expect(suspendedDays(c, '2026-03-15')).toBe(5);
    expect(suspendedDays(c)).toBe(0);
  });

  test('one extension adds its weeks and says so', () => {
    const due = decisionDueDate(clock({ extension: { weeks: 4, on: '2026-04-20' } }));
    expect(due?.date).toBe('2026-05-26'); // 26 May: 12 weeks from 3 March
    expect(due?.explanation.nl).toBe('8 weken vanaf 3 maart 2026, 4 weken verdaagd');
    expect(due?.explanation.en).toBe('8 weeks from 3 March 2026, extended by 4 weeks');
  });
});

describe('other deadlines', () => {
  test('objection: 6 weeks from the day after sending (Awb 6:7, 6:8)', () => {
    expect(objectionDeadline('2026-03-31')).toEqual({
      date: '2026-05-12',
      explanation: {
        nl: '6 weken vanaf de dag na verzending (1 april 2026; verzonden 31 maart 2026)',
        en: '6 weeks from the day after sending (1 April 2026; sent 31 March 2026)',
      },
    });
    // Sent on Thursday 2 April 2026: six weeks later is Ascension Day.
    const onAscension = objectionDeadline('2026-04-02');
    expect(onAscension.date).toBe('2026-05-15');
    expect(onAscension.explanation.en).toContain('moved past Ascension Day');
  });

  test('supplement period in days, moved to a working day', () => {
    expect(supplementDueOn('2026-12-11', 14)).toBe('2026-12-28');
    expect(supplementDueDate('2026-03-10', 14).date).toBe('2026-03-24');
    expect(supplementDueDate('2026-12-11', 14).date).toBe('2026-12-28');
  });

  test('report due weeks after the activity', () => {
    expect(reportDueDate('2026-06-13', 12).date).toBe('2026-09-07'); // Saturday 5 Sept -> Monday
  });
});

const dateArb = fc.integer({ min: 0, max: 365 * 10 }).map((n) => addDays('2024-01-01', n));
const suspensionArb = fc
  .record({
    start: fc.integer({ min: 0, max: 60 }),
    period: fc.integer({ min: 1, max: 60 }),
    used: fc.integer({ min: 0, max: 60 }),
  })
  .map((s) => s);

describe('properties', () => {
  test('suspension never shortens a term', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 26 }),
        fc.array(suspensionArb, { maxLength: 3 }),
        (receivedOn, weeks, raw) => {
          const suspensions = raw.map((s) => {
            const requestedOn = addDays(receivedOn, s.start);
            const dueOn = addDays(requestedOn, s.period);
            return {
              requestedOn,
              periodDays: s.period,
              dueOn,
              endedOn: addDays(requestedOn, Math.min(s.used, s.period)),
            };
          });
          const without = decisionDueDate(clock({ receivedOn, termWeeks: weeks }))!.date;
          const withSuspension = decisionDueDate(
            clock({ receivedOn, termWeeks: weeks, suspensions }),
          )!.date;
          expect(withSuspension >= without).toBe(true);
        },
      ),
    );
  });

  test('a due date never falls on a weekend or holiday', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 52 }),
        fc.integer({ min: 0, max: 100 }),
        (from, weeks, days) => {
          expect(
            isWorkingDay(decisionDueDate(clock({ receivedOn: from, termWeeks: weeks }))!.date),
          ).toBe(true);
          expect(isWorkingDay(objectionDeadline(from).date)).toBe(true);
          expect(isWorkingDay(supplementDueDate(from, days + 1).date)).toBe(true);
          expect(isWorkingDay(reportDueDate(from, weeks).date)).toBe(true);
        },
      ),
    );
  });

  test('results are deterministic', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 26 }), (from, weeks) => {
        const c = clock({ receivedOn: from, termWeeks: weeks });
        expect(decisionDueDate(c)).toEqual(decisionDueDate(structuredClone(c)));
        expect(objectionDeadline(from)).toEqual(objectionDeadline(from));
        expect(decisionDueOn(c)).toBe(decisionDueDate(c)!.date);
      }),
    );
  });
});
