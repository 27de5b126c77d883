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
  /** The day the amount was set by decision (4:18); absent or null while it is not. */
  setOn?: string | null;
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
      /** The day the amount was set by decision; null while it is not. */
      setOn: string | null;
      /** The figures in words for staff. */
      explanation: LocalizedText;
      /** The same in words for the applicant, who is owed the penalty. */
      forApplicant: LocalizedText;
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
  const setOn = ended && days > 0 ? (input.setOn ?? null) : null;
  const words = penaltyWords({
    firstDay,
    days,
    cents,
    settleBy,
    setOn,
    decided: decidedOn !== null,
  });
  return {
    kind: ended ? 'ended' : 'running',
    firstDay,
    days,
    cents,
    lastDay,
    settleBy,
    setOn,
    ...words,
  };
}

const both = (nl: string, en: string) => ({ nl, en });
const dayWord = (n: number, locale: 'nl' | 'en') =>
  locale === 'nl' ? (n === 1 ? 'dag' : 'dagen') : n === 1 ? 'day' : 'days';

/** The same figures in words for staff (`explanation`) and for the applicant (`forApplicant`). */
function penaltyWords(p: {
  firstDay: string;
  days: number;
  cents: number;
  settleBy: string | null;
  setOn: string | null;
  decided: boolean;
}): { explanation: LocalizedText; forApplicant: LocalizedText } {
  const { days } = p;
  const money = { nl: formatMoney(p.cents, 'nl'), en: formatMoney(p.cents, 'en') };
  const max = {
    nl: formatMoney(PENALTY_MAX_CENTS, 'nl'),
    en: formatMoney(PENALTY_MAX_CENTS, 'en'),
  };
  const first = { nl: formatDate(p.firstDay, 'nl'), en: formatDate(p.firstDay, 'en') };
  if (days === 0 && p.decided) {
    return {
      explanation: both(
        'Het besluit kwam op tijd: er is geen dwangsom verschuldigd.',
        'The decision came in time: no penalty is owed.',
      ),
      forApplicant: both(
        'Ons besluit kwam binnen twee weken na uw ingebrekestelling. Er is daarom geen dwangsom verschuldigd.',
        'Our decision came within two weeks of your notice of default, so no penalty is owed.',
      ),
    };
  }
  if (days === 0) {
    return {
      explanation: both(
        `Komt het besluit niet uiterlijk op ${first.nl}, dan is vanaf die dag een dwangsom verschuldigd.`,
        `If the decision has not come by ${first.en}, a penalty is owed from that day.`,
      ),
      forApplicant: both(
        `Wij hebben uw ingebrekestelling ontvangen. Hebben wij uiterlijk op ${first.nl} nog niet besloten, dan betalen wij u vanaf die dag een dwangsom voor elke dag dat het besluit uitblijft.`,
        `We have received your notice of default. If we have not decided by ${first.en}, we will pay you a penalty for each day from then until the decision.`,
      ),
    };
  }
  if (!p.settleBy) {
    return {
      explanation: both(
        `Dwangsom verschuldigd sinds ${first.nl}: nu ${days} ${dayWord(days, 'nl')}, ${money.nl}. Dat loopt op tot het besluit er is, hoogstens ${PENALTY_MAX_DAYS} dagen.`,
        `Penalty owed since ${first.en}: ${days} ${dayWord(days, 'en')} now, ${money.en}. It grows until the decision is made, for ${PENALTY_MAX_DAYS} days at most.`,
      ),
      forApplicant: both(
        `Wij hebben nog niet besloten. Sinds ${first.nl} bent u een dwangsom van ons tegoed: nu ${money.nl} over ${days} ${dayWord(days, 'nl')}. Het bedrag loopt op tot ons besluit er is, tot hoogstens ${max.nl}.`,
        `We have not decided yet. Since ${first.en} we owe you a penalty: ${money.en} for ${days} ${dayWord(days, 'en')} now. It grows until our decision, to ${max.en} at most.`,
      ),
    };
  }
  if (p.setOn) {
    const on = { nl: formatDate(p.setOn, 'nl'), en: formatDate(p.setOn, 'en') };
    return {
      explanation: both(
        `Dwangsom van ${money.nl} over ${days} ${dayWord(days, 'nl')}, vastgesteld bij besluit op ${on.nl}.`,
        `Penalty of ${money.en} for ${days} ${dayWord(days, 'en')}, set by decision on ${on.en}.`,
      ),
      forApplicant: both(
        `Wij hebben te laat besloten. Op ${on.nl} hebben wij de dwangsom die u van ons krijgt vastgesteld: ${money.nl} over ${days} ${dayWord(days, 'nl')}.`,
        `We decided late. On ${on.en} we set the penalty we owe you: ${money.en} for ${days} ${dayWord(days, 'en')}.`,
      ),
    };
  }
  const by = { nl: formatDate(p.settleBy, 'nl'), en: formatDate(p.settleBy, 'en') };
  return {
    explanation: both(
      `Dwangsom verschuldigd over ${days} ${dayWord(days, 'nl')}: ${money.nl}. Stel de dwangsom uiterlijk op ${by.nl} vast bij besluit (artikel 4:18 Awb).`,
      `Penalty owed for ${days} ${dayWord(days, 'en')}: ${money.en}. Set it by decision no later than ${by.en} (article 4:18 Awb).`,
    ),
    forApplicant: p.decided
      ? both(
          `Wij hebben te laat besloten. U krijgt van ons een dwangsom van ${money.nl} over ${days} ${dayWord(days, 'nl')}. Wij leggen dat bedrag uiterlijk op ${by.nl} vast in een besluit.`,
          `We decided late. We owe you a penalty of ${money.en} for ${days} ${dayWord(days, 'en')}. We will set that amount in a decision no later than ${by.en}.`,
        )
      : both(
          `Wij hebben nog niet besloten. De dwangsom heeft het hoogste bedrag bereikt: ${money.nl}. Wij leggen dat bedrag uiterlijk op ${by.nl} vast in een besluit.`,
          `We have not decided yet. The penalty has reached its highest amount: ${money.en}. We will set that amount in a decision no later than ${by.en}.`,
        ),
  };
}
