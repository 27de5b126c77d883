import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Facts, PersistedSnapshot } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { createApplication, step } from '../runtime/runtime';
import { applicant, approver, assessor, completeData, facts, T0 } from './fixtures';

/** A real name, as a resident writes it. */
export const HOLDER = 'Ayşe Yıldız-Çelik';

/** A shipped bewonersinitiatief version's JSON as its file holds it (version 2 and later). */
export function shippedBi(version: number): Record<string, unknown> {
  const path = fileURLToPath(
    new URL(
      `../../../../workflows/bewonersinitiatief/definition.v${version}.json`,
      import.meta.url,
    ),
  );
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A shipped bewonersinitiatief version, validated. */
export function biDefinition(version: number): WorkflowDefinition {
  const result = validateDefinition(shippedBi(version));
  if (!result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

/** A complete v12/v13 form: no district question (the regulation's), the holder, 18 or older. */
export function v13Data(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { district: _d, ...rest } = completeData();
  return { ...rest, accountHolder: HOLDER, adult: true, ...overrides };
}

/** Submitted and assessed (grant) in Noord, where the fixtures' supporters live. */
export function assessed(
  def: WorkflowDefinition,
  data: Record<string, unknown> = v13Data(),
  f: Facts = noord,
): PersistedSnapshot {
  let r = createApplication(def, { now: T0, actor: applicant, facts: f, data });
  r = step(def, r.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts: f });
  r = step(
    def,
    r.snapshot,
    { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Past.' } },
    { now: T0, actor: assessor, facts: f },
  );
  return r.snapshot;
}

/** The fixtures' facts for a regulation of Noord. */
export const noord: Facts = {
  ...facts,
  regulation: { ...facts.regulation, district: 'Noord', title: 'Bewonersinitiatieven Noord 2026' },
};

/** The GRANT step on an assessed application, by the approver. */
export function grant(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  payload: Record<string, unknown>,
  f: Facts = noord,
) {
  return step(def, snapshot, { type: 'GRANT', payload }, { now: T0, actor: approver, facts: f });
}
