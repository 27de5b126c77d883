import type { AnyMachineSnapshot } from 'xstate';
import type {
  Actor,
  ApplicationContext,
  Effect,
  EngineEvent,
  Facts,
  Issue,
  PersistedSnapshot,
  Role,
  StepInput,
  StepResult,
} from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { PageReader } from '../definition/definition.rules';
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { validateFormData } from '../form/form.validate';
import { withRegulationDistrict } from '../form/form-fields';
import { toAmsterdamDate } from '../legal-clock/calendar';
import { dependsOnPayload, runGuard } from '../vocabulary/guards';
import { emptyContext, type MachineEvent } from '../vocabulary/vocabulary.context';
import { stateOf } from './application-view';
import { builtWorkflow, guardRefs, NO_PAYLOAD, toTransitionArray } from './machine';
import { withoutOvertakenReminders } from './overtaken-reminders';
import { pureInitialTransition, pureMicrosteps } from './pure-scope';
import {
  notAReceipt,
  RECEIPT_WINDOW,
  receiptClosedIssue,
  receivedOnIssue,
  receives,
  resumes,
  suppliedBeforeRequest,
  wouldReceive,
} from './receipt-window';
import { explainRefusal } from './refusal';
import { notAllowedText, roleText } from './refusal-text';

export { type ApplicationView, applicationView, updateApplicationData } from './application-view';

const TIMER_PREFIX = 'xstate.after.';

/** The event as the machine sees it: the engine adds the clock, the actor and the facts. */
export function machineEvent(
  event: EngineEvent,
  input: { now: Date; actor: Actor; facts?: Facts; receivedOn?: string },
): MachineEvent {
  const nowMs = input.now.getTime();
  return {
    type: event.type,
    payload: event.payload,
    nowMs,
    today: toAmsterdamDate(input.now),
    ...(input.receivedOn !== undefined ? { receivedOn: input.receivedOn } : {}),
    actorId: input.actor.id,
    roles: input.actor.roles,
    facts: input.facts,
  };
}

function persist(
  snapshot: AnyMachineSnapshot,
  context: ApplicationContext,
  actors?: Record<string, string>,
): PersistedSnapshot {
  const { effects: _transient, ...rest } = context;
  if (actors) rest.actors = actors;
  return {
    status: snapshot.status,
    value: snapshot.value as string,
    historyValue: {},
    context: rest,
    children: {},
  } as PersistedSnapshot;
}

/**
 * Maps XState's delayed raise and cancel actions to durable timer effects, around the domain
 * effects. Actions are read in order: a timer scheduled and cancelled again within one step (a
 * state entered and left through an `always` transition) is not scheduled at all.
 */
function collectEffects(
  actions: { type: string; params?: unknown }[],
  domain: Effect[] | undefined,
  nowMs: number,
  fired?: string,
): Effect[] {
  const cancels = new Map<string, Effect>();
  const schedules = new Map<string, Effect>();
  for (const action of actions) {
    const params = action.params as Record<string, unknown> | undefined;
    if (action.type === 'xstate.cancel' && typeof params?.sendId === 'string') {
      schedules.delete(params.sendId);
      cancels.set(params.sendId, { type: 'timer.cancel', timerId: params.sendId });
    } else if (action.type === 'xstate.raise' && typeof params?.delay === 'number') {
      const event = params.event as { type: string };
      const timerId = String(params.id ?? event.type);
      schedules.delete(timerId);
      schedules.set(timerId, {
        type: 'timer.schedule',
        timerId,
        event: event.type,
        dueAt: new Date(nowMs + params.delay).toISOString(),
      });
    }
  }
  // Cancels come first, so a timer cancelled and scheduled again in one step (re-entering a
  // state) ends up scheduled; the timer that fired this step needs no cancel.
  if (fired !== undefined) cancels.delete(fired);
  return [...cancels.values(), ...(domain ?? []), ...schedules.values()];
}

function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

function transitionsFor(def: WorkflowDefinition, state: string, type: string): TransitionConfig[] {
  const s = def.states[state]!;
  if (type.startsWith(TIMER_PREFIX)) {
    const delay = type.slice(TIMER_PREFIX.length).split('.')[0]!;
    const expected = `${TIMER_PREFIX}${delay}.${def.key}.${state}`;
    if (type !== expected || !s.after || !Object.hasOwn(s.after, delay)) return [];
    return toTransitionArray(s.after[delay]);
  }
  if (!s.on || !Object.hasOwn(s.on, type)) return [];
  return toTransitionArray(s.on[type]);
}

/** Event types the state accepts that the actor may send. */
function acceptedFor(def: WorkflowDefinition, state: string, actor: Actor): string[] {
  const s = def.states[state]!;
  const out = Object.keys(s.on ?? {}).filter((t) => {
    const e = def.events[t];
    return e !== undefined && hasRole(actor, e.roles);
  });
  if (actor.roles.includes('system'))
    out.push(...(builtWorkflow(def).timerEvents.get(state) ?? []));
  return out;
}

function payloadIssues(
  def: WorkflowDefinition,
  type: string,
  payload: unknown,
  reader: PageReader = 'applicant',
): Issue[] {
  const check = builtWorkflow(def).payloadSchemas.get(type);
  const issues: Issue[] = check ? check(payload ?? {}) : [];
  const data = (payload as { data?: unknown } | null | undefined)?.data;
  if (data !== undefined && data !== null && issues.length === 0) {
    issues.push(...validateFormData(def, stripNulls(data), { partial: true, reader }).issues);
  }
  return issues;
}

function stripNulls(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
}

/** Creates a new application in the definition's initial state ('draft'). */
export function createApplication(
  def: WorkflowDefinition,
  input: { now: Date; actor: Actor; facts: Facts; data?: Record<string, unknown> },
): StepResult {
  const data = withRegulationDistrict(
    def,
    (stripNulls(input.data ?? {}) as Record<string, unknown>) ?? {},
    input.facts.regulation.district,
  );
  const check = validateFormData(def, data, { partial: true, reader: input.facts.reader });
  if (!check.ok)
    throw new EngineError('invalid_payload', 'invalid form data', { issues: check.issues });
  const event = machineEvent({ type: 'CREATE', payload: { data } }, input);
  const [snapshot, actions] = pureInitialTransition(builtWorkflow(def).machine, {
    context: { ...emptyContext(data), effects: [] },
    event,
  });
  const context = snapshot.context as ApplicationContext;
  const state = snapshot.value as string;
  return {
    snapshot: persist(snapshot, context),
    state,
    history: {
      from: '',
      to: state,
      event: 'CREATE',
      actor: input.actor.id,
      roles: input.actor.roles,
      at: input.now.toISOString(),
      payload: { data },
    },
    effects: collectEffects(actions as never, context.effects, event.nowMs),
  };
}

/** Applies one event: validates state, role, payload and guards, then runs XState's pure transition. */
export function step(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  event: EngineEvent,
  input: StepInput,
): StepResult {
  const from = stateOf(def, snapshot);
  const built = builtWorkflow(def);
  const isTimer = event.type.startsWith(TIMER_PREFIX);
  const candidates = snapshot.status === 'active' ? transitionsFor(def, from, event.type) : [];
  if (candidates.length === 0) {
    const allowed = snapshot.status === 'active' ? acceptedFor(def, from, input.actor) : [];
    const text = notAllowedText(def, event.type, from, allowed);
    throw new EngineError('event_not_allowed', text.en, { allowed, text });
  }
  if (isTimer) {
    if (!input.actor.roles.includes('system')) {
      const text = roleText(def, event.type, from, ['system']);
      throw new EngineError('role_not_allowed', text.en, { roles: ['system'], text });
    }
  } else {
    const spec = def.events[event.type];
    if (!spec || !hasRole(input.actor, spec.roles)) {
      const roles = spec?.roles ?? [];
      const text = roleText(def, event.type, from, roles);
      throw new EngineError('role_not_allowed', text.en, {
        roles,
        allowed: acceptedFor(def, from, input.actor),
        text,
      });
    }
    const issues = payloadIssues(def, event.type, event.payload, input.facts?.reader);
    if (issues.length > 0) {
      throw new EngineError('invalid_payload', `invalid payload for ${event.type}`, { issues });
    }
  }
  const mEvent = machineEvent(event, input);
  if (input.receivedOn !== undefined) {
    const wrong = receivedOnIssue(input.receivedOn, mEvent.today);
    if (wrong) throw new EngineError('invalid_payload', wrong.message, { issues: [wrong] });
  }
  const context = snapshot.context;
  // XState chooses: the event's transition (guards tried in order), then any `always`
  // transitions of the states it reaches. The first microstep is the event's own; when XState
  // took no transition there, the event is refused, whatever `always` might do.
  const resolved = built.machine.resolveState({ value: from, context }) as AnyMachineSnapshot;
  const { snapshots, actions } = pureMicrosteps(built.machine, resolved, mEvent);
  if (snapshots.length === 0 || snapshots[0] === resolved) {
    throw explainRefusal(def, candidates, context, mEvent, from);
  }
  const next = snapshots[snapshots.length - 1]!;
  const nextContext = next.context as ApplicationContext;
  const received = receives(context, nextContext);
  if (input.receivedOn !== undefined && !received) {
    // Or the supplement asked for, by post or at a desk: the term runs again from that day.
    const supplied = resumes(context, nextContext);
    const goesOn = def.states[next.value as string]?.type !== 'final';
    if (!supplied || !goesOn) {
      const issue = notAReceipt();
      throw new EngineError('invalid_payload', issue.message, { issues: [issue] });
    }
    if (input.receivedOn < supplied.requestedOn) {
      const issue = suppliedBeforeRequest(supplied.requestedOn);
      throw new EngineError('invalid_payload', issue.message, { issues: [issue] });
    }
  }
  if (received) {
    const closed = receiptClosedIssue(
      input.facts?.regulation.closesOn,
      nextContext.clock.receivedOn ?? mEvent.today,
    );
    if (closed) {
      throw new EngineError('guard_failed', `${event.type} refused: ${closed.message}`, {
        guard: RECEIPT_WINDOW,
        issues: [closed],
      });
    }
  }
  const actors = isTimer ? undefined : { ...nextContext.actors, [event.type]: input.actor.id };
  const to = next.value as string;
  return {
    snapshot: persist(next, nextContext, actors),
    state: to,
    history: {
      from,
      to,
      event: event.type,
      actor: input.actor.id,
      roles: input.actor.roles,
      at: input.now.toISOString(),
      // The day the desk said it came in stays with the step that received it.
      payload:
        input.receivedOn !== undefined
          ? { ...((event.payload as object | undefined) ?? {}), receivedOn: input.receivedOn }
          : (event.payload ?? null),
    },
    effects: withoutOvertakenReminders(
      def,
      collectEffects(
        actions as never,
        nextContext.effects,
        mEvent.nowMs,
        isTimer ? event.type : undefined,
      ),
      nextContext,
      mEvent,
    ),
  };
}

export interface AllowedEvent {
  type: string;
  roles: Role[];
  payloadSchema: object;
}

/**
 * Events the actor may send now. With facts, events whose guards already refuse regardless of
 * the payload (incomplete form, four-eyes, maximum amount, ...) are left out; guards on dates
 * are only judged when `now` is given too.
 */
export function allowedEvents(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  actor: Actor,
  facts?: Facts,
  now?: Date,
): AllowedEvent[] {
  const state = stateOf(def, snapshot);
  if (snapshot.status !== 'active') return [];
  const out: AllowedEvent[] = [];
  for (const type of acceptedFor(def, state, actor)) {
    if (type.startsWith(TIMER_PREFIX)) {
      out.push({ type, roles: ['system'], payloadSchema: NO_PAYLOAD });
      continue;
    }
    const spec = def.events[type]!;
    const candidates = transitionsFor(def, state, type);
    if (facts && !mayPass(def, candidates, snapshot.context, actor, facts, now, type)) continue;
    out.push({ type, roles: spec.roles, payloadSchema: spec.payload ?? NO_PAYLOAD });
  }
  return out;
}

const DATE_GUARDS = new Set(['daysBeforeActivityAtLeast', 'activityDateReached']);

function mayPass(
  def: WorkflowDefinition,
  candidates: TransitionConfig[],
  context: ApplicationContext,
  actor: Actor,
  facts: Facts,
  now: Date | undefined,
  type: string,
): boolean {
  const event = machineEvent(
    { type, payload: undefined },
    { now: now ?? new Date(0), actor, facts },
  );
  const closed =
    now !== undefined && receiptClosedIssue(facts.regulation.closesOn, event.today) !== null;
  return candidates.some(
    (t) =>
      !(closed && wouldReceive(def, t, context)) &&
      guardRefs(t).every(
        (ref) =>
          dependsOnPayload(ref.type, ref.params) ||
          (now === undefined && DATE_GUARDS.has(ref.type)) ||
          runGuard(ref.type, ref.params, def, context, event).ok,
      ),
  );
}
