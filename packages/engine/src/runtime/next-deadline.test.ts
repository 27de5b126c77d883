import { describe, expect, test } from 'vitest';
import { deadlineSchedule, nextDeadline } from './next-deadline';

const d = (key: string, date: string) => ({ key, date, explanation: { nl: key, en: key } });
const view = (deadlines: ReturnType<typeof d>[], suspended = false) => ({
  deadlines,
  clock: { suspended } as never,
});

describe('nextDeadline', () => {
  test('the earliest still to come, else the one that passed last, else none', () => {
    const all = [d('report', '2026-08-03'), d('objection', '2026-04-13')];
    expect(nextDeadline(all, '2026-03-02')).toMatchObject({ key: 'objection', daysLeft: 42 });
    expect(nextDeadline(all, '2026-04-13')).toMatchObject({ key: 'objection', daysLeft: 0 });
    expect(nextDeadline(all, '2026-04-14')).toMatchObject({ key: 'report' });
    expect(nextDeadline(all, '2026-08-10')).toMatchObject({ key: 'report', daysLeft: -7 });
    expect(nextDeadline([], '2026-03-02')).toBeNull();
  });
});

describe('deadlineSchedule', () => {
  test('a later deadline takes over the day after the earlier one', () => {
    const granted = view([d('objection', '2026-04-13'), d('report', '2026-08-03')]);
    expect(deadlineSchedule(granted, '2026-03-02')).toEqual({
      nextOn: '2026-04-13',
      recomputeOn: '2026-04-14',
    });
    expect(deadlineSchedule(granted, '2026-04-14')).toEqual({
      nextOn: '2026-08-03',
      recomputeOn: null,
    });
    // All passed: the last one stays, and nothing but a step changes that.
    expect(deadlineSchedule(granted, '2026-09-01')).toEqual({
      nextOn: '2026-08-03',
      recomputeOn: null,
    });
  });

  test('a single deadline holds until a step', () => {
    expect(deadlineSchedule(view([d('decision', '2026-04-28')]), '2026-03-02')).toEqual({
      nextOn: '2026-04-28',
      recomputeOn: null,
    });
    expect(deadlineSchedule(view([]), '2026-03-02')).toEqual({ nextOn: null, recomputeOn: null });
  });

  test('while suspended, the moving decision date is worked out again every day', () => {
    const suspended = view([d('supplement', '2026-03-16'), d('decision', '2026-05-12')], true);
    // The supplement's date comes first and does not move.
    expect(deadlineSchedule(suspended, '2026-03-02')).toEqual({
      nextOn: '2026-03-16',
      recomputeOn: '2026-03-17',
    });
    // Once it passed, the decision's date is next, and it moves with every day.
    expect(deadlineSchedule(suspended, '2026-03-20')).toEqual({
      nextOn: '2026-05-12',
      recomputeOn: '2026-03-21',
    });
  });
});
