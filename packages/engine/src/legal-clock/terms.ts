import type { LegalClockState, LocalizedText } from '../core/engine.types';
import { addDays, addWeeks, diffDays, formatDate } from './calendar';
import { nextWorkingDay, type SkippedDay } from './holidays';

export interface Deadline {
  date: string;
  explanation: LocalizedText;
}

function weeks(n: number, locale: 'nl' | 'en'): string {
  if (locale === 'nl') return n === 1 ? '1 week' : `${n} weken`;
  return n === 1 ? '1 week' : `${n} weeks`;
}

function days(n: number, locale: 'nl' | 'en'): string {
  if (locale === 'nl') return n === 1 ? '1 dag' : `${n} dagen`;
  return n === 1 ? '1 day' : `${n} days`;
}

function join(items: string[], locale: 'nl' | 'en'): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** "verschoven voorbij het weekend en Tweede Pinksterdag" or undefined when nothing moved. */
function movedPast(skipped: SkippedDay[], locale: 'nl' | 'en'): string | undefined {
  if (skipped.length === 0) return undefined;
  const parts: string[] = [];
  const holidays = skipped.filter((s) => s.holiday);
  if (skipped.some((s) => !s.holiday)) parts.push(locale === 'nl' ? 'het weekend' : 'the weekend');
  for (const h of holidays) parts.push(h.holiday![locale]);
  return `${locale === 'nl' ? 'verschoven voorbij' : 'moved past'} ${join(parts, locale)}`;
}

function explain(base: string[], skipped: SkippedDay[], locale: 'nl' | 'en'): string {
  const moved = movedPast(skipped, locale);
  return (moved ? [...base, moved] : base).join(', ');
}

/** A term of whole weeks from `from`, ending on the same weekday, moved to a working day (Atw). */
export function weeksTerm(from: string, n: number): Deadline {
  const moved = nextWorkingDay(addWeeks(from, n));
  return {
    date: moved.date,
    explanation: {
      nl: explain([`${weeks(n, 'nl')} vanaf ${formatDate(from, 'nl')}`], moved.skipped, 'nl'),
      en: explain([`${weeks(n, 'en')} from ${formatDate(from, 'en')}`], moved.skipped, 'en'),
    },
  };
}

/** Just the date of `supplementDueDate`. */
export function supplementDueOn(requestedOn: string, periodDays: number): string {
  return nextWorkingDay(addDays(requestedOn, periodDays)).date;
}

/**
 * The last day to supplement: `periodDays` after the request, or after the day it was sent when
 * that was later (a letter posted days after the request), moved to a working day.
 */
export function supplementDueDate(
  requestedOn: string,
  periodDays: number,
  sentOn?: string,
): Deadline {
  const from = sentOn && sentOn > requestedOn ? sentOn : requestedOn;
  const moved = nextWorkingDay(addDays(from, periodDays));
  const since =
    from === requestedOn
      ? {
          nl: `vanaf het verzoek om aanvulling van ${formatDate(requestedOn, 'nl')}`,
          en: `from the request to supplement of ${formatDate(requestedOn, 'en')}`,
        }
      : {
          nl: `vanaf de verzending per post op ${formatDate(from, 'nl')} van het verzoek om aanvulling van ${formatDate(requestedOn, 'nl')}`,
          en: `from the posting on ${formatDate(from, 'en')} of the request to supplement of ${formatDate(requestedOn, 'en')}`,
        };
  return {
    date: moved.date,
    explanation: {
      nl: explain([`${days(periodDays, 'nl')} ${since.nl}`], moved.skipped, 'nl'),
      en: explain([`${days(periodDays, 'en')} ${since.en}`], moved.skipped, 'en'),
    },
  };
}

/**
 * Days the decision clock stood still (Awb 4:15): "met ingang van de dag na die waarop de aanvrager
 * wordt uitgenodigd de aanvraag aan te vullen, tot de dag waarop de aanvraag is aangevuld of de
 * daarvoor gestelde termijn ongebruikt is verstreken". `endedOn` is the day the clock runs again
 * (the day of the supplement, or the day after the last day of the period), and that day counts
 * again: a suspension covers the days strictly between `requestedOn` and `endedOn`. An open
 * suspension still stands still today, so it counts up to and including `today` (provisional).
 */
export function suspendedDays(clock: LegalClockState, today?: string): number {
  let total = 0;
  for (const s of clock.suspensions) {
    const runsAgainOn = s.endedOn ?? (today ? addDays(today, 1) : s.requestedOn);
    total += Math.max(0, diffDays(s.requestedOn, runsAgainOn) - 1);
  }
  return total;
}

/**
 * The decision due date (Awb 4:13): the term from the day of receipt, plus suspension (4:15),
 * plus one extension (4:14), ending on a working day (Atw). While suspended the open suspension
 * counts up to `today`, so the date is provisional.
 */
export function decisionDueDate(clock: LegalClockState, today?: string): Deadline | null {
  if (!clock.receivedOn) return null;
  const stopped = suspendedDays(clock, today);
  const extensionWeeks = clock.extension?.weeks ?? 0;
  const moved = nextWorkingDay(rawDecisionDue(clock, stopped));
  const parts = (locale: 'nl' | 'en') => {
    const out = [
      locale === 'nl'
        ? `${weeks(clock.termWeeks, 'nl')} vanaf ${formatDate(clock.receivedOn!, 'nl')}`
        : `${weeks(clock.termWeeks, 'en')} from ${formatDate(clock.receivedOn!, 'en')}`,
    ];
    if (stopped > 0) {
      out.push(
        locale === 'nl'
          ? `klok ${days(stopped, 'nl')} stilgezet`
          : `clock stopped ${days(stopped, 'en')}`,
      );
    }
    if (extensionWeeks > 0) {
      out.push(
        locale === 'nl'
          ? `${weeks(extensionWeeks, 'nl')} verdaagd`
          : `extended by ${weeks(extensionWeeks, 'en')}`,
      );
    }
    return out;
  };
  return {
    date: moved.date,
    explanation: {
      nl: explain(parts('nl'), moved.skipped, 'nl'),
      en: explain(parts('en'), moved.skipped, 'en'),
    },
  };
}

function rawDecisionDue(clock: LegalClockState, stopped: number): string {
  const extensionWeeks = clock.extension?.weeks ?? 0;
  return addDays(addWeeks(clock.receivedOn!, clock.termWeeks + extensionWeeks), stopped);
}

/** Just the date of `decisionDueDate`, without the explanation (cheap; used for timers). */
export function decisionDueOn(clock: LegalClockState, today?: string): string | null {
  if (!clock.receivedOn) return null;
  return nextWorkingDay(rawDecisionDue(clock, suspendedDays(clock, today))).date;
}

/** Last day for objection (Awb 6:7, 6:8): six weeks from the day after sending, on a working day. */
export function objectionDeadline(sentOn: string): Deadline {
  const moved = nextWorkingDay(addWeeks(sentOn, 6));
  const start = addDays(sentOn, 1);
  return {
    date: moved.date,
    explanation: {
      nl: explain(
        [
          `6 weken vanaf de dag na verzending (${formatDate(start, 'nl')}; verzonden ${formatDate(sentOn, 'nl')})`,
        ],
        moved.skipped,
        'nl',
      ),
      en: explain(
        [
          `6 weeks from the day after sending (${formatDate(start, 'en')}; sent ${formatDate(sentOn, 'en')})`,
        ],
        moved.skipped,
        'en',
      ),
    },
  };
}

/**
 * The last day to pay a sum a decision orders (a reclaim at settlement, *terugvordering*): six
 * weeks after the day the decision was made known (Awb 4:87; sent, or posted for a paper
 * letter, 3:41), counted as the objection period is, moved to the next working day when it ends
 * on a weekend or public holiday (Algemene termijnenwet art. 1). Paid is the day the money is on
 * the municipality's account (4:89).
 */
export function paymentDeadline(sentOn: string): Deadline {
  const moved = nextWorkingDay(addWeeks(sentOn, 6));
  return {
    date: moved.date,
    explanation: {
      nl: explain(
        [`6 weken na de bekendmaking van het besluit (verzonden ${formatDate(sentOn, 'nl')})`],
        moved.skipped,
        'nl',
      ),
      en: explain(
        [`6 weeks after the decision was made known (sent ${formatDate(sentOn, 'en')})`],
        moved.skipped,
        'en',
      ),
    },
  };
}

/** Just the date of `reportDueDate`. */
export function reportDueOn(activityDate: string, n: number): string {
  return nextWorkingDay(addWeeks(activityDate, n)).date;
}

/** The report is due `weeks` after the activity date, on a working day. */
export function reportDueDate(activityDate: string, n: number): Deadline {
  const moved = nextWorkingDay(addWeeks(activityDate, n));
  return {
    date: moved.date,
    explanation: {
      nl: explain(
        [`${weeks(n, 'nl')} na de activiteit op ${formatDate(activityDate, 'nl')}`],
        moved.skipped,
        'nl',
      ),
      en: explain(
        [`${weeks(n, 'en')} after the activity on ${formatDate(activityDate, 'en')}`],
        moved.skipped,
        'en',
      ),
    },
  };
}
