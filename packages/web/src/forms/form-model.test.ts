import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { formProblems, forwardEvent, pageOfPath, pagesOf, problemsOnPage } from './form-model';

// A shipped definition as test data: the code under test must not know its names.
const def = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../workflows/bewonersinitiatief/definition.json', import.meta.url),
    ),
    'utf8',
  ),
) as WorkflowDefinition;

describe('form model from the definition', () => {
  it('every problem in the engine’s own sentence, on the page that holds its field', () => {
    const all = formProblems(def, { budgetLines: [{}] }, {}, 'nl');
    expect(all.title).toBe('Naam van uw initiatief ontbreekt.');
    expect(all['budgetLines.0.amountCents']).toBe('Begroting, regel 1: Bedrag ontbreekt.');
    const pages = pagesOf(def);
    expect(pageOfPath(pages, 'budgetLines.0.amountCents')?.key).toBe('budget');
    const first = problemsOnPage(all, pages[0]!);
    expect(Object.keys(first)).toContain('title');
    expect(Object.keys(first)).not.toContain('iban');
    expect(formProblems(def, {}, {}, 'en').title).toBe('Name of your initiative is missing.');
  });

  it('text that cannot be a value comes first, named by its label', () => {
    const all = formProblems(def, {}, { 'budgetLines.0.amountCents': 'Vul een bedrag in.' }, 'nl');
    expect(all['budgetLines.0.amountCents']).toBe('Begroting, regel 1: Bedrag: Vul een bedrag in.');
  });

  it('the forward event out of a draft is found by tags, not by name', () => {
    expect(forwardEvent(def, 'draft', ['applicant'])).toBe('SUBMIT');
    // Withdrawing also leaves the draft, but closes the application.
    expect(forwardEvent(def, 'draft', ['applicant'])).not.toBe('WITHDRAW');
    expect(forwardEvent(def, 'draft', ['assessor'])).toBeUndefined();
    expect(forwardEvent(def, 'submitted', ['applicant'])).toBeUndefined();
  });
});
