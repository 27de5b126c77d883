import type { z } from 'zod';
import type { ApplicationContext, Effect, Suspension } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { addDays } from '../legal-clock/calendar';
import { supplementDueOn } from '../legal-clock/terms';
import {
  amountOfField,
  grantAmount,
  type MachineEvent,
  payloadAmount,
  payloadOf,
} from './vocabulary.context';
import type { ActionName, actionParams } from './vocabulary.params';

type Params<N extends ActionName> = z.infer<(typeof actionParams)[N]>;
export interface ActionOutcome {
  update?: Partial<ApplicationContext>;
  effects?: Effect[];
}
type ActionImpl<N extends ActionName> = (
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
  params: Params<N>,
) => ActionOutcome;

function earlierDate(a: string, b: string): string {
  return [a, b].sort()[0]!;
}

/** Letters that are decisions (besluiten, Awb 1:3): they start the objection period. */
export const DECISION_KINDS: ReadonlySet<string> = new Set([
  'grant',
  'rejection',
  'not_considered',
  'settlement',
]);

export const actionImplementations: { [N in ActionName]: ActionImpl<N> } = {
  assignPayload: (_def, ctx, event, params) => {
    const payload = payloadOf(event);
    const target = { ...ctx[params.into] };
    for (const field of params.fields) {
      if (payload[field] !== undefined) target[field] = payload[field];
    }
    return { update: { [params.into]: target } };
  },
  mergeData: (_def, ctx, event) => {
    const patch = payloadOf(event).data;
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return {};
    const data = { ...ctx.data };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete data[key];
      else data[key] = value;
    }
    return { update: { data } };
  },
  sendNotice: (_def, _ctx, _event, params) => ({
    effects: [{ type: 'notice', template: params.template, audience: params.audience }],
  }),
  issueDocument: (_def, ctx, event, params) => {
    const update: Partial<ApplicationContext> = {
      documents: [
        ...ctx.documents,
        { kind: params.kind, template: params.template, on: event.today },
      ],
    };
    if (DECISION_KINDS.has(params.kind)) update.decision = { ...ctx.decision, sentOn: event.today };
    return {
      update,
      effects: [{ type: 'document', kind: params.kind, template: params.template }],
    };
  },
  setGrant: (def, ctx, event) => ({
    update: {
      grantedCents: grantAmount(def, ctx, event),
      decision: { ...ctx.decision, kind: 'grant', on: event.today },
    },
  }),
  reserveBudget: (_def, ctx) => {
    const amount = (ctx.grantedCents ?? 0) - ctx.reservedCents;
    if (amount <= 0) return {};
    return {
      update: { reservedCents: ctx.reservedCents + amount },
      effects: [{ type: 'budget.reserve', amountCents: amount }],
    };
  },
  releaseBudget: (_def, ctx) => {
    if (ctx.reservedCents <= 0) return {};
    return {
      update: { reservedCents: 0 },
      effects: [{ type: 'budget.release', amountCents: ctx.reservedCents }],
    };
  },
  commitBudget: (_def, ctx) => {
    const commit = ctx.settledCents ?? ctx.grantedCents ?? 0;
    const effects: Effect[] = [];
    // A commit moves reserved money to committed. Settling with the grant (directe vaststelling)
    // reserves the part not yet reserved first, so the ledger never commits unreserved money.
    const unreserved = commit - ctx.reservedCents;
    if (unreserved > 0) effects.push({ type: 'budget.reserve', amountCents: unreserved });
    if (commit > 0) effects.push({ type: 'budget.commit', amountCents: commit });
    const release = ctx.reservedCents - commit;
    if (release > 0) effects.push({ type: 'budget.release', amountCents: release });
    return { update: { reservedCents: 0 }, effects };
  },
  settle: (_def, ctx, event, params) => {
    // 'proposed': the amount a first person proposed (in the decision) and a second confirms.
    const proposed = ctx.decision.amountCents;
    const settled =
      params.amount === 'payload'
        ? (payloadAmount(event) ?? 0)
        : params.amount === 'proposed'
          ? typeof proposed === 'number'
            ? proposed
            : 0
          : (ctx.grantedCents ?? 0);
    return {
      update: {
        settledCents: settled,
        reclaimCents: Math.max(0, ctx.advanceCents - settled),
        decision: { ...ctx.decision, settledOn: event.today },
      },
    };
  },
  recordPayment: (_def, ctx, event, params) => {
    let amount = 0;
    const update: Partial<ApplicationContext> = {};
    if (params.kind === 'advance') {
      amount =
        (params.field === undefined
          ? payloadAmount(event)
          : amountOfField(event.payload, params.field)) ?? 0;
      update.advanceCents = ctx.advanceCents + amount;
    } else if (params.kind === 'settlement') {
      amount = Math.max(0, (ctx.settledCents ?? 0) - ctx.advanceCents);
    } else {
      amount = ctx.reclaimCents;
    }
    if (amount <= 0) return { update };
    update.payments = [
      ...(ctx.payments ?? []),
      { kind: params.kind, amountCents: amount, on: event.today },
    ];
    return { update, effects: [{ type: 'payment', kind: params.kind, amountCents: amount }] };
  },
  startClock: (_def, _ctx, event) => ({
    update: {
      clock: {
        receivedOn: event.receivedOn ?? event.today,
        termWeeks: event.facts?.regulation.decisionTermWeeks || 8,
        suspensions: [],
        extension: null,
      },
      submittedAt: new Date(event.nowMs).toISOString(),
    },
  }),
  suspendClock: (_def, ctx, event, params) => {
    const requested = payloadOf(event).periodDays;
    const periodDays =
      typeof requested === 'number' && Number.isSafeInteger(requested) && requested > 0
        ? requested
        : params.defaultPeriodDays;
    const suspension: Suspension = {
      requestedOn: event.today,
      requestedAt: new Date(event.nowMs).toISOString(),
      periodDays,
      dueOn: supplementDueOn(event.today, periodDays),
      endedOn: null,
    };
    return {
      update: { clock: { ...ctx.clock, suspensions: [...ctx.clock.suspensions, suspension] } },
    };
  },
  resumeClock: (_def, ctx, event) => {
    // `endedOn` is the day the clock runs again (Awb 4:15): the day of the supplement, or the
    // day after the last day of the period when it lapsed unused. A supplement that came by post
    // or to a desk counts from the day it came in, which the desk gives (`receivedOn`).
    const supplied = event.receivedOn ?? event.today;
    const suspensions = ctx.clock.suspensions.map((s) =>
      s.endedOn === null ? { ...s, endedOn: earlierDate(supplied, addDays(s.dueOn, 1)) } : s,
    );
    return { update: { clock: { ...ctx.clock, suspensions } } };
  },
  extendClock: (_def, ctx, event, params) => {
    const requested = payloadOf(event).weeks;
    const weeks =
      typeof requested === 'number' && Number.isSafeInteger(requested) && requested > 0
        ? requested
        : params.defaultWeeks;
    return { update: { clock: { ...ctx.clock, extension: { weeks, on: event.today } } } };
  },
};

export function runAction(
  name: string,
  params: Record<string, unknown> | undefined,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): ActionOutcome {
  const impl = actionImplementations[name as ActionName] as ActionImpl<ActionName> | undefined;
  return impl ? impl(def, ctx, event, (params ?? {}) as never) : {};
}
