import { toAmsterdamDate } from '@initiatief/engine';

/** Today's calendar date in Amsterdam, as YYYY-MM-DD. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return toAmsterdamDate(now);
}

/** Whether a calendar date (YYYY-MM-DD) is still to come; anything else is not. */
export function isStillAhead(date: unknown, today: string = todayInAmsterdam()): boolean {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > today;
}
