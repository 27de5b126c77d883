import type { z } from 'zod';
import type { ApplicationContext } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { addDays, amsterdamStartOfDay, isIsoDate } from '../legal-clock/calendar';
import { decisionDueOn, reportDueOn } from '../legal-clock/terms';
import type { MachineEvent } from './vocabulary.context';
import type { DelayKind, delayParams } from './vocabulary.params';

type Params<K extends DelayKind> = z.infer<(typeof delayParams)[K]>;
/** Returns the absolute due instant (ms since epoch) or undefined when it cannot be known yet. */
type DelayImpl<K extends DelayKind> = (
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
  params: Params<K>,
) => number | undefined;

const DAY_MS = 86_400_000;

export const delayImplementations: { [K in DelayKind]: DelayImpl<K> } = {
  // Fires at the start of day `due + offsetDays` (default 1: the day after the last day).
  decisionDue: (_def, ctx, event, params) => {
    const due = decisionDueOn(ctx.clock, event.today);
    if (!due) return undefined;
    return amsterdamStartOfDay(addDays(due, params.offsetDays ?? 1)).getTime();
  },
  supplementDue: (_def, ctx) => {
    const open = ctx.clock.suspensions.find((s) => s.endedOn === null);
    return open ? amsterdamStartOfDay(addDays(open.dueOn, 1)).getTime() : undefined;
  },
  reportDue: (def, ctx, event, params) => {
    const activity = ctx.data[def.form.activityDateField ?? 'activityDate'];
    if (!isIsoDate(activity)) return undefined;
    const weeks = event.facts?.regulation.reportDueWeeks ?? 12;
    const due = reportDueOn(activity, weeks);
    return amsterdamStartOfDay(addDays(due, params.offsetDays ?? 1)).getTime();
  },
  days: (_def, _ctx, event, params) => event.nowMs + params.days * DAY_MS,
};

// A timer whose moment cannot be known yet (no receipt date, no activity date) is parked far
// ahead rather than fired at once; it is rescheduled when its state is entered again.
const PARKED_MS = 100 * 365 * DAY_MS;

/** The instant (ms since epoch) the named delay of the definition is due, past or not. */
export function delayDueMs(
  name: string,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): number | undefined {
  const ref = def.delays[name];
  const impl = ref && (delayImplementations[ref.type as DelayKind] as DelayImpl<DelayKind>);
  return impl ? impl(def, ctx, event, (ref.params ?? {}) as never) : undefined;
}

/** Milliseconds from now until the named delay of the definition is due (never negative). */
export function delayMs(
  name: string,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): number {
  const due = delayDueMs(name, def, ctx, event);
  if (due === undefined) return PARKED_MS;
  return Math.max(0, due - event.nowMs);
}
