import type { LocalizedText } from '../core/engine.types';
import { addDays, diffDays, formatDate, formatMoney } from './calendar';
import { nextWorkingDay } from './holidays';

/**
 * The penalty for a late decision (dwangsom bij niet tijdig beslissen, Awb 4:17 and 4:18), as a
 * pure reading of four dates. The law's figures are fixed, not a regulation's choice:
 * € 23 a day for the first 14 days, € 35 for the next 14, € 45 for the rest, 42 days at most
 * (€ 1.442,00). The 42 days are calendar days (4:17 lid 1 leaves the Algemene termijnenwet out).
 */
export const PENALTY_TIERS = [
  { days: 14, centsPerDay: 2300 },
  { days: 14, centsPerDay: 3500 },
  { days: 14, centsPerDay: 4500 },
] as const;
export const PENALTY_MAX_DAYS = 42;
export const PENALTY_MAX_CENTS = PENALTY_TIERS.reduce((s, t) => s + t.days * t.centsPerDay, 0);
/**
 * Two weeks: the wait after the notice (4:17 lid 3), and the time to set the amount by decision
 * after the last day owed (4:18).
 */
const TWO_WEEKS = 14;

export interface PenaltyInput {
  /** The last day of the decision term (decisionDueOn: suspension and extension counted in). */
  dueOn: string;
  /** The day the municipality received the applicant's written notice of default. */
  noticeOn: string;
  /** The day the decision was made known (sent or handed over); null while there is none. */
  decidedOn: string | null;
  /** Today in Amsterdam. */
  today: string;
}

export type LatePenalty =
  /** Received on or before the term's last day: a notice then has no effect (4:17 lid 3). */
  | { kind: 'premature'; explanation: LocalizedText }
  | {
      kind: 'running' | 'ended';
      /** The first day the penalty is owed for, if the decision has not come by then. */
      firstDay: string;
      /** Days owed so far (running) or in all (ended), at most 42. */
      days: number;
      cents: number;
      /** The last day owed for; null while none is owed yet. */
      lastDay: string | null;
      /** Ended with days owed: the day by which the amount must be set (4:18). */
      settleBy: string | null;
      explanation: LocalizedText;
    };

/** What the days cost, tier by tier. */
export function penaltyCents(days: number): number {
  let left = Math.max(0, Math.min(days, PENALTY_MAX_DAYS));
  let cents = 0;
  for (const tier of PENALTY_TIERS) {
    const n = Math.min(left, tier.days);
    cents += n * tier.centsPerDay;
    left -= n;
  }
  return cents;
}

/**
 * The penalty a notice of default makes owed. The first day owed is the day two weeks after the
 * notice came in (after the term had run out), moved to a working day when the two weeks end on
 * a weekend or public holiday: until the end of that day the municipality can still decide
 * without owing anything. Each day from it until the day the decision is made known counts, up
 * to 42. While no decision has come, today counts too.
 */
export function latePenalty(input: PenaltyInput): LatePenalty {
  const { dueOn, noticeOn, decidedOn, today } = input;
  if (noticeOn <= dueOn) {
    return {
      kind: 'premature',
      explanation: {
        nl: `De ingebrekestelling kwam binnen op ${formatDate(noticeOn, 'nl')}, voordat de beslistermijn op ${formatDate(dueOn, 'nl')} was verstreken. Zo'n ingebrekestelling telt niet; de aanvrager kan na die datum opnieuw een ingebrekestelling sturen.`,
        en: `The notice of default came in on ${formatDate(noticeOn, 'en')}, before the decision term ended on ${formatDate(dueOn, 'en')}. Such a notice does not count; the applicant can send a new one after that date.`,
      },
    };
  }
  const firstDay = nextWorkingDay(addDays(noticeOn, TWO_WEEKS)).date;
  const until = decidedOn ?? addDays(today, 1);
  const days = Math.max(0, Math.min(PENALTY_MAX_DAYS, diffDays(firstDay, until)));
  const cents = penaltyCents(days);
  const lastDay = days > 0 ? addDays(firstDay, days - 1) : null;
  const ended = decidedOn !== null || days === PENALTY_MAX_DAYS;
  const settleBy = ended && lastDay ? nextWorkingDay(addDays(lastDay, TWO_WEEKS)).date : null;
  const both = (nl: string, en: string) => ({ nl, en });
  const money = { nl: formatMoney(cents, 'nl'), en: formatMoney(cents, 'en') };
  const first = { nl: formatDate(firstDay, 'nl'), en: formatDate(firstDay, 'en') };
  let explanation: LocalizedText;
  if (days === 0) {
    explanation = decidedOn
      ? both(
          'Het besluit kwam op tijd: er is geen dwangsom verschuldigd.',
          'The decision came in time: no penalty is owed.',
        )
      : both(
          `Komt het besluit niet uiterlijk op ${first.nl}, dan is vanaf die dag een dwangsom verschuldigd.`,
          `If the decision has not come by ${first.en}, a penalty is owed from that day.`,
        );
  } else if (!ended) {
    explanation = both(
      `Dwangsom verschuldigd sinds ${first.nl}: nu ${days} ${days === 1 ? 'dag' : 'dagen'}, ${money.nl}. Dat loopt op tot het besluit er is, hoogstens ${PENALTY_MAX_DAYS} dagen.`,
      `Penalty owed since ${first.en}: ${days} ${days === 1 ? 'day' : 'days'} now, ${money.en}. It grows until the decision is made, for ${PENALTY_MAX_DAYS} days at most.`,
    );
  } else {
    const by = { nl: formatDate(settleBy!, 'nl'), en: formatDate(settleBy!, 'en') };
    explanation = both(
      `Dwangsom verschuldigd over ${days} ${days === 1 ? 'dag' : 'dagen'}: ${money.nl}. Stel de dwangsom uiterlijk op ${by.nl} vast bij besluit (artikel 4:18 Awb).`,
      `Penalty owed for ${days} ${days === 1 ? 'day' : 'days'}: ${money.en}. Set it by decision no later than ${by.en} (article 4:18 Awb).`,
    );
  }
  return {
    kind: ended ? 'ended' : 'running',
    firstDay,
    days,
    cents,
    lastDay,
    settleBy,
    explanation,
  };
}
