import { type AnyStateMachine, assign, createMachine } from 'xstate';
import type { ApplicationContext } from '../core/engine.types';
import type {
  Ref,
  StateDefinition,
  TransitionConfig,
  WorkflowDefinition,
} from '../definition/definition.schema';
import { compilePayloadSchema, type PayloadValidator } from '../definition/payload-schema';
import { runAction } from '../vocabulary/actions';
import { delayMs } from '../vocabulary/delays';
import { runGuard } from '../vocabulary/guards';
import { emptyContext, type MachineEvent } from '../vocabulary/vocabulary.context';

export interface BuiltWorkflow {
  /** The XState machine of the definition; XState chooses transitions, guards and `always`. */
  machine: AnyStateMachine;
  payloadSchemas: Map<string, PayloadValidator>;
  /** Event types of the after-transitions, per state. */
  timerEvents: Map<string, string[]>;
}

const cache = new WeakMap<WorkflowDefinition, BuiltWorkflow>();

/** The payload schema of an event that declares none. */
export const NO_PAYLOAD = { type: 'object', properties: {}, additionalProperties: false };

export function toTransitionArray(
  value: string | TransitionConfig | TransitionConfig[] | undefined,
): TransitionConfig[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ target: value }];
  return Array.isArray(value) ? value : [value];
}

export function guardRefs(t: TransitionConfig): Ref[] {
  if (!t.guard) return [];
  return Array.isArray(t.guard) ? t.guard : [t.guard];
}

/** The event XState raises for an after-transition (`xstate.after.<delay>.<machine>.<state>`). */
export function timerEventType(def: WorkflowDefinition, state: string, delay: string): string {
  return `xstate.after.${delay}.${def.key}.${state}`;
}

/** Whether a transition merges the payload's data into the form (a supplement). */
export function mergesData(t: TransitionConfig): boolean {
  return (t.actions ?? []).some((a) => a.type === 'mergeData');
}

/**
 * The context a transition's guards judge: when it merges the payload's data (a supplement), the
 * rules see the form as it will be after the step, so changed fields cannot slip past them.
 */
export function guardContext(
  merges: boolean,
  context: ApplicationContext,
  event: MachineEvent,
): ApplicationContext {
  if (!merges) return context;
  const update = runAction('mergeData', undefined, undefined as never, context, event).update;
  return update?.data ? { ...context, data: update.data } : context;
}

// `always` transitions judge the state's own data: the event that led there is not theirs to merge.
function toXstateTransition(t: TransitionConfig, onEvent = true) {
  const refs = guardRefs(t);
  const merges = onEvent && mergesData(t);
  return {
    ...(t.target !== undefined ? { target: t.target } : {}),
    ...(t.reenter ? { reenter: true } : {}),
    ...(refs.length > 0 ? { guard: { type: 'all', params: { refs, merges } } } : {}),
    actions: batch(t.actions),
  };
}

// All vocabulary actions of one transition run as a single assign: XState clones the snapshot
// per action, which would dominate the cost of a step.
function batch(refs: Ref[] | undefined) {
  return refs && refs.length > 0 ? [{ type: 'run', params: { refs } }] : [];
}

function toXstateState(state: StateDefinition) {
  const mapTransitions = (record: Record<string, unknown> | undefined) =>
    record
      ? Object.fromEntries(
          Object.entries(record).map(([k, v]) => [
            k,
            toTransitionArray(v as TransitionConfig).map((t) => toXstateTransition(t)),
          ]),
        )
      : undefined;
  return {
    ...(state.type === 'final' ? { type: 'final' as const } : {}),
    // Tags stay in the definition (applicationView reads them there): XState would rebuild a Set
    // of them on every snapshot clone.
    ...(state.meta ? { meta: state.meta } : {}),
    entry: batch(state.entry),
    exit: batch(state.exit),
    on: mapTransitions(state.on),
    ...(state.always
      ? { always: toTransitionArray(state.always).map((t) => toXstateTransition(t, false)) }
      : {}),
    ...(state.after ? { after: mapTransitions(state.after) } : {}),
  };
}

/** What XState hands to guards, actions and delays; `xstate.init` carries ours in its input. */
type Args = {
  context: ApplicationContext;
  event: MachineEvent | { type: 'xstate.init'; input?: MachineInput };
};

/** The input of `initialTransition`: the application and the creating event (clock, actor). */
export interface MachineInput {
  context: ApplicationContext;
  event?: MachineEvent;
}

const NO_EVENT: MachineEvent = {
  type: 'xstate.init',
  payload: undefined,
  nowMs: 0,
  today: '1970-01-01',
  actorId: 'system',
  roles: ['system'],
  facts: undefined,
};

// Entry actions, `always` and `after` of the initial state see the event that created the
// application, so they know the clock and the actor like every later step.
function eventOf(event: Args['event']): MachineEvent {
  return event.type === 'xstate.init'
    ? ((event as { input?: MachineInput }).input?.event ?? NO_EVENT)
    : (event as MachineEvent);
}

function buildMachine(def: WorkflowDefinition): AnyStateMachine {
  const guards: Record<string, unknown> = {
    // A transition's guards all pass or it is not taken; XState evaluates them, in the order of
    // the definition, for events and for `always` transitions alike.
    all: ({ context, event }: Args, params: { refs: Ref[]; merges: boolean }) => {
      const e = eventOf(event);
      const ctx = guardContext(params.merges, context, e);
      return params.refs.every((r) => runGuard(r.type, r.params, def, ctx, e).ok);
    },
  };
  const actions: Record<string, unknown> = {
    run: assign(({ context, event }: Args, params: { refs: Ref[] }) => {
      // One fresh copy per transition; each action returns new nested objects, never mutates.
      const ctx: ApplicationContext = { ...context, effects: [...(context.effects ?? [])] };
      for (const ref of params.refs) {
        const outcome = runAction(ref.type, ref.params, def, ctx, eventOf(event));
        if (outcome.update) Object.assign(ctx, outcome.update);
        if (outcome.effects) ctx.effects!.push(...outcome.effects);
      }
      return ctx;
    }),
  };
  const delays: Record<string, unknown> = {};
  for (const name of Object.keys(def.delays)) {
    delays[name] = ({ context, event }: Args) => delayMs(name, def, context, eventOf(event));
  }
  const config = {
    id: def.key,
    initial: def.initial,
    // XState builds an initial snapshot without input when it makes an actor; give it one.
    context: ({ input }: { input?: MachineInput }) => input?.context ?? emptyContext({}),
    states: Object.fromEntries(
      Object.entries(def.states).map(([name, state]) => [name, toXstateState(state)]),
    ),
  };
  return createMachine(config as never, { guards, actions, delays } as never) as AnyStateMachine;
}

/** The machine and compiled schemas of a definition, built once per definition object. */
export function builtWorkflow(def: WorkflowDefinition): BuiltWorkflow {
  const hit = cache.get(def);
  if (hit) return hit;
  const payloadSchemas = new Map<string, PayloadValidator>();
  // An event without a payload schema takes none: an empty object, nothing else (no junk in
  // the history).
  for (const [type, event] of Object.entries(def.events)) {
    payloadSchemas.set(type, compilePayloadSchema(event.payload ?? NO_PAYLOAD).check);
  }
  const timerEvents = new Map<string, string[]>();
  for (const [name, state] of Object.entries(def.states)) {
    timerEvents.set(
      name,
      Object.keys(state.after ?? {}).map((delay) => timerEventType(def, name, delay)),
    );
  }
  const built = { machine: buildMachine(def), payloadSchemas, timerEvents };
  cache.set(def, built);
  return built;
}
