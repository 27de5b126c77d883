import type { WorkflowDefinition } from '../definition/definition.schema';
import { DECISION_KINDS } from './actions';

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
