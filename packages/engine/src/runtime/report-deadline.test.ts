import { expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import { applicant, facts, loadShippedDefinition } from '../test/fixtures';
import { grantedSnapshot } from '../test/lifecycle';
import { applicationView, step } from './runtime';

// A probe found "Verantwoording uiterlijk …, nog 84 dagen" on a case whose report was in: the
// resident has done what that date asked, and the work queue sorted the case by it.

const def = loadShippedDefinition();
const later = new Date('2026-06-20T10:00:00Z'); // after the activity of 13 June

test('the report deadline stands until the report is in, and not after', () => {
  const before = grantedSnapshot(def);
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
