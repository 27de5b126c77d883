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

  test('suspension of 11 days (11 to 21 March), moved past the weekend', () => {
    // Asked on 10 March, supplemented on 22 March: the clock stands still from 11 March up to,
    // not including, 22 March (Awb 4:15). 28 April + 11 days = Saturday 9 May -> Monday 11 May.
    const c = clock({
      suspensions: [
        { requestedOn: '2026-03-10', periodDays: 14, dueOn: '2026-03-24', endedOn: '2026-03-22' },
      ],
    });
    expect(suspendedDays(c)).toBe(11);
    expect(decisionDueDate(c)).toEqual({
      date: '2026-05-11',
      explanation: {
        nl: '8 weken vanaf 3 maart 2026, klok 11 dagen stilgezet, verschoven voorbij het weekend',
        en: '8 weeks from 3 March 2026, clock stopped 11 days, moved past the weekend',
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
    // 11 to 15 March: today still stands still while nothing has been supplemented.
    expect(suspendedDays(c, '2026-03-15')).toBe(5);
    expect(suspendedDays(c, '2026-03-10')).toBe(0);
    expect(suspendedDays(c)).toBe(0);
  });

  test('one extension adds its weeks and says so', () => {
    const due = decisionDueDate(clock({ extension: { weeks: 4, on: '2026-04-20' } }));
    expect(due?.date).toBe('2026-05-26'); // 26 May: 12 weeks from 3 March
    expect(due?.explanation.nl).toBe('8 weken vanaf 3 maart 2026, 4 weken verdaagd');
    expect(due?.explanation.en).toBe('8 weeks from 3 March 2026, extended by 4 weeks');
  });
});

// Cases computed by hand from the text of Awb 4:15 ("met ingang van de dag na die waarop de
// aanvrager wordt uitgenodigd de aanvraag aan te vullen, tot de dag waarop de aanvraag is
// aangevuld"): the day of the request and the day of the supplement both count; only the days in
// between stand still. Then the Algemene termijnenwet (art. 1, 3) moves a last day off a weekend
// or holiday. The old count (up to and including the supplement) is noted where it differs.
describe('suspension by hand, across Atw holidays (Awb 4:15)', () => {
  const suspended = (requestedOn: string, endedOn: string | null) => ({
    requestedOn,
    periodDays: 14,
    dueOn: supplementDueOn(requestedOn, 14),
    endedOn,
  });

  test('supplemented the day after the request: the clock did not stand still at all', () => {
    // Received Thursday 29 Oct 2026; 8 weeks: Thursday 24 Dec. Asked Monday 2 Nov, supplemented
    // Tuesday 3 Nov: no day lies between, so 24 Dec stays (the old count said 25 Dec -> 28 Dec).
    const c = clock({
      receivedOn: '2026-10-29',
      suspensions: [suspended('2026-11-02', '2026-11-03')],
    });
    expect(suspendedDays(c)).toBe(0);
    expect(decisionDueDate(c)?.date).toBe('2026-12-24');
  });

  test('one day stood still, across Christmas and the weekend', () => {
    // Asked 2 Nov, supplemented Wednesday 4 Nov: only 3 Nov stood still. 24 Dec + 1 = Friday
    // 25 Dec (Eerste Kerstdag), 26 Dec (Tweede Kerstdag, a Saturday), Sunday 27 -> Monday 28 Dec.
    const c = clock({
      receivedOn: '2026-10-29',
      suspensions: [suspended('2026-11-02', '2026-11-04')],
    });
    expect(suspendedDays(c)).toBe(1);
    expect(decisionDueDate(c)).toEqual({
      date: '2026-12-28',
      explanation: {
        nl: '8 weken vanaf 29 oktober 2026, klok 1 dag stilgezet, verschoven voorbij het weekend, Eerste Kerstdag en Tweede Kerstdag',
        en: '8 weeks from 29 October 2026, clock stopped 1 day, moved past the weekend, Christmas Day and Boxing Day',
      },
    });
  });

  test('across Easter: a Friday stays a Friday (Good Friday is no Atw holiday)', () => {
    // Received Thursday 5 Feb 2026; 8 weeks: Thursday 2 April. Asked Tuesday 10 Feb, supplemented
    // Thursday 12 Feb: 11 Feb stood still, so Friday 3 April. (Old count: Saturday 4 April, past
    // the weekend and Easter Monday 6 April, to Tuesday 7 April.)
    const c = clock({
      receivedOn: '2026-02-05',
      suspensions: [suspended('2026-02-10', '2026-02-12')],
    });
    expect(suspendedDays(c)).toBe(1);
    expect(decisionDueDate(c)?.date).toBe('2026-04-03');
  });

  test('landing on Easter Monday moves to the Tuesday', () => {
    // Asked 10 Feb, supplemented Sunday 15 Feb: 11-14 Feb stood still (4 days). 2 April + 4 =
    // Monday 6 April 2026, Tweede Paasdag -> Tuesday 7 April.
    const c = clock({
      receivedOn: '2026-02-05',
      suspensions: [suspended('2026-02-10', '2026-02-15')],
    });
    expect(suspendedDays(c)).toBe(4);
    expect(decisionDueDate(c)).toEqual({
      date: '2026-04-07',
      explanation: {
        nl: '8 weken vanaf 5 februari 2026, klok 4 dagen stilgezet, verschoven voorbij Tweede Paasdag',
        en: '8 weeks from 5 February 2026, clock stopped 4 days, moved past Easter Monday',
      },
    });
  });

  test("across King's Day", () => {
    // Received Thursday 26 Feb 2026; 8 weeks: Thursday 23 April. Asked Monday 2 March,
    // supplemented Wednesday 4 March: 3 March stood still, so Friday 24 April. (Old count:
    // Saturday 25 April, past the weekend and King's Day, Monday 27 April, to Tuesday 28 April.)
    const c = clock({
      receivedOn: '2026-02-26',
      suspensions: [suspended('2026-03-02', '2026-03-04')],
    });
    expect(decisionDueDate(c)?.date).toBe('2026-04-24');
    // Supplemented Friday 6 March: 3-5 March stood still; 23 April + 3 = Sunday 26 April, then
    // King's Day on Monday 27 April -> Tuesday 28 April.
    const later = clock({
      receivedOn: '2026-02-26',
      suspensions: [suspended('2026-03-02', '2026-03-06')],
    });
    expect(decisionDueDate(later)).toEqual({
      date: '2026-04-28',
      explanation: {
        nl: '8 weken vanaf 26 februari 2026, klok 3 dagen stilgezet, verschoven voorbij het weekend en Koningsdag',
        en: "8 weeks from 26 February 2026, clock stopped 3 days, moved past the weekend and King's Day",
      },
    });
  });

  test('two suspensions add up, each without its supplement day', () => {
    // Received 3 March 2026. Asked 10 March, supplemented 13 March: 11, 12 March (2 days).
    // Asked 20 March, supplemented 25 March: 21-24 March (4 days). 28 April + 6 = Monday 4 May.
    const c = clock({
      suspensions: [suspended('2026-03-10', '2026-03-13'), suspended('2026-03-20', '2026-03-25')],
    });
    expect(suspendedDays(c)).toBe(6);
    expect(decisionDueDate(c)?.date).toBe('2026-05-04');
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
