/**
 * A grant letter speaks of an advance (*voorschot*) only when one is set: the `{{#advance}}`
 * section follows the letter's own values. And it names what the payment needs: the scheme the
 * grant is given under (`{{regulationTitle}}`) and the account she gave (`{{accountIban}}`).
 */
import { describe, expect, test } from 'vitest';
import { applicantAccount } from '../form/form-fields';
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

describe('the advance section', () => {
  const TEXT =
    'Verleend.{{#advance}} Wij betalen {{advanceAmount}} vooraf op {{accountIban}}.{{/advance}}{{^advance}} Wij betalen na de vaststelling.{{/advance}} Groet';

  test('is a known condition, named in both languages', () => {
    expect(TEMPLATE_CONDITIONS).toContain('advance');
    expect(sectionProblems(TEXT)).toEqual([]);
    expect(placeholdersInWords('{{#advance}}{{accountIban}}{{/advance}}', 'nl')).toBe(
      '«alleen als er een voorschot is»«rekeningnummer (IBAN) van de aanvrager»«einde»',
    );
    expect(placeholdersInWords('{{^advance}}{{regulationTitle}}{{/advance}}', 'en')).toBe(
      '«only if there is no advance»«name of the grant scheme»«end»',
    );
  });

  test('follows the advances: an amount above nothing, in either language', () => {
    expect(valueConditions({ advanceAmount: '€ 1.234,56' }).advance).toBe(true);
    expect(valueConditions({ advanceAmount: '€0.50' }).advance).toBe(true);
    expect(valueConditions({ advanceAmount: '€ 0,00' }).advance).toBe(false);
    expect(valueConditions({ advanceAmount: '€0.00' }).advance).toBe(false);
    expect(valueConditions({ advanceAmount: '' }).advance).toBe(false);
    expect(valueConditions({}).advance).toBe(false);
  });

  test('prints one of its two parts', () => {
    const vars = { advanceAmount: '€ 800,00', accountIban: 'NL91 ABNA 0417 1643 00' };
    expect(renderTemplate(TEXT, vars, valueConditions(vars))).toBe(
      'Verleend. Wij betalen € 800,00 vooraf op NL91 ABNA 0417 1643 00. Groet',
    );
    const none = { ...vars, advanceAmount: '€ 0,00' };
    expect(renderTemplate(TEXT, none, valueConditions(none))).toBe(
      'Verleend. Wij betalen na de vaststelling. Groet',
    );
    // Nothing known: no advance is assumed.
    expect(renderTemplate(TEXT, vars)).toBe('Verleend. Wij betalen na de vaststelling. Groet');
  });
});

describe('the applicant’s account and the scheme', () => {
  const def = loadShippedDefinition();

  test('the account is the answer to the form’s IBAN question, in groups of four', () => {
    expect(TEMPLATE_VARIABLES).toContain('accountIban');
    expect(TEMPLATE_VARIABLES).toContain('regulationTitle');
    expect(applicantAccount(def, { iban: 'nl91abna0417164300' }).iban).toBe(
      'NL91 ABNA 0417 1643 00',
    );
    expect(applicantAccount(def, {}).iban).toBe('');
    expect(applicantAccount({ form: { ...def.form, fields: [] } }, { iban: 'NL91' })).toEqual({
      iban: '',
      holder: '',
    });
  });

  const shell = {
    reference: 'BI-2026-000123',
    applicantName: 'Fatima el Amrani',
    applicationUrl: 'https://example.org/a/1',
  };
  const withTitle = {
    ...facts,
    regulation: { ...facts.regulation, title: 'Bewonersinitiatieven Noord 2026' },
  };

  function granted(advanceCents: number | null) {
    const f = withTitle;
    let r = createApplication(def, { now: T0, actor: applicant, facts: f, data: completeData() });
    r = step(def, r.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts: f });
    r = step(
      def,
      r.snapshot,
      { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Past.' } },
      { now: T0, actor: assessor, facts: f },
    );
    r = step(
      def,
      r.snapshot,
      { type: 'GRANT', payload: {} },
      { now: T0, actor: approver, facts: f },
    );
    if (advanceCents !== null) {
      r = step(
        def,
        r.snapshot,
        { type: 'PAY_ADVANCE', payload: { amountCents: advanceCents } },
        { now: T0, actor: assessor, facts: f },
      );
    }
    return r.snapshot;
  }

  test('a granted application names both; the advance section follows what was paid', () => {
    const none = templateVariables(def, granted(null), {
      ...shell,
      facts: withTitle,
      now: T0,
      locale: 'nl',
    });
    expect(none.regulationTitle).toBe('Bewonersinitiatieven Noord 2026');
    expect(none.accountIban).toBe('NL91 ABNA 0417 1643 00');
    expect(valueConditions(none).advance).toBe(false);
    const paid = templateVariables(def, granted(60_000), {
      ...shell,
      facts: withTitle,
      now: T0,
      locale: 'en',
    });
    expect(paid.advanceAmount).toBe('€600.00');
    expect(valueConditions(paid).advance).toBe(true);
  });

  test('without a regulation the scheme is empty, never a made-up name', () => {
    const vars = templateVariables(def, granted(null), { ...shell, facts, now: T0, locale: 'nl' });
    expect(vars.regulationTitle).toBe('');
  });
});
