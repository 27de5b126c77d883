/**
 * A regulation takes applications up to and including its closing day. A draft started while it
 * was open can still be sitting there when it closes (saved on 30 December, sent in January):
 * the step that would receive it, the one that starts the decision term, is then refused. This
 * is the regulation's rule, not a workflow's, so it holds for every definition and every version
 * of one, those published before it too.
 */
import type { ApplicationContext, Issue, Suspension } from '../core/engine.types';
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { addDays, formatDate, isIsoDate } from '../legal-clock/calendar';
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

/** How far back the desk may date an application that came in by post. */
export const RECEIVED_ON_MAX_DAYS_BACK = 30;

/**
 * Why a day given as the day an application came in cannot be, or null: a real date, not after
 * today, and within the last RECEIVED_ON_MAX_DAYS_BACK days (post older than that is a typo).
 */
export function receivedOnIssue(receivedOn: string, today: string): Issue | null {
  const earliest = addDays(today, -RECEIVED_ON_MAX_DAYS_BACK);
  if (isIsoDate(receivedOn) && receivedOn <= today && receivedOn >= earliest) return null;
  return {
    path: 'receivedOn',
    message: `receivedOn must be a date from ${earliest} up to and including ${today}`,
    text: {
      nl: `Vul bij Datum van ontvangst een dag in van ${formatDate(earliest, 'nl')} tot en met vandaag.`,
      en: `For Date of receipt, enter a day from ${formatDate(earliest, 'en')} up to and including today.`,
    },
  };
}

/** A day of receipt given with a step that neither receives the application nor a supplement. */
export function notAReceipt(): Issue {
  return {
    path: 'receivedOn',
    message:
      'receivedOn belongs only to the step that receives the application or the supplement asked for',
    text: {
      nl: 'Een datum van ontvangst hoort alleen bij het indienen van de aanvraag of bij de gevraagde aanvulling.',
      en: 'A date of receipt belongs only with submitting the application or the additional information asked for.',
    },
  };
}

/**
 * Whether the step receives the supplement asked for: it ends a suspension of the decision term
 * that was running (Awb 4:15), so the term runs again from the day the supplement came in.
 */
export function resumes(before: ApplicationContext, after: ApplicationContext): Suspension | null {
  const open = before.clock.suspensions.findIndex((s) => s.endedOn === null);
  if (open < 0) return null;
  const ended = after.clock.suspensions[open];
  return ended && ended.endedOn !== null ? ended : null;
}

/**
 * Whether sending this event in this state would receive the supplement asked for: one of its
 * transitions, or the state it enters, resumes the decision term while it is suspended. The
 * desk's form then asks the day it came in.
 */
export function wouldResume(
  def: WorkflowDefinition,
  state: string,
  eventType: string,
  /** The decision term is suspended now (the application view's `clock.suspended`). */
  suspended: boolean,
): boolean {
  if (!suspended) return false;
  const here = def.states[state];
  const on = here?.on?.[eventType];
  const transitions = on === undefined ? [] : Array.isArray(on) ? on : [on];
  return transitions.some((t) => {
    const config = typeof t === 'string' ? { target: t } : t;
    const target = config.target === undefined ? here : def.states[config.target];
    // Withdrawing ends the suspension too, but nothing runs again: no day of receipt to give.
    if (!target || target.type === 'final') return false;
    const leaves = config.target !== undefined && config.target !== state;
    const actions = [
      ...('actions' in config ? (config.actions ?? []) : []),
      ...(leaves ? [...(here?.exit ?? []), ...(target.entry ?? [])] : []),
    ];
    return actions.some((a) => a.type === 'resumeClock');
  });
}

/** A supplement dated before it was asked for. */
export function suppliedBeforeRequest(requestedOn: string): Issue {
  return {
    path: 'receivedOn',
    message: `receivedOn must not be before the request for more information of ${requestedOn}`,
    text: {
      nl: `Vul bij Datum van ontvangst een dag in vanaf het verzoek om aanvulling van ${formatDate(requestedOn, 'nl')}.`,
      en: `For Date of receipt, enter a day on or after the request for more information of ${formatDate(requestedOn, 'en')}.`,
    },
  };
}
