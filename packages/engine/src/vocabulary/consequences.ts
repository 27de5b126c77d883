import type { WorkflowDefinition } from '../definition/definition.schema';
import { DECISION_KINDS } from './actions';
import { amountOfField, amountOfPayload } from './vocabulary.context';

/**
 * What sending an event from a state does that nobody can take back, read from the actions of
 * its transitions (any of them, when guards choose between several): a decision letter to the
 * applicant, another letter, or a payment. A screen asks before such a step, in these terms.
 */
export interface Consequences {
  decision: boolean;
  letter: boolean;
  payment: boolean;
  /** It grants an amount: the one the step names, else the proposed one, else the requested. */
  grant: boolean;
}

type Action = { type: string; params?: Record<string, unknown> };
type Transition = string | { actions?: Action | Action[] };

export function consequencesOf(def: WorkflowDefinition, state: string, type: string): Consequences {
  const out: Consequences = { decision: false, letter: false, payment: false, grant: false };
  const raw = def.states[state]?.on?.[type] as Transition | Transition[] | undefined;
  if (raw === undefined) return out;
  for (const t of Array.isArray(raw) ? raw : [raw]) {
    if (typeof t === 'string' || t.actions === undefined) continue;
    for (const a of Array.isArray(t.actions) ? t.actions : [t.actions]) {
      if (a.type === 'issueDocument') {
        if (DECISION_KINDS.has(String(a.params?.kind))) out.decision = true;
        else out.letter = true;
      }
      if (a.type === 'recordPayment') out.payment = true;
      if (a.type === 'setGrant') out.grant = true;
    }
  }
  return out;
}

/**
 * The advance a step pays out with what it would send, in cents: what a way of the step records
 * as an advance payment (`recordPayment` of kind advance reads the field it names, else the
 * step's own amount; nothing is paid unless it is more than zero). Undefined when no way pays
 * one, or the payload names no amount for it.
 */
export function advancePaidWith(
  def: WorkflowDefinition,
  state: string,
  type: string,
  payload: unknown,
): number | undefined {
  const raw = def.states[state]?.on?.[type] as Transition | Transition[] | undefined;
  if (raw === undefined) return undefined;
  for (const t of Array.isArray(raw) ? raw : [raw]) {
    if (typeof t === 'string' || t.actions === undefined) continue;
    for (const a of Array.isArray(t.actions) ? t.actions : [t.actions]) {
      if (a.type !== 'recordPayment' || a.params?.kind !== 'advance') continue;
      const field = a.params.field;
      const cents =
        typeof field === 'string' ? amountOfField(payload, field) : amountOfPayload(payload);
      if (cents !== undefined && cents > 0) return cents;
    }
  }
  return undefined;
}
