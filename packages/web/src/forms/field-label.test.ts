import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { shippedJson } from '../../../engine/src/test/fixtures';
import { asReadBy, fieldLabelIn } from './field-label';
import { formProblems, serverProblems } from './form-model';

const shipped = (key: string, file: 'definition.v4.json' | 'definition.v5.json') =>
  validateDefinition(shippedJson(key, file)).definition as WorkflowDefinition;
const fieldOf = (def: WorkflowDefinition, key: string) =>
  def.form.fields.find((f) => f.key === key)!;

describe('a question’s label, for its reader', () => {
  const v5 = shipped('klein-buurtbudget', 'definition.v5.json');
  const title = fieldOf(v5, 'title');

  it('is the label for the applicant: the form speaks to her', () => {
    expect(fieldLabelIn(title, false, 'nl')).toBe('Naam van uw initiatief');
    expect(fieldLabelIn(fieldOf(v5, 'photos'), false, 'en')).toBe(
      'Photos or a sketch of your plan',
    );
  });

  it('is the label for staff for anyone else, in Dutch and English', () => {
    expect(fieldLabelIn(title, true, 'nl')).toBe('Naam van het initiatief');
    expect(fieldLabelIn(title, true, 'en')).toBe('Name of the initiative');
    expect(fieldLabelIn(fieldOf(v5, 'photos'), true, 'nl')).toBe(
      "Foto's of een schets van het plan",
    );
  });

  it('is the label for everyone where the question has none for staff', () => {
    expect(fieldLabelIn(fieldOf(v5, 'iban'), true, 'nl')).toBe('IBAN-rekeningnummer');
    // Version 4 is published and never changes: staff keep reading its labels there.
    const v4 = shipped('klein-buurtbudget', 'definition.v4.json');
    expect(fieldLabelIn(fieldOf(v4, 'title'), true, 'nl')).toBe('Naam van uw initiatief');
  });

  it('falls back to the label for a language the label for staff lacks (a draft)', () => {
    const draft = { ...title, staffLabel: { nl: 'Naam van het initiatief', en: '' } };
    expect(fieldLabelIn(draft, true, 'en')).toBe('Name of your initiative');
  });
});

describe('a question as its reader reads it, for the form’s inputs', () => {
  const v5 = shipped('bewonersinitiatief', 'definition.v5.json');

  it('carries the label for staff as its label for anyone else; the applicant’s is the question', () => {
    const title = fieldOf(v5, 'title');
    expect(asReadBy(title, true).label).toEqual({
      nl: 'Naam van het initiatief',
      en: 'Name of the initiative',
    });
    expect(asReadBy(title, false)).toBe(title);
    // The same one each time, as an input gets it on every render.
    expect(asReadBy(title, true)).toBe(asReadBy(title, true));
    expect(asReadBy(fieldOf(v5, 'iban'), true).label).toEqual(fieldOf(v5, 'iban').label);
  });

  it('does so for a list’s own questions too', () => {
    const list = fieldOf(v5, 'budgetLines');
    if (list.type !== 'list') throw new Error('budgetLines is a list');
    const withOne = {
      ...list,
      fields: list.fields.map((f) =>
        f.key === 'amountCents' ? { ...f, staffLabel: { nl: 'Kosten', en: 'Costs' } } : f,
      ),
    };
    const read = asReadBy(withOne, true);
    if (read.type !== 'list') throw new Error('still a list');
    expect(read.fields.map((f) => f.label.nl)).toEqual(['Omschrijving', 'Kosten']);
  });
});

describe('the form’s errors, for its reader', () => {
  const v5 = shipped('bewonersinitiatief', 'definition.v5.json');

  it('name the question as its box does: for staff by its label for staff', () => {
    expect(formProblems(v5, {}, {}, 'nl', true).title).toBe('Naam van het initiatief ontbreekt.');
    expect(formProblems(v5, {}, {}, 'en', true).title).toBe('Name of the initiative is missing.');
    expect(formProblems(v5, {}, {}, 'nl').title).toBe('Naam van uw initiatief ontbreekt.');
    expect(formProblems(v5, {}, { title: 'Te lang.' }, 'nl', true).title).toBe(
      'Naam van het initiatief: Te lang.',
    );
  });

  it('name a field the server could not store by its label for staff too', () => {
    const error = {
      code: 'malformed_request',
      invalidParams: [{ name: 'data.title', reason: 'bevat een teken dat niet kan' }],
    };
    expect(serverProblems(v5, error, 'nl', true).title).toBe(
      'Naam van het initiatief: bevat een teken dat niet kan',
    );
    expect(serverProblems(v5, error, 'nl').title).toBe(
      'Naam van uw initiatief: bevat een teken dat niet kan',
    );
  });
});
