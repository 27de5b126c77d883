import type { z } from 'zod';
import type { ApplicationContext, Issue } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { requestedCents, validateFormData } from '../form/form.validate';
import { diffDays, formatMoney, isIsoDate } from '../legal-clock/calendar';
import {
  type AmountSource,
  type amountLimit,
  type GuardName,
  guardParams,
} from '../vocabulary/vocabulary.params';
import { grantAmount, type MachineEvent, payloadAmount, payloadOf } from './vocabulary.context';

export type GuardResult = { ok: true } | { ok: false; issues: Issue[] };
type Params<N extends GuardName> = z.infer<(typeof guardParams)[N]>;
type GuardImpl<N extends GuardName> = (
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
  params: Params<N>,
) => GuardResult;

const OK: GuardResult = { ok: true };
const fail = (path: string, message: string): GuardResult => ({
  ok: false,
  issues: [{ path, message }],
});

function amountOf(
  source: AmountSource,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): { cents: number; path: string } {
  switch (source) {
    case 'requested':
      return {
        cents: requestedCents(def, ctx.data),
        path: `data.${def.form.requestedAmount?.list ?? ''}`,
      };
    case 'payload':
      return { cents: payloadAmount(event) ?? 0, path: 'amountCents' };
    case 'grant':
      return { cents: grantAmount(def, ctx, event), path: 'amountCents' };
    case 'advanceTotal':
      return { cents: ctx.advanceCents + (payloadAmount(event) ?? 0), path: 'amountCents' };
  }
}

function limitOf(
  limit: z.infer<typeof amountLimit>,
  cents: number | undefined,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): { cents: number; label: string } {
  const regulation = event.facts?.regulation;
  switch (limit) {
    case 'regulationMax':
      return { cents: regulation?.maxAmountCents ?? 0, label: 'the maximum of the regulation' };
    case 'granted':
      return { cents: ctx.grantedCents ?? 0, label: 'the granted amount' };
    case 'requested':
      return { cents: requestedCents(def, ctx.data), label: 'the requested amount' };
    case 'remainingGrant':
      return {
        cents: (ctx.grantedCents ?? 0) - ctx.advanceCents,
        label: 'the granted amount not yet paid',
      };
    case 'directSettlementThreshold':
      return {
        cents: regulation?.directSettlementThresholdCents ?? -1,
        label: 'the threshold for direct settlement',
      };
    case 'fixed':
      return { cents: cents ?? 0, label: 'the limit' };
  }
}

export const guardImplementations: { [N in GuardName]: GuardImpl<N> } = {
  formComplete: (def, ctx) => {
    const result = validateFormData(def, ctx.data);
    return result.ok ? OK : { ok: false, issues: result.issues };
  },
  supportersAtLeast: (_def, ctx, _event, params) => {
    const minAge = params.minAge ?? 12;
    const list = ctx.data.supporters;
    const count = Array.isArray(list)
      ? list.filter((s) => typeof s?.age === 'number' && s.age >= minAge).length
      : 0;
    return count >= params.count
      ? OK
      : fail(
          'data.supporters',
          `needs at least ${params.count} supporters aged ${minAge} or older (has ${count})`,
        );
  },
  amountAtMost: (def, ctx, event, params) => {
    const amount = amountOf(params.amount, def, ctx, event);
    const limit = limitOf(params.limit, params.cents, def, ctx, event);
    return amount.cents <= limit.cents
      ? OK
      : fail(
          amount.path,
          `${formatMoney(amount.cents, 'en')} is more than ${limit.label} (${formatMoney(limit.cents, 'en')})`,
        );
  },
  amountAtLeast: (def, ctx, event, params) => {
    const amount = amountOf(params.amount, def, ctx, event);
    return amount.cents >= params.cents
      ? OK
      : fail(amount.path, `must be at least ${formatMoney(params.cents, 'en')}`);
  },
  budgetAvailable: (def, ctx, event, params) => {
    const amount = amountOf(params.amount ?? 'grant', def, ctx, event);
    const remaining = event.facts?.budgetRemainingCents ?? 0;
    return amount.cents <= remaining
      ? OK
      : fail(
          amount.path,
          `${formatMoney(amount.cents, 'en')} exceeds the remaining budget (${formatMoney(remaining, 'en')})`,
        );
  },
  daysBeforeActivityAtLeast: (def, ctx, event, params) => {
    const field = def.form.activityDateField ?? 'activityDate';
    const date = ctx.data[field];
    if (!isIsoDate(date)) return fail(`data.${field}`, 'is required');
    const days = diffDays(event.today, date);
    return days >= params.days
      ? OK
      : fail(`data.${field}`, `must be at least ${params.days} days after today (is ${days})`);
  },
  actorIsNot: (_def, ctx, event, params) =>
    ctx.actors[params.event] === event.actorId
      ? fail('actor', `the actor of ${params.event} may not also send ${event.type} (four-eyes)`)
      : OK,
  extensionAvailable: (_def, ctx) =>
    ctx.clock.receivedOn !== null && ctx.clock.extension === null
      ? OK
      : fail('clock', 'the decision term can be extended only once, after receipt'),
  payloadEquals: (_def, _ctx, event, params) =>
    payloadOf(event)[params.field] === params.value
      ? OK
      : fail(params.field, `must be ${String(params.value)}`),
};

/** Guards whose outcome depends on the payload, so a UI cannot rule them out beforehand. */
export function dependsOnPayload(
  name: string,
  params: Record<string, unknown> | undefined,
): boolean {
  if (name === 'payloadEquals') return true;
  if (name === 'amountAtMost' || name === 'amountAtLeast' || name === 'budgetAvailable') {
    const source = (params?.amount as string | undefined) ?? 'grant';
    return source !== 'requested';
  }
  return false;
}

export function runGuard(
  name: string,
  params: Record<string, unknown> | undefined,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): GuardResult {
  const impl = guardImplementations[name as GuardName] as GuardImpl<GuardName> | undefined;
  if (!impl) return fail('guard', `unknown guard ${name}`);
  return impl(def, ctx, event, (params ?? {}) as never);
}

export { guardParams };
