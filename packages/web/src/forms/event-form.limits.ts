/**
 * The limits on a step's amount the page can judge before it sends: where every way the step can
 * go from this state holds the amount the payload names to a figure the page knows (the requested
 * amount, the granted one, the regulation's maximum), an amount above it is refused for certain.
 * Said at the amount's field before anything irreversible is asked, in the words the API would
 * use. The rules are the engine's (`payloadAmountAbove` and `advanceAbove`, read off the guards
 * `amountAtMost` applies); the page only words them.
 */
import {
  type AmountLimit,
  advanceAbove,
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

/** The limits of an advance the page words (the amount to grant; what is left of the grant). */
type AdvanceLimit = Extract<AmountLimit, 'grant' | 'remainingGrant'>;
const ADVANCE_SENTENCE: Record<AdvanceLimit, MessageKey> = {
  grant: 'form.amountAbove.grant',
  remainingGrant: 'form.amountAbove.remainingGrant',
};

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
  // Of an advance refused for certain, the first reason the page words.
  const advance = advanceAbove(args.def, args.state, args.type, args.payload, {
    ...figures,
    advanceCents: args.figures.advanceCents,
  }).find((a) => a.limit in ADVANCE_SENTENCE);
  if (advance && !errors[advance.field]) {
    errors[advance.field] = args.t(ADVANCE_SENTENCE[advance.limit as AdvanceLimit], {
      field: args.label(advance.field),
      amount: args.formatMoney(advance.amountCents),
      limit: args.formatMoney(advance.limitCents),
    });
  }
  return errors;
}
