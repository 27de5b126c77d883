/**
 * A regulation takes applications up to and including its closing day. A draft started while it
 * was open can still be sitting there when it closes (saved on 30 December, sent in January):
 * the step that would receive it, the one that starts the decision term, is then refused. This
 * is the regulation's rule, not a workflow's, so it holds for every definition and every version
 * of one, those published before it too.
 */
import type { ApplicationContext, Issue } from '../core/engine.types';
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { formatDate } from '../legal-clock/calendar';
import type { Deadline } from '../legal-clock/terms';

/** The refusal's name, as a guard's would be: the problem's `guard` and the issue's path. */
export const RECEIPT_WINDOW = 'regulationOpen';

/** Why an application cannot be received today, or null when it can (or there is no last day). */
export function receiptClosedIssue(closesOn: string | undefined, today: string): Issue | null {
  if (!closesOn || today <= closesOn) return null;
  return {
    path: 'regulation',
    message: `the regulation took applications up to and including ${closesOn}`,
    text: {
      nl:
        `Deze regeling nam aanvragen aan tot en met ${formatDate(closesOn, 'nl')}. ` +
        'Deze aanvraag kan niet meer worden ingediend.',
      en:
        `This grant scheme took applications up to and including ${formatDate(closesOn, 'en')}. ` +
        'This application can no longer be submitted.',
    },
  };
}

/** Whether the step receives the application: it starts the decision term for the first time. */
export function receives(before: ApplicationContext, after: ApplicationContext): boolean {
  return before.clock.receivedOn === null && after.clock.receivedOn !== null;
}

/**
 * Whether taking the transition would receive the application: it, or the state it enters,
 * starts the clock while none runs. For the list of events a person may send now; the step
 * itself compares the contexts before and after.
 */
export function wouldReceive(
  def: WorkflowDefinition,
  t: TransitionConfig,
  context: ApplicationContext,
): boolean {
  if (context.clock.receivedOn !== null) return false;
  const target = typeof t.target === 'string' ? def.states[t.target] : undefined;
  const actions = [...(t.actions ?? []), ...(target?.entry ?? [])];
  return actions.some((a) => a.type === 'startClock');
}

/** The last day a draft can be sent, as the application's deadlines list it; null: no end. */
export function submissionDeadline(closesOn: string | undefined): Deadline | null {
  if (!closesOn) return null;
  return {
    date: closesOn,
    explanation: {
      nl: 'De regeling neemt aanvragen aan tot en met deze dag. Daarna kan deze aanvraag niet meer worden verstuurd.',
      en: 'The grant scheme takes applications up to and including this day. After it, this application can no longer be sent.',
    },
  };
}
