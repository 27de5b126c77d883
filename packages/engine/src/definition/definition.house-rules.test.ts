import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function broken(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def);
}

function house(result: ReturnType<typeof validateDefinition>, code: string) {
  return result.problems.filter((p) => p.code === code);
}

describe('rules of the house', () => {
  test('the shipped workflow keeps them', () => {
    expect(validateDefinition(shippedJson()).problems).toEqual([]);
  });

  test('the applicant may not send a decision event', () => {
    const result = broken((d) => d.events.GRANT.roles.push('applicant'));
    expect(result.ok).toBe(false);
    const [p] = house(result, 'house_decision_role');
    expect(p?.path).toBe('events.GRANT.roles');
    expect(p?.text?.nl).toBe(
      'De stap ‘Verlenen’ in de status ‘Beoordeeld’ neemt een besluit of verplaatst geld, en mag daarom niet door de aanvrager worden gezet.',
    );
    expect(p?.text?.en).toContain('‘Grant’');
  });

  test('nor a desk clerk a money event, nor anyone skip from draft to granted', () => {
    const pay = broken((d) => d.events.PAY_ADVANCE.roles.push('clerk'));
    expect(house(pay, 'house_decision_role')[0]?.text?.en).toContain(
      'may not be sent by a desk clerk',
    );
    const skip = broken((d) => (d.states.draft.on.SUBMIT.target = 'granted'));
    expect(house(skip, 'house_decision_role').map((p) => p.path)).toEqual(['events.SUBMIT.roles']);
    expect(house(skip, 'house_decision_letter')[0]?.text?.nl).toContain('‘Indienen’');
  });

  test('the four-eyes pair between assessing and deciding stays', () => {
    const result = broken((d) => {
      d.states.assessed.on.REJECT.guard = undefined;
    });
    const [p] = house(result, 'house_four_eyes');
    expect(p?.path).toBe('states.assessed.on.REJECT.guard');
    expect(p?.text?.nl).toBe(
      'De stap ‘Afwijzen’ in de status ‘Beoordeeld’ neemt het besluit, maar sluit niet uit dat dezelfde persoon ook ‘Beoordelen’ deed (vier-ogenprincipe).',
    );
    // Naming an event that is not the assessment does not count.
    const other = broken((d) => {
      d.states.assessed.on.GRANT[0].guard[0].params.event = 'REQUEST_INFO';
    });
    expect(house(other, 'house_four_eyes').map((p) => p.path)).toEqual([
      'states.assessed.on.GRANT.0.guard',
    ]);
  });

  test('a state waiting for a decision has the decision clock', () => {
    const result = broken((d) => {
      delete d.states.assessed.after.decisionTerm;
      delete d.states.assessed.after.decisionWarning;
    });
    const [p] = house(result, 'house_decision_clock');
    expect(p?.path).toBe('states.assessed.after');
    expect(p?.text?.en).toBe(
      'In the state ‘Assessed’ the application waits for a decision, but no decision term runs: give the state a time limit of the kind ‘decision due’.',
    );
  });

  test('a decision goes out as a letter with the objection clause', () => {
    const noClause = broken((d) => {
      d.templates.letters.rejection.nl.body = 'U krijgt geen subsidie.';
    });
    const [p] = house(noClause, 'house_objection_clause');
    expect(p?.path).toBe('templates.letters.rejection.nl.body');
    expect(p?.text?.nl).toContain('{{objectionDeadline}}');
    expect(p?.text?.nl).toContain('‘Afwijzen’');
    // The letter by its subject and the text by its language, in words: no key, no code.
    expect(p?.text).toEqual({
      nl: 'De besluitbrief ‘Besluit: subsidie afgewezen voor «titel» («kenmerk»)’ van de stap ‘Afwijzen’ in de status ‘Beoordeeld’ noemt de bezwaartermijn niet: zet {{objectionDeadline}} in de tekst (Nederlands).',
      en: 'The decision letter ‘Decision: grant refused for «title» («reference»)’ of the step ‘Reject’ in the state ‘Assessed’ does not state the objection period: put {{objectionDeadline}} in its text (Dutch).',
    });
    const both = broken((d) => {
      d.templates.letters.rejection.nl.body = 'U krijgt geen subsidie.';
      d.templates.letters.rejection.en.body = 'You get no grant.';
    });
    expect(house(both, 'house_objection_clause')[0]?.text?.nl).toMatch(
      /in de tekst \(Nederlands en Engels\)\.$/,
    );

    const noLetter = broken((d) => {
      d.states.assessed.on.REJECT.actions = d.states.assessed.on.REJECT.actions.filter(
        (a: Json) => a.type !== 'issueDocument',
      );
    });
    const [q] = house(noLetter, 'house_decision_letter');
    expect(q?.path).toBe('states.assessed.on.REJECT.actions');
    expect(q?.text?.en).toBe(
      'The step ‘Reject’ in the state ‘Assessed’ takes a decision without sending a decision letter.',
    );
  });

  test('every state that is not final has a way to a final state, said in words', () => {
    const result = broken((d) => {
      d.states.report_submitted.on = { SUBMIT_REPORT: 'report_submitted' };
    });
    const p = house(result, 'no_path_to_final').find((x) => x.path === 'states.report_submitted');
    expect(p?.text?.nl).toBe(
      'Vanuit de status ‘Verantwoording ingediend’ kan een aanvraag nooit afgerond worden: er is geen weg naar een eindstatus.',
    );
  });

  test('a name not yet translated is said in the other language, never as its code', () => {
    const result = broken((d) => {
      d.states.report_submitted.on = { SUBMIT_REPORT: 'report_submitted' };
      d.states.report_submitted.meta.label.en = '';
      d.events.GRANT.label.en = '';
      d.events.GRANT.roles.push('applicant');
    });
    const p = house(result, 'no_path_to_final').find((x) => x.path === 'states.report_submitted');
    expect(p?.text?.en).toBe(
      'From the state ‘Verantwoording ingediend’ an application can never be finished: there is no way to a final state.',
    );
    expect(house(result, 'house_decision_role')[0]?.text?.en).toMatch(/^The step ‘Verlenen’ /);
  });
});
