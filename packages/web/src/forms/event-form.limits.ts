/**
 * The limits on a step's amount the page can judge before it sends: where every way the step can
 * go from this state holds the amount the payload names to a figure the page knows (the requested
 * amount, the granted one, the regulation's maximum), an amount above it is refused for certain.
 * Said at the amount's field before anything irreversible is asked, in the words the API would
 * use. The rule is the engine's (`payloadAmountAbove`, the one `amountAtMost` applies); the page
 * only words it.
 */
import {
  AMOUNT_FIELD,
  type AmountFigures,
  type AmountLimit,
  amountAbove,
  amountOfPayload,
  payloadAmountAbove,
  payloadAmountLimits,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Limit = Extract<AmountLimit, 'requested' | 'granted' | 'regulationMax'>;

/** The limits the page words, in the order it says them: the first one exceeded is said. */
const SENTENCE: Record<Limit, MessageKey> = {
  requested: 'form.amountAbove.requested',
  granted: 'form.amountAbove.granted',
  regulationMax: 'form.amountAbove.regulationMax',
};
const WORDED = Object.keys(SENTENCE) as Limit[];

export interface KnownFigures {
  requestedCents: number | null | undefined;
  grantedCents: number | null | undefined;
  /** The regulation's maximum, when the page loaded it. */
  regulationMaxCents?: number | null;
  /** What was paid in advances so far. */
  advanceCents?: number | null;
}

/** The limits the page can judge that every transition of `type` from `state` holds the amount to. */
export function amountLimitsOf(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
): Limit[] {
  const limits = payloadAmountLimits(def, state, type).map((l) => l.limit);
  return WORDED.filter((l) => limits.includes(l));
}

/**
 * The error at the amount's field when the amount the payload names is above a limit every way
 * of the step holds it to, keyed by the field; empty otherwise.
 */
export function amountLimitErrors(args: {
  def: WorkflowDefinition | undefined;
  state: string;
  type: string;
  payload: Record<string, unknown>;
  figures: KnownFigures;
  label(name: string): string;
  t: Translate;
  formatMoney(cents: number): string;
}): Record<string, string> {
  // Only the figures the page knows and words: any other limit is left to the API.
  const { requestedCents, grantedCents, regulationMaxCents } = args.figures;
  const figures = { requestedCents, grantedCents, regulationMaxCents };
  const above = payloadAmountAbove(args.def, args.state, args.type, args.payload, figures);
  const errors: Record<string, string> = {};
  const excess = WORDED.map((l) => above.find((a) => a.limit === l)).find((a) => !!a);
  if (excess) {
    errors[excess.field] = args.t(SENTENCE[excess.limit as Limit], {
      field: args.label(excess.field),
      amount: args.formatMoney(excess.amountCents),
      limit: args.formatMoney(excess.limitCents),
    });
  }
  const advance = advanceAbove(args.def, args.state, args.type, args.payload, {
    ...figures,
    advanceCents: args.figures.advanceCents,
  });
  if (advance && !errors[advance.field]) {
    errors[advance.field] = args.t(ADVANCE_SENTENCE[advance.limit], {
      field: args.label(advance.field),
      amount: args.formatMoney(advance.amountCents),
      limit: args.formatMoney(advance.limitCents),
    });
  }
  return errors;
}

/** The limits of an advance the page words (the amount to grant; what is left of the grant). */
type AdvanceLimit = Extract<AmountLimit, 'grant' | 'remainingGrant'>;
const ADVANCE_SENTENCE: Record<AdvanceLimit, MessageKey> = {
  grant: 'form.amountAbove.grant',
  remainingGrant: 'form.amountAbove.remainingGrant',
};

type GuardRef = {
  type?: string;
  params?: { amount?: unknown; limit?: unknown; cents?: unknown; field?: unknown };
};

interface FieldAbove {
  field: string;
  limit: AmountLimit;
  amountCents: number;
  limitCents: number;
}

/**
 * An advance above what it may be, refused for certain: the amounts `amountAtMost` reads from
 * another field of the step (an advance with the grant, held to the amount granted) or adds to
 * the advances paid (`advanceTotal`, held to the granted amount), where every way of the step
 * holds some such amount to a figure it is above. The engine's rule (`amountAbove`) judges each;
 * `advanceTotal` is above the granted amount exactly when the step's own amount is above what is
 * not paid yet of it (`remainingGrant`), which is how it is said at the field. The amount to
 * grant is known only when the payload names it. A way held only to a fixed figure (no advance
 * with a direct settlement) decides the way: the reason said is another way's.
 */
function advanceAbove(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
  payload: Record<string, unknown>,
  figures: AmountFigures,
): (FieldAbove & { limit: AdvanceLimit }) | null {
  const on = def?.states[state]?.on?.[type];
  const ways = on === undefined ? [] : Array.isArray(on) ? on : [on];
  if (ways.length === 0) return null;
  const own = amountOfPayload(payload);
  const known: AmountFigures = { ...figures, grantCents: own ?? null };
  const refusals = ways.map((w) => {
    const guards = typeof w === 'string' || !w.guard ? [] : [w.guard].flat();
    return (guards as GuardRef[]).flatMap((g): FieldAbove[] => {
      const p = g.params;
      if (g.type !== 'amountAtMost' || typeof p?.limit !== 'string') return [];
      const fixed = typeof p.cents === 'number' ? p.cents : 0;
      if (p.amount === 'payload' && typeof p.field === 'string') {
        const cents = payload[p.field];
        if (typeof cents !== 'number') return [];
        const a = amountAbove(cents, p.limit as AmountLimit, known, fixed);
        return a ? [{ ...a, field: p.field }] : [];
      }
      if (p.amount === 'advanceTotal' && p.limit === 'granted' && own !== undefined) {
        const a = amountAbove(own, 'remainingGrant', known);
        return a ? [{ ...a, field: AMOUNT_FIELD }] : [];
      }
      return [];
    });
  });
  if (!refusals.every((r) => r.length > 0)) return null;
  const said = refusals.flat().find((a) => a.limit in ADVANCE_SENTENCE);
  return said ? { ...said, limit: said.limit as AdvanceLimit } : null;
}
