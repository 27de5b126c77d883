import type {
  Actor,
  ApplicationContext,
  Effect,
  Facts,
  LocalizedText,
  PersistedSnapshot,
  StepResult,
} from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { formatDate, isIsoDate, toAmsterdamDate } from '../legal-clock/calendar';
import { supplementDueOn } from '../legal-clock/terms';
import { delayMs } from '../vocabulary/delays';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { timerEventType } from './machine';

/** The history event of a request to supplement that went out later than it was made. */
export const REQUEST_SENT_EVENT = 'shell.supplement_request_sent';

export interface RequestSentInput {
  /** The day the request was made: the step that opened the suspension. */
  requestedOn: string;
  /**
   * The moment that step was taken (its letter's issue time, ISO): of two requests made on one
   * day, only the one this letter asks moves.
   */
  requestedAt?: string;
  /** The day it is sent: the posting day of its paper letter. */
  sentOn: string;
  now: Date;
  actor: Actor;
  facts: Facts;
}

/**
 * A request to supplement that reaches the resident later than it was made: its paper letter
 * goes into the post days after the assessor asked. The period the letter gives (Awb 4:5) counts
 * from the day it is sent, so the resident keeps every day of it; the decision clock stands still
 * until the period's new last day (Awb 4:15). Answers the new snapshot with the supplement
 * period's timers moved, or undefined when nothing changes: the request was answered or
 * withdrawn already, the open request is another one, or it is sent on the day it was made.
 * Pure: the shell persists the result like a step's.
 */
export function supplementRequestSent(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  input: RequestSentInput,
): StepResult | undefined {
  if (!isIsoDate(input.requestedOn) || !isIsoDate(input.sentOn)) return undefined;
  const state = String(snapshot.value);
  const context = snapshot.context as ApplicationContext;
  const suspensions = context.clock?.suspensions ?? [];
  const index = suspensions.findIndex(
    (s) =>
      s.endedOn === null &&
      s.requestedOn === input.requestedOn &&
      // A suspension from before `requestedAt` was recorded is known by its day alone.
      (s.requestedAt === undefined ||
        input.requestedAt === undefined ||
        s.requestedAt === input.requestedAt),
  );
  if (snapshot.status !== 'active' || index < 0) return undefined;
  const open = suspensions[index]!;
  const dueOn = supplementDueOn(input.sentOn, open.periodDays);
  if (dueOn <= open.dueOn) return undefined;

  const moved = { ...open, sentOn: input.sentOn, dueOn };
  const ctx: ApplicationContext = {
    ...context,
    clock: { ...context.clock, suspensions: suspensions.map((s, i) => (i === index ? moved : s)) },
  };
  const event: MachineEvent = {
    type: REQUEST_SENT_EVENT,
    payload: undefined,
    nowMs: input.now.getTime(),
    today: toAmsterdamDate(input.now),
    actorId: input.actor.id,
    roles: input.actor.roles,
    facts: input.facts,
  };
  // The state's own supplement period goes off the day after the new last day.
  const effects: Effect[] = Object.keys(def.states[state]?.after ?? {})
    .filter((delay) => def.delays[delay]?.type === 'supplementDue')
    .map((delay) => {
      const key = timerEventType(def, state, delay);
      const dueAt = new Date(input.now.getTime() + delayMs(delay, def, ctx, event)).toISOString();
      return { type: 'timer.schedule', timerId: key, event: key, dueAt };
    });
  const { effects: _transient, ...persisted } = ctx;
  return {
    snapshot: { ...snapshot, context: persisted },
    state,
    history: {
      from: state,
      to: state,
      event: REQUEST_SENT_EVENT,
      actor: input.actor.id,
      roles: input.actor.roles,
      at: input.now.toISOString(),
      payload: {
        requestedOn: open.requestedOn,
        sentOn: input.sentOn,
        dueOn,
        text: sentText(moved),
      },
    },
    effects,
  };
}

function sentText(s: { sentOn: string; dueOn: string; periodDays: number }): LocalizedText {
  return {
    nl: `Het verzoek om aanvulling is op ${formatDate(s.sentOn, 'nl')} per post verstuurd. De termijn van ${s.periodDays} ${s.periodDays === 1 ? 'dag' : 'dagen'} loopt vanaf die dag: aanvullen kan tot en met ${formatDate(s.dueOn, 'nl')}.`,
    en: `The request to supplement was posted on ${formatDate(s.sentOn, 'en')}. The period of ${s.periodDays} ${s.periodDays === 1 ? 'day' : 'days'} runs from that day: the application can be supplemented up to and including ${formatDate(s.dueOn, 'en')}.`,
  };
}
