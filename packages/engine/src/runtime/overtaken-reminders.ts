import type { ApplicationContext, Effect } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { delayDueMs } from '../vocabulary/delays';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { toTransitionArray } from './machine';

const TIMER_PREFIX = 'xstate.after.';

/** A timer of a state the application is in after a step or a migration. */
export interface TimerOfState {
  timerId: string;
  /** The delay of the state's after-transition it fires. */
  delay: string;
  /** When it goes off (ms since epoch), as it will be pending; or went off, when it already did. */
  dueMs: number;
}

/**
 * Whether the after-transition `delay` of `state` only sends notices: no target, no re-entry, no
 * action but `sendNotice`. Only such a timer (a reminder mail) may be left out; a timer that
 * moves the application, or changes anything in it (the clock, a letter, the budget), never is.
 */
export function isNoticeOnly(def: WorkflowDefinition, state: string, delay: string): boolean {
  const after = def.states[state]?.after;
  if (!after || !Object.hasOwn(after, delay)) return false;
  return toTransitionArray(after[delay]!).every(
    (t) =>
      t.target === undefined &&
      t.reenter !== true &&
      (t.actions ?? []).every((a) => a.type === 'sendNotice'),
  );
}

/**
 * Whether the after-transition `delay` of `state` acts where the application is: no target and
 * no re-entry, so going off does not end the stay in the state (a reminder, or a letter or a note
 * in place). Such a timer goes off once per stay: a migration never schedules it again after it
 * went off. A timer that moves the application ends the stay when it goes off.
 */
export function actsInPlace(def: WorkflowDefinition, state: string, delay: string): boolean {
  const after = def.states[state]?.after;
  if (!after || !Object.hasOwn(after, delay)) return false;
  return toTransitionArray(after[delay]!).every(
    (t) => t.target === undefined && t.reenter !== true,
  );
}

/**
 * The rule itself, for the timers of one state: of its notice-only timers that are already due
 * (`dueMs` not after the event's moment), all but the one its rule makes due last. Which is last
 * is judged by the definition's rule for every timer alike, whatever date a timer kept from before
 * carries, so a decision-overdue notice always outlasts the warning that the term ends soon.
 * Timers whose moment the rule cannot know yet are left alone. Returns each overtaken timer with
 * the one kept in its place.
 */
export function overtakenOfState(
  def: WorkflowDefinition,
  state: string,
  timers: TimerOfState[],
  ctx: ApplicationContext,
  event: MachineEvent,
): Map<string, string> {
  const due: { timerId: string; at: number }[] = [];
  for (const t of timers) {
    if (t.dueMs > event.nowMs || !isNoticeOnly(def, state, t.delay)) continue;
    const at = delayDueMs(t.delay, def, ctx, event);
    if (at !== undefined) due.push({ timerId: t.timerId, at });
  }
  const overtaken = new Map<string, string>();
  if (due.length < 2) return overtaken;
  const last = due.reduce((a, b) => (b.at >= a.at ? b : a));
  for (const r of due) if (r !== last) overtaken.set(r.timerId, last.timerId);
  return overtaken;
}

/**
 * Leaves out reminders that are overtaken before they are sent. A state entered late (a case
 * assessed after its decision term ran out) schedules all its timers at once: a "the term ends
 * in a week" notice would go out beside, and after, "the term has ended". Of the reminders of one
 * state that are already due when it is entered (timers whose transitions only send notices),
 * only the one due last is kept. Timers that move or change the application are never touched:
 * which of those fires first is the workflow's rule. A migration applies the same rule
 * (`overtakenOfState`) to the timers of the state it moves the application to.
 */
export function withoutOvertakenReminders(
  def: WorkflowDefinition,
  effects: Effect[],
  ctx: ApplicationContext,
  event: MachineEvent,
): Effect[] {
  const perState = new Map<string, TimerOfState[]>();
  for (const e of effects) {
    if (e.type !== 'timer.schedule') continue;
    const of = timerOf(def, e.timerId);
    if (!of) continue;
    const list = perState.get(of.state) ?? [];
    list.push({ timerId: e.timerId, delay: of.delay, dueMs: Date.parse(e.dueAt) });
    perState.set(of.state, list);
  }
  const overtaken = new Set<string>();
  for (const [state, list] of perState) {
    for (const id of overtakenOfState(def, state, list, ctx, event).keys()) overtaken.add(id);
  }
  if (overtaken.size === 0) return effects;
  return effects.filter((e) => !(e.type === 'timer.schedule' && overtaken.has(e.timerId)));
}

/** The delay and state of a timer id (`xstate.after.<delay>.<key>.<state>`) of the definition. */
function timerOf(
  def: WorkflowDefinition,
  timerId: string,
): { delay: string; state: string } | undefined {
  if (!timerId.startsWith(TIMER_PREFIX)) return undefined;
  const [delay, ...rest] = timerId.slice(TIMER_PREFIX.length).split('.');
  const prefix = `${def.key}.`;
  const tail = rest.join('.');
  if (!delay || !tail.startsWith(prefix)) return undefined;
  return { delay, state: tail.slice(prefix.length) };
}
