import { describe, expect, test } from 'vitest';
import type { Actor, Facts, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { applicant, approver, assessor, loadShippedDefinition, T0 } from '../test/fixtures';
import { applicationView } from './application-view';
import { createApplication, step } from './runtime';

// The second shipped workflow: a short form without supporters, at most the regulation's
// maximum (EUR 1,500), a 4-week decision term, and settlement with the grant.
const def = loadShippedDefinition('klein-buurtbudget');
const facts: Facts = {
  regulation: {
    maxAmountCents: 150_000,
    decisionTermWeeks: 4,
    directSettlementThresholdCents: 150_000,
    reportDueWeeks: 12,
  },
  budgetRemainingCents: 1_000_000,
};
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

function data(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Buurtbarbecue Spangen',
    description: 'Een barbecue voor de hele straat, met spelletjes voor de kinderen.',
    district: 'Delfshaven',
    activityDate: '2026-04-25',
    budgetLines: [
      { description: 'Vlees en groenten', amountCents: 60_000 },
      { description: 'Springkussen', amountCents: 35_050 },
    ],
    iban: 'NL91 ABNA 0417 1643 00',
    accountHolder: 'A. de Vries',
    contactPhone: '010 123 45 67',
    ...overrides,
  };
}

function send(
  snapshot: PersistedSnapshot,
  type: string,
  who = applicant,
  payload?: unknown,
  n = 0,
) {
  return step(def, snapshot, { type, payload }, { now: day(n), actor: who, facts });
}

function refusal(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('klein buurtbudget', () => {
  test('the form has no supporters and its own fields, on four pages', () => {
    const keys = def.form.fields.map((f) => f.key);
    expect(keys).not.toContain('supporters');
    expect(keys).toEqual(expect.arrayContaining(['iban', 'accountHolder', 'contactPhone']));
    expect(def.form.pages?.map((p) => p.title.nl)).toEqual([
      'Uw activiteit',
      'Kosten',
      'Betaalgegevens',
      'Contact',
    ]);
  });

  test('apply, assess, grant: settled at once, money committed and paid, one decision letter', () => {
    const draft = createApplication(def, { now: T0, actor: applicant, facts, data: data() });
    const submitted = send(draft.snapshot, 'SUBMIT');
    expect(submitted.state).toBe('submitted');
    // Four weeks from Tuesday 3 March 2026.
    expect(applicationView(def, submitted.snapshot, T0).clock.decisionDueOn).toBe('2026-03-31');
    const assessed = send(
      submitted.snapshot,
      'ASSESS',
      assessor,
      { recommendation: 'grant', motivation: 'Leuk voor de straat.' },
      3,
    );
    expect(assessed.state).toBe('assessed');
    const granted = send(assessed.snapshot, 'GRANT', approver, {}, 4);
    expect(granted.state).toBe('settled');
    expect(granted.snapshot.status).toBe('done');
    expect(granted.effects).toEqual(
      expect.arrayContaining([
        { type: 'budget.reserve', amountCents: 95_050 },
        { type: 'budget.commit', amountCents: 95_050 },
        { type: 'payment', kind: 'settlement', amountCents: 95_050 },
        { type: 'document', kind: 'grant', template: 'grant_direct' },
        { type: 'notice', template: 'decision', audience: 'applicant' },
      ]),
    );
    const view = applicationView(def, granted.snapshot, day(4), facts);
    expect(view.amounts).toMatchObject({ grantedCents: 95_050, settledCents: 95_050 });
    expect(view.tags).toEqual(['closed', 'granted']);
    expect(view.deadlines.map((d) => d.key)).toEqual(['objection']);
  });

  test('more than the regulation allows is refused with a sentence in euros', () => {
    const draft = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: data({
        budgetLines: [
          { description: 'Podium', amountCents: 100_000 },
          { description: 'Geluid', amountCents: 50_001 },
        ],
      }),
    });
    const e = refusal(() => send(draft.snapshot, 'SUBMIT'));
    expect(e.guard).toBe('amountAtMost');
    expect(e.issues?.[0]?.text.nl).toBe(
      'Het totaal van Begroting (€ 1.500,01) is hoger dan het maximum van de regeling (€ 1.500,00).',
    );
  });

  test('the four-eyes principle holds: the assessor cannot also grant', () => {
    const draft = createApplication(def, { now: T0, actor: applicant, facts, data: data() });
    const submitted = send(draft.snapshot, 'SUBMIT');
    const actor: Actor = { id: 'u-both', roles: ['assessor', 'approver'] };
    const assessed = send(
      submitted.snapshot,
      'ASSESS',
      actor,
      { recommendation: 'grant', motivation: 'Prima.' },
      1,
    );
    expect(refusal(() => send(assessed.snapshot, 'GRANT', actor, {}, 2)).code).toBe('four_eyes');
  });
});
