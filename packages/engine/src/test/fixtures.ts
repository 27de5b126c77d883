import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, Facts } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';

/** The keys of the workflows shipped in `workflows/`. */
export const SHIPPED_KEYS = ['bewonersinitiatief', 'klein-buurtbudget'] as const;

/** A shipped definition, read from disk (tests may do I/O; the engine itself never does). */
export function loadShippedDefinition(key: string = 'bewonersinitiatief'): WorkflowDefinition {
  const result = validateDefinition(shippedJson(key));
  if (!result.ok || !result.definition) {
    throw new Error(`shipped definition ${key} invalid: ${JSON.stringify(result.problems)}`);
  }
  return result.definition;
}

/** A shipped workflow's file: version 1 (`definition.json`) unless another file is named. */
export function shippedJson(
  key: string = 'bewonersinitiatief',
  file:
    | 'definition.json'
    | 'definition.v2.json'
    | 'definition.v3.json'
    | 'definition.v4.json'
    | 'definition.v5.json' = 'definition.json',
): unknown {
  const path = fileURLToPath(new URL(`../../../../workflows/${key}/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const facts: Facts = {
  regulation: {
    maxAmountCents: 1_000_000,
    decisionTermWeeks: 8,
    directSettlementThresholdCents: 50_000,
    reportDueWeeks: 12,
    settlementFourEyesAboveCents: 100_000,
  },
  budgetRemainingCents: 5_000_000,
};

export const applicant: Actor = { id: 'u-applicant', roles: ['applicant'] };
export const clerk: Actor = { id: 'u-clerk', roles: ['clerk'] };
export const assessor: Actor = { id: 'u-assessor', roles: ['assessor'] };
export const approver: Actor = { id: 'u-approver', roles: ['approver'] };
export const system: Actor = { id: 'system', roles: ['system'] };

/** Tuesday 3 March 2026, 10:00 in Amsterdam. */
export const T0 = new Date('2026-03-03T09:00:00Z');

export function completeData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Straatfeest Zwaanshals',
    description: 'Een straatfeest voor alle buren met muziek, eten en spelletjes voor de kinderen.',
    district: 'Noord',
    activityDate: '2026-06-13',
    location: 'Zwaanshals, Rotterdam',
    expectedParticipants: 150,
    budgetLines: [
      { description: 'Geluid', amountCents: 45_000 },
      { description: 'Tenten', amountCents: 80_000 },
    ],
    supporters: [
      { name: 'An', postcode: '3035 KB', age: 34 },
      { name: 'Bram', postcode: '3035 KC', age: 16 },
      { name: 'Cees', postcode: '3035 KD', age: 70 },
      { name: 'Dilan', postcode: '3035 KE', age: 25 },
    ],
    iban: 'NL91 ABNA 0417 1643 00',
    ...overrides,
  };
}

/** A complete form for a shipped workflow: the bewonersinitiatief's, or the klein buurtbudget's. */
export function completeDataFor(key: string): Record<string, unknown> {
  if (key !== 'klein-buurtbudget') return completeData();
  const { location: _l, expectedParticipants: _e, supporters: _s, ...rest } = completeData();
  return { ...rest, accountHolder: 'A. de Vries', contactPhone: '010 123 45 67' };
}
