import type { Actor, LocalizedText, PersistedSnapshot, StepResult } from '../core/engine.types';
import { formatDate, isIsoDate } from '../legal-clock/calendar';
import { objectionDeadline } from '../legal-clock/terms';

/** The history event of a decision whose paper letter went out later than it was made. */
export const DECISION_SENT_EVENT = 'shell.decision_letter_sent';

export interface DecisionSentInput {
  /** The day the decision was made: the day its letter was issued. */
  decidedOn: string;
  /** The day it is sent: the posting day of its paper letter. */
  sentOn: string;
  now: Date;
  actor: Actor;
}

/** The day a decision went out: its posting day when it went by post later, else its own. */
export function decisionSentOn(decision: Record<string, unknown>): string | undefined {
  const made = decision.sentOn;
  if (typeof made !== 'string') return undefined;
  const posted = decision.postedOn;
  return typeof posted === 'string' && posted > made ? posted : made;
}

/**
 * A decision that reaches the resident later than it was made: its paper letter goes into the
 * post days after the approver decided. It takes effect when it is sent (Awb 3:40, 3:41) and the
 * objection period runs from the day after (6:8), so the application records the posting day and
 * every page, list and reminder counts from it. Answers the new snapshot, or undefined when
 * nothing changes: the letter belongs to an earlier decision than the application's last one, or
 * it goes out on the day it was made (or on a day already recorded). Pure: the shell persists the
 * result like a step's; no state changes and no timer moves.
 */
export function decisionLetterSent(
  snapshot: PersistedSnapshot,
  input: DecisionSentInput,
): StepResult | undefined {
  if (!isIsoDate(input.decidedOn) || !isIsoDate(input.sentOn)) return undefined;
  const context = snapshot.context;
  const decision = context.decision ?? {};
  if (decision.sentOn !== input.decidedOn) return undefined;
  const before = decisionSentOn(decision);
  if (before === undefined || input.sentOn <= before) return undefined;
  const state = String(snapshot.value);
  const objection = objectionDeadline(input.sentOn).date;
  return {
    snapshot: {
      ...snapshot,
      context: { ...context, decision: { ...decision, postedOn: input.sentOn } },
    },
    state,
    history: {
      from: state,
      to: state,
      event: DECISION_SENT_EVENT,
      actor: input.actor.id,
      roles: input.actor.roles,
      at: input.now.toISOString(),
      payload: {
        decidedOn: input.decidedOn,
        sentOn: input.sentOn,
        objectionDeadline: objection,
        text: sentText(input.sentOn, objection),
      },
    },
    effects: [],
  };
}

function sentText(sentOn: string, objection: string): LocalizedText {
  return {
    nl: `Het besluit is op ${formatDate(sentOn, 'nl')} per post verstuurd. Bezwaar maken kan tot en met ${formatDate(objection, 'nl')}.`,
    en: `The decision was posted on ${formatDate(sentOn, 'en')}. An objection can be made up to and including ${formatDate(objection, 'en')}.`,
  };
}
