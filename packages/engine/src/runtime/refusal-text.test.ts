/**
 * A refused step is said in words: the step and the state by their labels in the definition, in
 * Dutch and English, and no code of the definition in a sentence (the codes stay in `allowed`).
 */
import { describe, expect, test } from 'vitest';
import type { Actor, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { applicant, assessor, facts, loadShippedDefinition, T0 } from '../test/fixtures';
import { submittedSnapshot } from '../test/lifecycle';
import { filesClosedText, ROLE_WORDS, rolesOnlyText } from './refusal-text';
import { step, updateApplicationData } from './runtime';

const def = loadShippedDefinition();

function refusal(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function send(snapshot: PersistedSnapshot, type: string, actor: Actor, payload?: unknown) {
  return step(def, snapshot, { type, payload }, { now: T0, actor, facts });
}

/** Every event and state code of the definition, as a whole word (labels differ in case). */
function codesIn(sentence: string, d: WorkflowDefinition): string[] {
  return [...Object.keys(d.events), ...Object.keys(d.states)].filter((code) =>
    new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`).test(sentence),
  );
}

function expectWords(err: EngineError, words: { nl: string[]; en: string[] }) {
  expect(err.text).toBeDefined();
  for (const w of words.nl) expect(err.text!.nl).toContain(`"${w}"`);
  for (const w of words.en) expect(err.text!.en).toContain(`"${w}"`);
  expect(err.message).toBe(err.text!.en);
  expect(codesIn(err.text!.nl, def)).toEqual([]);
  expect(codesIn(err.text!.en, def)).toEqual([]);
}

describe('refusals name the step and the state by their labels', () => {
  test('a step not possible in this state, with the steps that are', () => {
    const err = refusal(() => send(submittedSnapshot(def), 'SUBMIT', applicant));
    expect(err.code).toBe('event_not_allowed');
    expect(err.allowed).toEqual(expect.arrayContaining(['WITHDRAW']));
    expectWords(err, {
      nl: ['Indienen', 'Ingediend', 'Intrekken'],
      en: ['Submit', 'Submitted', 'Withdraw'],
    });
  });

  test('a step for another role', () => {
    const err = refusal(() =>
      send(submittedSnapshot(def), 'ASSESS', applicant, {
        recommendation: 'grant',
        motivation: 'Goed.',
      }),
    );
    expect(err.code).toBe('role_not_allowed');
    expectWords(err, { nl: ['Beoordelen', 'Ingediend'], en: ['Assess', 'Submitted'] });
    // Who may, in words; the codes stay in `roles`.
    expect(err.roles).toEqual(['assessor']);
    expect(err.text?.nl).toContain('voor een behandelaar');
    expect(err.text?.en).toContain('for an assessor');
  });

  test('four-eyes: who assessed does not also grant', () => {
    const both: Actor = { id: assessor.id, roles: ['assessor', 'approver'] };
    const assessed = send(submittedSnapshot(def), 'ASSESS', both, {
      recommendation: 'grant',
      motivation: 'Goed.',
    }).snapshot;
    const err = refusal(() => send(assessed, 'GRANT', both, {}));
    expect(err.code).toBe('four_eyes');
    expectWords(err, {
      nl: ['Beoordelen', 'Verlenen', 'Beoordeeld'],
      en: ['Assess', 'Grant', 'Assessed'],
    });
  });

  test('a form that can no longer be changed', () => {
    const err = refusal(() => updateApplicationData(def, submittedSnapshot(def), { title: 'x' }));
    expect(err.code).toBe('not_editable');
    expectWords(err, { nl: ['Ingediend'], en: ['Submitted'] });
  });

  test('a type the definition does not know is not quoted back as a step', () => {
    const err = refusal(() => send(submittedSnapshot(def), 'NO_SUCH_STEP', applicant));
    expect(err.code).toBe('event_not_allowed');
    expect(err.text?.nl).toMatch(/^Deze stap kan niet in de status "Ingediend"\./);
    expect(err.text?.en).not.toContain('NO_SUCH_STEP');
  });
});

describe('refusals outside a step, in words', () => {
  test('no files in a state that takes none: the state by its label', () => {
    const text = filesClosedText(def, 'submitted');
    expect(text.nl).toContain('"Ingediend"');
    expect(text.en).toContain('"Submitted"');
    expect(codesIn(text.nl, def)).toEqual([]);
    expect(codesIn(text.en, def)).toEqual([]);
  });

  test('a page for some roles names them in words, never by their codes', () => {
    const text = rolesOnlyText(['assessor', 'admin']);
    expect(text).toEqual({
      nl: 'Dit is alleen voor een behandelaar of een beheerder.',
      en: 'This is only for an assessor or an administrator.',
    });
    // Every role has its words in both languages (a new role without them fails here).
    for (const words of Object.values(ROLE_WORDS)) {
      expect(words.nl.trim()).not.toBe('');
      expect(words.en.trim()).not.toBe('');
    }
  });
});
