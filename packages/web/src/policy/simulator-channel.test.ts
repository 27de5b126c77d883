import type { Effect } from '@initiatief/engine';
import { renderTemplate } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { conditionsFor, deliveries } from './simulator-channel';

const letter: Effect = { type: 'document', kind: 'acknowledgement', template: 'receipt' };
const toApplicant: Effect = { type: 'notice', audience: 'applicant', template: 'submitted' };
const toStaff: Effect = { type: 'notice', audience: 'staff', template: 'newApplication' };
const budget: Effect = { type: 'budget.reserve', amountCents: 100 };

describe('how the trial applicant gets a step’s letters and mails', () => {
  it('one who can log in gets each mail as a mail', () => {
    expect(deliveries([letter, toApplicant, toStaff, budget], true)).toEqual([
      'letter',
      'mail',
      'mail',
      'other',
    ]);
  });

  it('one who cannot log in gets no mail: the step’s letter says it, or the mail goes by post', () => {
    expect(deliveries([letter, toApplicant, toStaff], false)).toEqual([
      'letter',
      'inLetter',
      'mail',
    ]);
    expect(deliveries([toApplicant, toStaff], false)).toEqual(['paper', 'mail']);
  });

  it('the texts’ online parts follow the choice', () => {
    const text = '{{#online}}Volg het op {{url}}.{{/online}}{{^online}}Bel 14 010.{{/online}}';
    const vars = { url: 'https://example.org' };
    expect(renderTemplate(text, vars, conditionsFor(true))).toBe(
      'Volg het op https://example.org.',
    );
    expect(renderTemplate(text, vars, conditionsFor(false))).toBe('Bel 14 010.');
  });
});
