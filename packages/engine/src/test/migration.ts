import type { Effect } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import type { PendingTimer } from '../runtime/migrate';
import { shippedJson } from './fixtures';

// What the migration tests share: the shipped definition as version 1, a version 2 edited as
// JSON the way a policy officer's editor would, and the timers a step left pending.

// biome-ignore lint/suspicious/noExplicitAny: definitions are edited as JSON here
export type DefinitionJson = any;

/** The policy officer who moves applications to a new version. */
export const policyOfficer = { id: 'u-policy', roles: ['policy' as const] };

/** The shipped definition, as published version 1. */
export const shippedV1: WorkflowDefinition = validateDefinition(shippedJson()).definition!;

/** The shipped definition as version 2, after `edit`; throws when the edit makes it invalid. */
export function shippedV2(edit: (d: DefinitionJson) => void = () => {}): WorkflowDefinition {
  const json = structuredClone(shippedJson()) as DefinitionJson;
  json.version = 2;
  edit(json);
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition!;
}

/** The timers a step's effects scheduled, as the shell would hand them to a migration. */
export const pendingTimers = (effects: readonly Effect[]): PendingTimer[] =>
  effects.flatMap((e) =>
    e.type === 'timer.schedule' ? [{ timerId: e.timerId, event: e.event, dueAt: e.dueAt }] : [],
  );
