import { staffOnlyKeys, type WorkflowDefinition } from '@initiatief/engine';
import type { SessionUser } from '../context';
import { isStaff } from './applications.access';
import { SHELL_EVENTS } from './shell-events';

interface Row {
  event: string;
  from_state: string;
  to_state: string;
  payload: unknown;
}

const INTERNAL_EVENTS: readonly string[] = [
  SHELL_EVENTS.assigned,
  SHELL_EVENTS.takeOver,
  SHELL_EVENTS.contact,
  SHELL_EVENTS.letterWithheld,
];

function tagged(def: WorkflowDefinition, state: string, tag: string): boolean {
  const tags = (def.states[state] as { tags?: string[] } | undefined)?.tags ?? [];
  return tags.includes(tag);
}

/**
 * What a resident (or someone acting for them) may read of the history. The assessor's advice
 * to the approver is internal: the step into a state tagged `awaiting_approval` (the proposal)
 * and the approver's return to assessment keep their row but lose their payload. The decision
 * itself states its motivation. Staff-only rows (who handles the case, take-overs, contact notes, withheld letters) are
 * left out.
 */
export function historyForViewer<R extends Row>(
  def: WorkflowDefinition,
  rows: R[],
  user: Pick<SessionUser, 'roles'>,
): R[] {
  if (isStaff(user)) return rows;
  return rows
    .filter((r) => !INTERNAL_EVENTS.includes(r.event))
    .map((r) => {
      const into = tagged(def, r.to_state, 'awaiting_approval');
      const from = tagged(def, r.from_state, 'awaiting_approval');
      // A step within the state (an extension) speaks to the resident and stays.
      const proposal = into && !from;
      const returned =
        from && !into && !tagged(def, r.to_state, 'closed') && !tagged(def, r.to_state, 'granted');
      return proposal || returned ? { ...r, payload: {} } : withoutStaffOnly(def, r);
    });
}

/** The row without the fields of its payload that its event declares for staff only. */
function withoutStaffOnly<R extends Row>(def: WorkflowDefinition, r: R): R {
  const keys = staffOnlyKeys(def.events[r.event]?.payload);
  const payload = r.payload;
  if (keys.length === 0 || typeof payload !== 'object' || payload === null) return r;
  if (!keys.some((k) => Object.hasOwn(payload, k))) return r;
  const kept = Object.fromEntries(Object.entries(payload).filter(([k]) => !keys.includes(k)));
  return { ...r, payload: kept };
}
