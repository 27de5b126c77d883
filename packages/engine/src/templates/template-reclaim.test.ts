/**
 * Money to pay back at settlement (*terugvordering*): the last day to pay is six weeks after the
 * decision was sent (Awb 4:87), moved to a working day (Algemene termijnenwet), and a text's
 * `{{#reclaim}}` part is printed only when there is something to pay back.
 */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { paymentDeadline } from '../legal-clock/terms';
import { createApplication, step } from '../runtime/runtime';
import {
  applicant,
  approver,
  assessor,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { placeholdersInWords } from './template-names';
import { templateVariables } from './template-variables';
import {
  renderTemplate,
  sectionProblems,
  TEMPLATE_CONDITIONS,
  TEMPLATE_VARIABLES,
  valueConditions,
} from './templates';

describe('the last day to pay back (Awb 4:87)', () => {
  test('six weeks after the day the decision was sent, on the same weekday', () => {
    expect(paymentDeadline('2027-01-14').date).toBe('2027-02-25');
    expect(paymentDeadline('2027-01-14').explanation.nl).toBe(
      '6 weken na de bekendmaking van het besluit (verzonden 14 januari 2027)',
    );
  });

  test('a last day on King’s Day or a Saturday moves to the next working day', () => {
    // Sent Tuesday 16 March 2027: six weeks later is Tuesday 27 April, King's Day.
    const kingsDay = paymentDeadline('2027-03-16');
    expect(kingsDay.date).toBe('2027-04-28');
    expect(kingsDay.explanation.en).toContain('moved past');
    // Sent on a Saturday: six weeks later is a Saturday, paid by Monday.
    expect(paymentDeadline('2027-01-16').date).toBe('2027-03-01');
  });
});

describe('the reclaim section', () => {
  const TEXT =
    'Vastgesteld.{{^reclaim}} Wij betalen het binnen zes weken.{{/reclaim}}{{#reclaim}} Betaal {{reclaimAmount}} uiterlijk op {{reclaimDueDate}} op {{municipalityIban}}.{{/reclaim}} Groet';
  const VARS = {
    reclaimAmount: '€ 1.234,56',
    reclaimDueDate: '25 februari 2027',
    municipalityIban: 'NL09 BNGH 0285 1700 07',
  };

  test('is a known condition, named in both languages', () => {
    expect(TEMPLATE_CONDITIONS).toContain('reclaim');
    expect(TEMPLATE_VARIABLES).toContain('reclaimDueDate');
    expect(TEMPLATE_VARIABLES).toContain('municipalityIban');
    expect(sectionProblems(TEXT)).toEqual([]);
    expect(placeholdersInWords('{{#reclaim}}{{reclaimDueDate}}{{/reclaim}}', 'nl')).toBe(
      '«alleen als de aanvrager geld moet terugbetalen»«uiterste betaaldatum terugbetaling»«einde»',
    );
    expect(placeholdersInWords('{{^reclaim}}{{municipalityIban}}{{/reclaim}}', 'en')).toBe(
      '«only if the applicant has nothing to pay back»«municipality’s bank account (IBAN)»«end»',
    );
  });

  test('follows the letter’s values: a last day to pay back, or none', () => {
    expect(valueConditions(VARS)).toEqual({ reclaim: true, advance: false });
    expect(valueConditions({ ...VARS, reclaimDueDate: '' })).toEqual({
      reclaim: false,
      advance: false,
    });
    expect(renderTemplate(TEXT, VARS, valueConditions(VARS))).toBe(
      'Vastgesteld. Betaal € 1.234,56 uiterlijk op 25 februari 2027 op NL09 BNGH 0285 1700 07. Groet',
    );
    const none = { ...VARS, reclaimDueDate: '' };
    expect(renderTemplate(TEXT, none, valueConditions(none))).toBe(
      'Vastgesteld. Wij betalen het binnen zes weken. Groet',
    );
  });

  test('is left out when nothing says there is money to pay back', () => {
    expect(renderTemplate(TEXT, VARS)).toBe('Vastgesteld. Wij betalen het binnen zes weken. Groet');
  });
});

describe('templateVariables at settlement', () => {
  const def = loadShippedDefinition();
  const shell = {
    reference: 'BI-2026-000123',
    applicantName: 'Fatima el Amrani',
    applicationUrl: 'https://example.org/a/1',
    facts,
    municipalityIban: 'NL09 BNGH 0285 1700 07',
  };

  function settled(advanceCents: number, settledCents: number, on: Date) {
    expect(validateDefinition(def).problems).toEqual([]);
    let r = createApplication(def, { now: T0, actor: applicant, facts, data: completeData() });
    r = step(def, r.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
    r = step(
      def,
      r.snapshot,
      { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Past.' } },
      { now: T0, actor: assessor, facts },
    );
    r = step(def, r.snapshot, { type: 'GRANT', payload: {} }, { now: T0, actor: approver, facts });
    r = step(
      def,
      r.snapshot,
      { type: 'PAY_ADVANCE', payload: { amountCents: advanceCents } },
      { now: T0, actor: assessor, facts },
    );
    r = step(
      def,
      r.snapshot,
      { type: 'SUBMIT_REPORT', payload: { actualCostsCents: settledCents, report: 'Gedaan.' } },
      { now: on, actor: applicant, facts },
    );
    r = step(
      def,
      r.snapshot,
      { type: 'SETTLE', payload: { amountCents: settledCents } },
      { now: on, actor: assessor, facts },
    );
    return r.snapshot;
  }

  test('with money to pay back: its last day, six weeks from the decision', () => {
    // Settled Tuesday 16 June 2026; six weeks later is Tuesday 28 July.
    const on = new Date('2026-06-16T10:00:00Z');
    const snapshot = settled(100_000, 76_544, on);
    const nl = templateVariables(def, snapshot, { ...shell, now: on, locale: 'nl' });
    expect(nl.reclaimAmount).toBe('€ 234,56');
    expect(nl.reclaimDueDate).toBe('28 juli 2026');
    expect(nl.municipalityIban).toBe('NL09 BNGH 0285 1700 07');
    // An advance was paid before the settlement: that section is printed too.
    expect(valueConditions(nl)).toEqual({ reclaim: true, advance: true });
    const en = templateVariables(def, snapshot, { ...shell, now: on, locale: 'en' });
    expect(en.reclaimDueDate).toBe('28 July 2026');
  });

  test('with nothing to pay back: no last day, and the section is left out', () => {
    const on = new Date('2026-06-16T10:00:00Z');
    const snapshot = settled(50_000, 80_000, on);
    const nl = templateVariables(def, snapshot, { ...shell, now: on, locale: 'nl' });
    expect(nl.reclaimDueDate).toBe('');
    expect(valueConditions(nl)).toEqual({ reclaim: false, advance: true });
  });
});
