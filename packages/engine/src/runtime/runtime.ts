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
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { requestedCents, validateFormData } from '../form/form.validate';
import { isIsoDate, toAmsterdamDate } from '../legal-clock/calendar';
import {
  type Deadline,
  decisionDueDate,
  objectionDeadline,
  reportDueDate,
  supplementDueDate,
  suspendedDays,
} from '../legal-clock/terms';
import { dependsOnPayload, runGuard } from '../vocabulary/guards';
import { emptyContext, type MachineEvent } from '../vocabulary/vocabulary.context';
import { builtWorkflow, guardRefs, toTransitionArray } from './machine';

const TIMER_PREFIX = 'xstate.after.';

function machineEvent(
  event: EngineEvent,
  input: { now: Date; actor: Actor; facts?: Facts },
): MachineEvent {
  const nowMs = input.now.getTime();
  return {
    type: event.type,
    payload: event.payload,
    nowMs,
    today: toAmsterdamDate(input.now),
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

/** Maps XState's delayed raise and cancel actions to durable timer effects, around the domain effects. */
function collectEffects(
  actions: { type: string; params?: unknown }[],
  domain: Effect[] | undefined,
  nowMs: number,
  fired?: string,
): Effect[] {
  const cancels: Effect[] = [];
  const schedules: Effect[] = [];
  for (const action of actions) {
    const params = action.params as Record<string, unknown> | undefined;
    if (action.type === 'xstate.cancel' && typeof params?.sendId === 'string') {
      cancels.push({ type: 'timer.cancel', timerId: params.sendId });
    } else if (action.type === 'xstate.raise' && typeof params?.delay === 'number') {
      const event = params.event as { type: string };
      schedules.push({
        type: 'timer.schedule',
        timerId: String(params.id ?? event.type),
        event: event.type,
        dueAt: new Date(nowMs + params.delay).toISOString(),
      });
    }
  }
  // Cancels come first, so a timer cancelled and scheduled again in one step (re-entering a
  // state) ends up scheduled; the timer that fired this step needs no cancel.
  return [
    ...cancels.filter((c) => (c as { timerId: string }).timerId !== fired),
    ...(domain ?? []),
    ...schedules,
  ];
}

function stateOf(def: WorkflowDefinition, snapshot: PersistedSnapshot): string {
  const value = snapshot?.value;
  if (typeof value !== 'string' || !Object.hasOwn(def.states, value)) {
    throw new EngineError(
      'unknown_state',
      `state ${JSON.stringify(value)} does not exist in ${def.key} v${def.version}`,
    );
  }
  return value;
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

function payloadIssues(def: WorkflowDefinition, type: string, payload: unknown): Issue[] {
  const check = builtWorkflow(def).payloadSchemas.get(type);
  const issues: Issue[] = check ? check(payload ?? {}) : [];
  const data = (payload as { data?: unknown } | null | undefined)?.data;
  if (data !== undefined && data !== null && issues.length === 0) {
    issues.push(...validateFormData(def, stripNulls(data), { partial: true }).issues);
  }
  return issues;
}

function stripNulls(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
}

/** Throws guard_failed (or four_eyes) unless some transition's guards all pass. */
function checkGuards(
  def: WorkflowDefinition,
  candidates: TransitionConfig[],
  context: ApplicationContext,
  event: MachineEvent,
): TransitionConfig | undefined {
  let failure: { guard: string; issues: Issue[] } | undefined;
  for (const t of candidates) {
    let passed = true;
    for (const ref of guardRefs(t)) {
      const result = runGuard(ref.type, ref.params, def, context, event);
      if (!result.ok) {
        failure = { guard: ref.type, issues: result.issues };
        passed = false;
        break;
      }
    }
    if (passed) return t;
  }
  if (!failure) return undefined;
  if (failure.guard === 'actorIsNot') {
    throw new EngineError('four_eyes', failure.issues[0]?.message ?? 'four-eyes principle', {
      guard: failure.guard,
      issues: failure.issues,
    });
  }
  throw new EngineError('guard_failed', `${event.type} refused by guard ${failure.guard}`, {
    guard: failure.guard,
    issues: failure.issues,
  });
}

/** Creates a new application in the definition's initial state ('draft'). */
export function createApplication(
  def: WorkflowDefinition,
  input: { now: Date; actor: Actor; facts: Facts; data?: Record<string, unknown> },
): StepResult {
  const data = (stripNulls(input.data ?? {}) as Record<string, unknown>) ?? {};
  const check = validateFormData(def, data, { partial: true });
  if (!check.ok)
    throw new EngineError('invalid_payload', 'invalid form data', { issues: check.issues });
  const event = machineEvent({ type: 'CREATE', payload: { data } }, input);
  const [snapshot, actions] = builtWorkflow(def).initialTransition({
    ...emptyContext(data),
    effects: [],
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
    throw new EngineError('event_not_allowed', `${event.type} is not allowed in state ${from}`, {
      allowed: snapshot.status === 'active' ? acceptedFor(def, from, input.actor) : [],
    });
  }
  if (isTimer) {
    if (!input.actor.roles.includes('system')) {
      throw new EngineError('role_not_allowed', `${event.type} is sent by the system only`, {
        roles: ['system'],
      });
    }
  } else {
    const spec = def.events[event.type];
    if (!spec || !hasRole(input.actor, spec.roles)) {
      throw new EngineError(
        'role_not_allowed',
        `${event.type} may be sent by: ${spec?.roles.join(', ') || 'nobody'}`,
        { roles: spec?.roles ?? [], allowed: acceptedFor(def, from, input.actor) },
      );
    }
    const issues = payloadIssues(def, event.type, event.payload);
    if (issues.length > 0) {
      throw new EngineError('invalid_payload', `invalid payload for ${event.type}`, { issues });
    }
  }
  const mEvent = machineEvent(event, input);
  const context = snapshot.context;
  mEvent.chosen = checkGuards(def, candidates, context, mEvent);

  const resolved = built.resolve(from, context);
  const [next, actions] = built.transition(resolved, mEvent);
  const nextContext = next.context as ApplicationContext;
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
      payload: event.payload ?? null,
    },
    effects: collectEffects(
      actions as never,
      nextContext.effects,
      mEvent.nowMs,
      isTimer ? event.type : undefined,
    ),
  };
}

export interface AllowedEvent {
  type: string;
  roles: Role[];
  payloadSchema: object;
}

const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: false };

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
      out.push({ type, roles: ['system'], payloadSchema: EMPTY_SCHEMA });
      continue;
    }
    const spec = def.events[type]!;
    const candidates = transitionsFor(def, state, type);
    if (facts && !mayPass(def, candidates, snapshot.context, actor, facts, now, type)) continue;
    out.push({ type, roles: spec.roles, payloadSchema: spec.payload ?? EMPTY_SCHEMA });
  }
  return out;
}

const DATE_GUARDS = new Set(['daysBeforeActivityAtLeast']);

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
  return candidates.some((t) =>
    guardRefs(t).every(
      (ref) =>
        dependsOnPayload(ref.type, ref.params) ||
        (now === undefined && DATE_GUARDS.has(ref.type)) ||
        runGuard(ref.type, ref.params, def, context, event).ok,
    ),
  );
}

export interface ApplicationView {
  state: string;
  data: Record<string, unknown>;
  editable: boolean;
  final: boolean;
  tags: string[];
  amounts: {
    requestedCents: number;
    grantedCents: number | null;
    advanceCents: number;
    settledCents: number | null;
    reclaimCents: number;
  };
  clock: {
    receivedOn: string | null;
    decisionDueOn: string | null;
    suspended: boolean;
    suspendedDays: number;
    extended: boolean;
  };
  deadlines: { key: string; date: string; explanation: { nl: string; en: string } }[];
  actors: Record<string, string>;
  assessment: Record<string, unknown>;
  decision: Record<string, unknown>;
  request: Record<string, unknown>;
  supplement: Record<string, unknown>;
  report: Record<string, unknown>;
  documents: ApplicationContext['documents'];
  payments: ApplicationContext['payments'];
}

/** Everything a UI or a letter needs to know about an application, computed from its snapshot. */
export function applicationView(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  now?: Date,
  facts?: Facts,
): ApplicationView {
  const state = stateOf(def, snapshot);
  const ctx = snapshot.context;
  const spec = def.states[state]!;
  const today = now ? toAmsterdamDate(now) : undefined;
  const open = ctx.clock.suspensions.find((s) => s.endedOn === null);
  const deadlines: ApplicationView['deadlines'] = [];
  const push = (key: string, d: Deadline | null) => {
    if (d) deadlines.push({ key, date: d.date, explanation: d.explanation });
  };
  const decided = typeof ctx.decision.sentOn === 'string';
  const final = spec.type === 'final';
  const decisionDue = decisionDueDate(ctx.clock, today);
  if (!decided && !final) push('decision', decisionDue);
  if (open) push('supplement', supplementDueDate(open.requestedOn, open.periodDays));
  if (decided) push('objection', objectionDeadline(ctx.decision.sentOn as string));
  const activity = ctx.data[def.form.activityDateField ?? 'activityDate'];
  if (ctx.grantedCents !== null && ctx.settledCents === null && isIsoDate(activity)) {
    push('report', reportDueDate(activity, facts?.regulation.reportDueWeeks ?? 12));
  }
  return {
    state,
    data: ctx.data,
    editable: spec.meta?.editable === true,
    final,
    tags: spec.tags ?? [],
    amounts: {
      requestedCents: requestedCents(def, ctx.data),
      grantedCents: ctx.grantedCents,
      advanceCents: ctx.advanceCents,
      settledCents: ctx.settledCents,
      reclaimCents: ctx.reclaimCents,
    },
    clock: {
      receivedOn: ctx.clock.receivedOn,
      decisionDueOn: decisionDue?.date ?? null,
      suspended: open !== undefined,
      suspendedDays: suspendedDays(ctx.clock, today),
      extended: ctx.clock.extension !== null,
    },
    deadlines,
    actors: ctx.actors,
    assessment: ctx.assessment,
    decision: ctx.decision,
    request: ctx.request,
    supplement: ctx.supplement,
    report: ctx.report,
    documents: ctx.documents,
    payments: ctx.payments ?? [],
  };
}

/**
 * Changes the form data of an application in an editable state (draft, info_requested): the
 * patch's keys replace those of the data, `null` removes one; only types and limits are checked.
 */
export function updateApplicationData(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  patch: Record<string, unknown>,
): { snapshot: PersistedSnapshot; data: Record<string, unknown> } {
  const state = stateOf(def, snapshot);
  if (def.states[state]!.meta?.editable !== true || snapshot.status !== 'active') {
    throw new EngineError('not_editable', `the application cannot be changed in state ${state}`);
  }
  const data = { ...snapshot.context.data };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete data[key];
    else data[key] = value;
  }
  const check = validateFormData(def, data, { partial: true });
  if (!check.ok)
    throw new EngineError('invalid_payload', 'invalid form data', { issues: check.issues });
  return { snapshot: { ...snapshot, context: { ...snapshot.context, data } }, data };
}
