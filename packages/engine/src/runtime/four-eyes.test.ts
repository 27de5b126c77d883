import { describe, expect, test } from 'vitest';
import type { Actor, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { applicant, approver, assessor, facts, loadShippedDefinition } from '../test/fixtures';
import { grantedSnapshot } from '../test/lifecycle';
import { applicationView, step } from './runtime';

// Issue 19, finding 2: settlement above the regulation's amount takes a second person.

const def = loadShippedDefinition();
const later = new Date('2026-06-20T10:00:00Z'); // after the activity of 13 June

function send(snapshot: PersistedSnapshot, type: string, actor: Actor, payload?: unknown) {
  return step(def, snapshot, { type, payload }, { now: later, actor, facts });
}
function reported(): PersistedSnapshot {
  return send(grantedSnapshot(def), 'SUBMIT_REPORT', applicant, {
    actualCostsCents: 120_000,
    report: 'Gelukt.',
  }).snapshot;
}

describe('settlement four-eyes (facts: above EUR 1,000 a second person)', () => {
  test('up to the amount one assessor settles alone', () => {
    const r = send(reported(), 'SETTLE', assessor, { amountCents: 100_000 });
    expect(r.state).toBe('settled');
    expect(applicationView(def, r.snapshot).amounts.settledCents).toBe(100_000);
  });

  test('above it the settlement is proposed, and confirmed by someone else', () => {
    const proposed = send(reported(), 'SETTLE', assessor, { amountCents: 110_000 });
    expect(proposed.state).toBe('settlement_proposed');
    expect(proposed.effects.some((e) => e.type === 'document')).toBe(false);
    const both: Actor = { id: assessor.id, roles: ['assessor', 'approver'] };
    let refusal: unknown;
    try {
      send(proposed.snapshot, 'CONFIRM_SETTLEMENT', both, {});
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EngineError);
    expect((refusal as EngineError).code).toBe('four_eyes');
    const confirmed = send(proposed.snapshot, 'CONFIRM_SETTLEMENT', approver, {});
    expect(confirmed.state).toBe('settled');
    expect(applicationView(def, confirmed.snapshot).amounts.settledCents).toBe(110_000);
    expect(confirmed.effects).toContainEqual({
      type: 'document',
      kind: 'settlement',
      template: 'settlement',
    });
  });

  test('the second person may send it back instead', () => {
    const proposed = send(reported(), 'SETTLE', assessor, { amountCents: 110_000 });
    const back = send(proposed.snapshot, 'RETURN', approver, { message: 'Onderbouw de kosten.' });
    expect(back.state).toBe('report_submitted');
  });
});
