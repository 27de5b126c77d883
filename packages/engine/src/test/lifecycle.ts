import type { PersistedSnapshot } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { createApplication, step } from '../runtime/runtime';
import { applicant, approver, assessor, completeData, facts, T0 } from './fixtures';

/** A complete application of the shipped workflow, submitted at T0. */
export function submittedSnapshot(def: WorkflowDefinition): PersistedSnapshot {
  const s = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: completeData(),
  }).snapshot;
  return step(def, s, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts }).snapshot;
}

/** The same application assessed with a grant advice and granted by a second person, at T0. */
export function grantedSnapshot(def: WorkflowDefinition): PersistedSnapshot {
  const assessed = step(
    def,
    submittedSnapshot(def),
    { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed.' } },
    { now: T0, actor: assessor, facts },
  ).snapshot;
  return step(def, assessed, { type: 'GRANT', payload: {} }, { now: T0, actor: approver, facts })
    .snapshot;
}
