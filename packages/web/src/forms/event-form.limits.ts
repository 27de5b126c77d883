/**
 * The limits on a step's amount the page can judge before it sends: where every way the step can
 * go from this state holds the amount the payload names to a figure the page knows (the requested
 * amount, the granted one, the regulation's maximum), an amount above it is refused for certain.
 * Said at the amount's field before anything irreversible is asked, in the words the API would
 * use. Read from the definition's guards (`amountAtMost`), never from a workflow's names.
 */
import { amountOfPayload, type WorkflowDefinition } from '@initiatief/engine';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Limit = 'requested' | 'granted' | 'regulationMax';

const SENTENCE: Record<Limit, MessageKey> = {
  requested: 'form.amountAbove.requested',
  granted: 'form.amountAbove.granted',
  regulationMax: 'form.amountAbove.regulationMax',
};

export interface KnownFigures {
  requestedCents: number | null | undefined;
  grantedCents: number | null | undefined;
  /** The regulation's maximum, when the page loaded it. */
  regulationMaxCents?: number | null;
}

interface GuardRef {
  type?: string;
  params?: { amount?: string; limit?: string };
}

function guardsOf(t: unknown): GuardRef[] {
  const guard = (t as { guard?: GuardRef | GuardRef[] } | null)?.guard;
  if (!guard) return [];
  return Array.isArray(guard) ? guard : [guard];
}

/** The limits every transition of `type` from `state` holds the payload's amount to. */
export function amountLimitsOf(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
): Limit[] {
  const on = (def?.states[state] as { on?: Record<string, unknown> } | undefined)?.on?.[type];
  const candidates = on === undefined ? [] : Array.isArray(on) ? on : [on];
  if (candidates.length === 0) return [];
  const per = candidates.map(
    (t) =>
      new Set(
        guardsOf(t)
          .filter(
            (g) =>
              g.type === 'amountAtMost' &&
              (g.params?.amount === 'payload' || g.params?.amount === 'grant'),
          )
          .map((g) => g.params?.limit),
      ),
  );
  const all: Limit[] = ['requested', 'granted', 'regulationMax'];
  return all.filter((l) => per.every((s) => s.has(l)));
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
  const amount = amountOfPayload(args.payload);
  if (amount === undefined) return {};
  const field = Object.keys(args.payload).find((k) => args.payload[k] === amount);
  if (!field) return {};
  const { requestedCents, grantedCents, regulationMaxCents } = args.figures;
  const figure: Record<Limit, number | null | undefined> = {
    requested: requestedCents,
    granted: grantedCents,
    regulationMax: regulationMaxCents,
  };
  for (const limit of amountLimitsOf(args.def, args.state, args.type)) {
    const cents = figure[limit];
    if (typeof cents !== 'number' || amount <= cents) continue;
    return {
      [field]: args.t(SENTENCE[limit], {
        field: args.label(field),
        amount: args.formatMoney(amount),
        limit: args.formatMoney(cents),
      }),
    };
  }
  return {};
}
