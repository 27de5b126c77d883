/**
 * Which of an application's deadlines comes next, as its lists show and sort it. The lists of
 * a million applications sort by a stored date, so this also says until when the stored date
 * holds: time alone makes a later deadline the next one once the earlier passes.
 */
import { addDays, diffDays } from '../legal-clock/calendar';
import type { ApplicationView } from './application-view';

type ViewDeadline = ApplicationView['deadlines'][number];

/** A deadline with the calendar days from today to it; negative: passed. */
export interface NextDeadline extends ViewDeadline {
  daysLeft: number;
}

/**
 * The deadline that comes next: the earliest one still to come (today included), else the one
 * that passed last; null when the application has none.
 */
export function nextDeadline(deadlines: ViewDeadline[], today: string): NextDeadline | null {
  const byDate = [...deadlines].sort((a, b) => a.date.localeCompare(b.date));
  const next = byDate.find((d) => d.date >= today) ?? byDate.at(-1);
  if (!next) return null;
  return {
    key: next.key,
    date: next.date,
    explanation: next.explanation,
    daysLeft: diffDays(today, next.date),
  };
}

/** What a list sorts by, and the first day on which it must be worked out again. */
export interface DeadlineSchedule {
  /** The next deadline's date as of today (nextDeadline); null: none. */
  nextOn: string | null;
  /**
   * The first day on which `nextOn` may be wrong without a step: the day after it when a later
   * deadline follows it, tomorrow while the decision term stands still and its date moves with
   * every day; null when only a step can change it.
   */
  recomputeOn: string | null;
}

export function deadlineSchedule(
  view: Pick<ApplicationView, 'deadlines' | 'clock'>,
  today: string,
): DeadlineSchedule {
  const next = nextDeadline(view.deadlines, today);
  if (!next) return { nextOn: null, recomputeOn: null };
  // A suspended decision term's date is today's plus what is left of it: it moves every day.
  if (view.clock.suspended && next.key === 'decision') {
    return { nextOn: next.date, recomputeOn: addDays(today, 1) };
  }
  const later = view.deadlines.some((d) => d.date > next.date);
  return { nextOn: next.date, recomputeOn: later ? addDays(next.date, 1) : null };
}
