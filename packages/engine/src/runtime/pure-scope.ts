import {
  type AnyActorRef,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
} from 'xstate';

/**
 * XState's pure functions (`getMicrosteps`, `initialTransition`) build a new inert actor on every
 * call, and an actor's constructor computes the machine's whole initial snapshot: about a fifth
 * of a step, thrown away (docs/benchmarks.md). The machine's own public methods take the actor
 * scope as an argument instead, so one actor per built machine serves every call.
 *
 * Sharing it is safe because the engine never executes an action: the scope only collects them
 * (delayed raises and cancels become timer effects), no definition invokes or spawns an actor,
 * and nothing inspects the system. Each call gets its own scope object and action list.
 */
const actors = new WeakMap<AnyStateMachine, AnyActorRef>();

function scope(machine: AnyStateMachine, actions: unknown[]): AnyActorScope {
  let self = actors.get(machine);
  if (!self) {
    self = createActor(machine);
    actors.set(machine, self);
  }
  const none = () => undefined;
  return {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    logger: none,
    defer: none,
    stopChild: none,
    emit: none,
    actionExecutor: (action) => {
      actions.push(action);
    },
  };
}

/**
 * The snapshots of one event's microsteps (the event's own first, then each `always`) and every
 * action they took, in order: what `getMicrosteps` answers, without its inert actor. The first
 * snapshot is `snapshot` itself when the event took no transition.
 */
export function pureMicrosteps(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): { snapshots: AnyMachineSnapshot[]; actions: unknown[] } {
  const actions: unknown[] = [];
  const snapshots = machine.microstep(snapshot, event, scope(machine, actions));
  return { snapshots, actions };
}

/** The initial snapshot for `input` and the actions it took: `initialTransition`'s answer. */
export function pureInitialTransition(
  machine: AnyStateMachine,
  input: unknown,
): [AnyMachineSnapshot, unknown[]] {
  const actions: unknown[] = [];
  const snapshot = machine.getInitialSnapshot(scope(machine, actions), input);
  return [snapshot, actions];
}
