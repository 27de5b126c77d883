import { expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import {
  applicant,
  approver,
  assessor,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { applicationView, createApplication, step } from './runtime';

// A probe found "Verantwoording uiterlijk …, nog 84 dagen" on a case whose report was in: the
// resident has done what that date asked, and the work queue sorted the case by it.

const def = loadShippedDefinition();
const later = new Date('2026-06-20T10:00:00Z'); // after the activity of 13 June

function granted(): PersistedSnapshot {
  let s = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: completeData(),
  }).snapshot;
  s = step(def, s, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts }).snapshot;
  s = step(
    def,
    s,
    { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed.' } },
    { now: T0, actor: assessor, facts },
  ).snapshot;
  return step(def, s, { type: 'GRANT', payload: {} }, { now: T0, actor: approver, facts }).snapshot;
}

test('the report deadline stands until the report is in, and not after', () => {
  const before = granted();
  const keys = (s: PersistedSnapshot) =>
    applicationView(def, s, later, facts).deadlines.map((d) => d.key);
  expect(keys(before)).toContain('report');
  const reported = step(
    def,
    before,
    { type: 'SUBMIT_REPORT', payload: { actualCostsCents: 120_000, report: 'Gelukt.' } },
    { now: later, actor: applicant, facts },
  ).snapshot;
  expect(keys(reported)).not.toContain('report');
});
