import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  assign,
  createActor,
  createMachine,
} from 'xstate';
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

export type ExecutableAction = { type: string; params?: unknown };

export interface BuiltWorkflow {
  machine: AnyStateMachine;
  /** XState's pure `transition()`, with the inert actor scope made once per machine. */
  transition(
    snapshot: AnyMachineSnapshot,
    event: MachineEvent,
  ): [AnyMachineSnapshot, ExecutableAction[]];
  /** `machine.resolveState({ value, context })`, from a snapshot of that state made once. */
  resolve(state: string, context: ApplicationContext): AnyMachineSnapshot;
  /** XState's pure `initialTransition()`, likewise. */
  initialTransition(context: ApplicationContext): [AnyMachineSnapshot, ExecutableAction[]];
  payloadSchemas: Map<string, PayloadValidator>;
  /** Event types of the after-transitions, per state. */
  timerEvents: Map<string, string[]>;
}

const cache = new WeakMap<WorkflowDefinition, BuiltWorkflow>();

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

function toXstateTransition(t: TransitionConfig) {
  const refs = guardRefs(t);
  return {
    ...(t.target !== undefined ? { target: t.target } : {}),
    ...(t.reenter ? { reenter: true } : {}),
    ...(refs.length > 0 ? { guard: { type: 'all', params: { refs, source: t } } } : {}),
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
            toTransitionArray(v as TransitionConfig).map(toXstateTransition),
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
    ...(state.always ? { always: toTransitionArray(state.always).map(toXstateTransition) } : {}),
    ...(state.after ? { after: mapTransitions(state.after) } : {}),
  };
}

type Args = { context: ApplicationContext; event: MachineEvent };

function buildMachine(def: WorkflowDefinition): AnyStateMachine {
  const guards: Record<string, unknown> = {
    // step() has already evaluated the guards (to explain a refusal) and names the transition
    // that passed, so XState does not evaluate them a second time.
    all: ({ context, event }: Args, params: { refs: Ref[]; source: TransitionConfig }) =>
      event.chosen !== undefined
        ? event.chosen === params.source
        : params.refs.every((r) => runGuard(r.type, r.params, def, context, event).ok),
  };
  const actions: Record<string, unknown> = {
    run: assign(({ context, event }: Args, params: { refs: Ref[] }) => {
      // One fresh copy per transition; each action returns new nested objects, never mutates.
      const ctx: ApplicationContext = { ...context, effects: [...(context.effects ?? [])] };
      for (const ref of params.refs) {
        const outcome = runAction(ref.type, ref.params, def, ctx, event);
        if (outcome.update) Object.assign(ctx, outcome.update);
        if (outcome.effects) ctx.effects!.push(...outcome.effects);
      }
      return ctx;
    }),
  };
  const delays: Record<string, unknown> = {};
  for (const name of Object.keys(def.delays)) {
    delays[name] = ({ context, event }: Args) => delayMs(name, def, context, event);
  }
  const config = {
    id: def.key,
    initial: def.initial,
    // XState builds an initial snapshot without input when it makes an actor scope; give it one.
    context: ({ input }: { input?: { context: ApplicationContext } }) =>
      input?.context ?? emptyContext({}),
    states: Object.fromEntries(
      Object.entries(def.states).map(([name, state]) => [name, toXstateState(state)]),
    ),
  };
  return createMachine(config as never, { guards, actions, delays } as never) as AnyStateMachine;
}

/**
 * `xstate.transition()` creates an actor (and so an initial snapshot) on every call, which costs
 * more than the step itself. This does what it does with one inert scope per machine: actions
 * are collected, never executed. The machines built here have no child actors, so nothing is
 * registered in the scope's system. Steps are synchronous, so sharing the sink is safe.
 */
function pureTransitions(machine: AnyStateMachine) {
  let sink: ExecutableAction[] = [];
  const self = createActor(machine);
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: ExecutableAction) => {
      sink.push(action);
    },
  };
  return {
    transition(
      snapshot: AnyMachineSnapshot,
      event: MachineEvent,
    ): [AnyMachineSnapshot, ExecutableAction[]] {
      const actions: ExecutableAction[] = [];
      sink = actions;
      const next = machine.transition(
        snapshot,
        event as never,
        scope as never,
      ) as AnyMachineSnapshot;
      return [next, actions];
    },
    initialTransition(context: ApplicationContext): [AnyMachineSnapshot, ExecutableAction[]] {
      const actions: ExecutableAction[] = [];
      sink = actions;
      const next = machine.getInitialSnapshot(scope as never, { context }) as AnyMachineSnapshot;
      return [next, actions];
    },
  };
}

/** The machine and compiled schemas of a definition, built once per definition object. */
export function builtWorkflow(def: WorkflowDefinition): BuiltWorkflow {
  const hit = cache.get(def);
  if (hit) return hit;
  const payloadSchemas = new Map<string, PayloadValidator>();
  for (const [type, event] of Object.entries(def.events)) {
    if (event.payload) payloadSchemas.set(type, compilePayloadSchema(event.payload).check);
  }
  const timerEvents = new Map<string, string[]>();
  for (const [name, state] of Object.entries(def.states)) {
    timerEvents.set(
      name,
      Object.keys(state.after ?? {}).map((delay) => timerEventType(def, name, delay)),
    );
  }
  const machine = buildMachine(def);
  const resolved = new Map<string, AnyMachineSnapshot>();
  const resolve = (state: string, context: ApplicationContext): AnyMachineSnapshot => {
    let base = resolved.get(state);
    if (!base) {
      base = machine.resolveState({
        value: state,
        context: emptyContext({}),
      }) as AnyMachineSnapshot;
      resolved.set(state, base);
    }
    // What XState's own cloneMachineSnapshot does, minus recomputing value and tags.
    return { ...base, context } as AnyMachineSnapshot;
  };
  const built = { machine, payloadSchemas, timerEvents, resolve, ...pureTransitions(machine) };
  cache.set(def, built);
  return built;
}
