import type { ApplicationContext, Effect } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { delayDueMs } from '../vocabulary/delays';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { toTransitionArray } from './machine';

const TIMER_PREFIX = 'xstate.after.';

/**
 * Leaves out reminders that are overtaken before they are sent. A state entered late (a case
 * assessed after its decision term ran out) schedules all its timers at once: a "the term ends
 * in a week" notice would go out beside, and after, "the term has ended". Of the reminders of one
 * state that are already due when it is entered (timers whose transitions only act and change
 * no state), only the one due last is kept. Timers that move the application are never touched:
 * which of those fires first is the workflow's rule.
 */
export function withoutOvertakenReminders(
  def: WorkflowDefinition,
  effects: Effect[],
  ctx: ApplicationContext,
  event: MachineEvent,
): Effect[] {
  const due = new Map<string, { timerId: string; at: number }[]>();
  for (const e of effects) {
    if (e.type !== 'timer.schedule' || Date.parse(e.dueAt) > event.nowMs) continue;
    const reminder = reminderOf(def, e.timerId);
    if (!reminder) continue;
    const at = delayDueMs(reminder.delay, def, ctx, event);
    if (at === undefined) continue;
    const list = due.get(reminder.state) ?? [];
    list.push({ timerId: e.timerId, at });
    due.set(reminder.state, list);
  }
  const overtaken = new Set<string>();
  for (const list of due.values()) {
    if (list.length < 2) continue;
    const last = list.reduce((a, b) => (b.at >= a.at ? b : a));
    for (const r of list) if (r !== last) overtaken.add(r.timerId);
  }
  if (overtaken.size === 0) return effects;
  return effects.filter((e) => !(e.type === 'timer.schedule' && overtaken.has(e.timerId)));
}

/** The delay and state of a timer id (`xstate.after.<delay>.<key>.<state>`) that only acts. */
function reminderOf(
  def: WorkflowDefinition,
  timerId: string,
): { delay: string; state: string } | undefined {
  if (!timerId.startsWith(TIMER_PREFIX)) return undefined;
  const [delay, ...rest] = timerId.slice(TIMER_PREFIX.length).split('.');
  const prefix = `${def.key}.`;
  const tail = rest.join('.');
  if (!delay || !tail.startsWith(prefix)) return undefined;
  const state = tail.slice(prefix.length);
  const after = def.states[state]?.after;
  if (!after || !Object.hasOwn(after, delay)) return undefined;
  const transitions = toTransitionArray(after[delay]!);
  return transitions.every((t) => t.target === undefined) ? { delay, state } : undefined;
}
