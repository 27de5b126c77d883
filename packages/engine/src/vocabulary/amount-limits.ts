/**
 * The rule of the `amountAtMost` guard, written once: the figure each limit stands for, and
 * whether an amount is above it. The guard reads every figure off the application and its facts;
 * a screen reads the ones it knows (the requested and the granted amount, the regulation's
 * maximum) to say before sending, and before anything irreversible is asked, what the guard would
 * refuse. Pure: no I/O, no clock.
 */
import type { z } from 'zod';
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { AMOUNT_FIELD, amountOfField, amountOfPayload } from './vocabulary.context';
import type { amountLimit } from './vocabulary.params';

export type AmountLimit = z.infer<typeof amountLimit>;

/**
 * The figures the limits stand for, in cents. Null or absent: not known, and a limit that stands
 * for it is not judged (the guard knows every figure; a screen only some).
 */
export interface AmountFigures {
  requestedCents?: number | null;
  grantedCents?: number | null;
  /** What this step grants (limit `grant`): known to the guard, not to a screen beforehand. */
  grantCents?: number | null;
  /** What was paid in advances: with the granted amount, the part not yet paid. */
  advanceCents?: number | null;
  regulationMaxCents?: number | null;
  directSettlementThresholdCents?: number | null;
  /** The amount one person may settle alone. */
  settlementFourEyesAboveCents?: number | null;
}

const known = (n: number | null | undefined) => (typeof n === 'number' ? n : undefined);

/** The figure a limit stands for, in cents (`fixed`: the guard's own `cents`); undefined: unknown. */
export function amountLimitCents(
  limit: AmountLimit,
  figures: AmountFigures,
  fixedCents?: number,
): number | undefined {
  switch (limit) {
    case 'regulationMax':
      return known(figures.regulationMaxCents);
    case 'granted':
      return known(figures.grantedCents);
    case 'grant':
      return known(figures.grantCents);
    case 'requested':
      return known(figures.requestedCents);
    case 'remainingGrant': {
      const [granted, advance] = [known(figures.grantedCents), known(figures.advanceCents)];
      return granted === undefined || advance === undefined ? undefined : granted - advance;
    }
    case 'directSettlementThreshold':
      return known(figures.directSettlementThresholdCents);
    case 'settlementFourEyes':
      return known(figures.settlementFourEyesAboveCents);
    case 'fixed':
      return fixedCents;
  }
}

/** An amount above a limit, with the figure it is above. */
export interface AmountAbove {
  limit: AmountLimit;
  amountCents: number;
  limitCents: number;
}

/**
 * `amountAtMost`'s rule: the amount is at most the limit's figure. The excess when it is above;
 * null when it is within it, or the figure is not known.
 */
export function amountAbove(
  amountCents: number,
  limit: AmountLimit,
  figures: AmountFigures,
  fixedCents?: number,
): AmountAbove | null {
  const limitCents = amountLimitCents(limit, figures, fixedCents);
  if (limitCents === undefined || amountCents <= limitCents) return null;
  return { limit, amountCents, limitCents };
}

/** A limit of the step's amount: `cents` only with `fixed`. */
export interface PayloadAmountLimit {
  limit: AmountLimit;
  cents?: number;
}

type GuardRef = {
  type?: string;
  params?: { amount?: unknown; limit?: unknown; cents?: unknown; field?: unknown };
};

function guardsOf(t: string | TransitionConfig): GuardRef[] {
  if (typeof t === 'string' || !t.guard) return [];
  return (Array.isArray(t.guard) ? t.guard : [t.guard]) as GuardRef[];
}

/**
 * The `amountAtMost` limits on the amount a step's payload names that every way of the step from
 * `state` holds it to (guards choose between the ways; a limit only some hold, such as the
 * threshold for direct settlement, decides the way rather than refusing the step). The amount of
 * a grant is the payload's when it names one, so both sources count. In the order of the first
 * way's guards.
 */
export function payloadAmountLimits(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
): PayloadAmountLimit[] {
  const on = def?.states[state]?.on?.[type];
  const ways = on === undefined ? [] : Array.isArray(on) ? on : [on];
  const keyOf = (l: PayloadAmountLimit) => (l.limit === 'fixed' ? `fixed:${l.cents}` : l.limit);
  const per = ways.map((t) => {
    const limits = new Map<string, PayloadAmountLimit>();
    for (const g of guardsOf(t)) {
      const p = g.params;
      if (g.type !== 'amountAtMost' || (p?.amount !== 'payload' && p?.amount !== 'grant')) continue;
      // An amount read from another field of the step (an advance) is not the step's amount.
      if (p.field !== undefined) continue;
      if (typeof p.limit !== 'string') continue;
      const l: PayloadAmountLimit = { limit: p.limit as AmountLimit };
      if (l.limit === 'fixed' && typeof p.cents === 'number') l.cents = p.cents;
      limits.set(keyOf(l), l);
    }
    return limits;
  });
  const [first, ...rest] = per;
  if (!first) return [];
  return [...first].filter(([key]) => rest.every((m) => m.has(key))).map(([, l]) => l);
}

/** The amount a step's payload names above a limit every way of the step holds it to. */
export interface PayloadAmountAbove extends AmountAbove {
  /** The payload's field the amount is read from: where to say it. */
  field: string;
}

/**
 * Before a step is sent: each limit every way of the step holds the payload's amount to, whose
 * figure is known, that the amount is above (the guard would refuse the step for each of them).
 * Empty when the payload names no amount.
 */
export function payloadAmountAbove(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
  payload: unknown,
  figures: AmountFigures,
): PayloadAmountAbove[] {
  const amount = amountOfPayload(payload);
  if (amount === undefined) return [];
  return payloadAmountLimits(def, state, type).flatMap(({ limit, cents }) => {
    const above = amountAbove(amount, limit, figures, cents);
    return above ? [{ ...above, field: AMOUNT_FIELD }] : [];
  });
}

/**
 * Before a step is sent: an advance above what it may be, which the guard would refuse for
 * certain. These are the amounts `amountAtMost` reads from another field of the step (an advance
 * with the grant, held to the amount to grant) or adds to the advances paid (`advanceTotal`, held
 * to the granted amount). Each is judged by `amountAbove`; `advanceTotal` is above the granted
 * amount exactly when the step's own amount is above the part not yet paid (`remainingGrant`),
 * and is given at the step's amount field in those terms. The amount to grant is known only when
 * the payload names it. Only when every way of the step holds some such amount to a figure it is
 * above: then each of them, the ways' in their order (a way held only to a fixed figure, such as
 * no advance with a direct settlement, decides the way; the reason to say is another way's).
 * Empty otherwise.
 */
export function advanceAbove(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
  payload: unknown,
  figures: AmountFigures,
): PayloadAmountAbove[] {
  const on = def?.states[state]?.on?.[type];
  const ways = on === undefined ? [] : Array.isArray(on) ? on : [on];
  const own = amountOfPayload(payload);
  const known: AmountFigures = { ...figures, grantCents: own ?? null };
  const refusals = ways.map((t) =>
    guardsOf(t).flatMap((g): PayloadAmountAbove[] => {
      const p = g.params;
      if (g.type !== 'amountAtMost' || typeof p?.limit !== 'string') return [];
      const limit = p.limit as AmountLimit;
      if (p.amount === 'payload' && typeof p.field === 'string') {
        const cents = amountOfField(payload, p.field);
        if (cents === undefined) return [];
        const fixed = typeof p.cents === 'number' ? p.cents : 0;
        const a = amountAbove(cents, limit, known, fixed);
        return a ? [{ ...a, field: p.field }] : [];
      }
      if (p.amount === 'advanceTotal' && limit === 'granted' && own !== undefined) {
        const a = amountAbove(own, 'remainingGrant', known);
        return a ? [{ ...a, field: AMOUNT_FIELD }] : [];
      }
      return [];
    }),
  );
  if (refusals.length === 0 || !refusals.every((r) => r.length > 0)) return [];
  return refusals.flat();
}
