/**
 * Moving an application to a version that asks a new required question: the move is not refused
 * and the data stays as it is, but the explanation says, naming the question by its label, that
 * the application has no answer to it and what happens: sending it waits for the answer (a
 * draft), it carries on and is asked for it only at a supplement (submitted), or nobody asks
 * (granted). What the explanation says is what the steps afterwards do.
 */
import { describe, expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { applicant, assessor, completeData, facts, T0 } from '../test/fixtures';
import { type DefinitionJson, policyOfficer, shippedV1, shippedV2 } from '../test/migration';
import { migrate } from './migrate';
import { missingAnswers } from './migrate-missing';
import { createApplication, step } from './runtime';

const LABEL = {
  nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
  en: 'Is the activity accessible to people with a disability?',
};
const withQuestion = (d: DefinitionJson) => {
  d.form.fields.push({ key: 'accessible', type: 'yesno', label: LABEL });
  d.form.pages[0].fields.push('accessible');
};
const v2 = shippedV2(withQuestion);
const later = new Date(T0.getTime() + 86_400_000);
const move = (snapshot: PersistedSnapshot, to = v2) =>
  migrate(
    shippedV1,
    to,
    snapshot,
    {},
    { now: later, actor: policyOfficer, actorName: 'Pim Beleid', facts, timers: [] },
  );

const draft = () =>
  createApplication(shippedV1, { now: T0, actor: applicant, facts, data: completeData() }).snapshot;
const submitted = () =>
  step(shippedV1, draft(), { type: 'SUBMIT' }, { now: T0, actor: applicant, facts }).snapshot;

/** The engine's refusal of a step, or null when it is taken. */
function refusal(run: () => unknown): EngineError | null {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
}

describe('a new required question the application has no answer to', () => {
  test('a draft moves; sending it waits for the answer, and the dry run says so', () => {
    const r = move(draft());
    expect(r.state).toBe('draft');
    expect(r.snapshot.context.data.accessible).toBeUndefined();
    expect(r.explanation.missingAnswers).toEqual([
      expect.objectContaining({
        path: 'accessible',
        label: LABEL,
        asked: 'now',
        steps: ['SUBMIT'],
      }),
    ]);
    const [text] = r.explanation.missingAnswers.map((m) => m.text);
    expect(text?.nl).toBe(
      `In versie 2 is ‘${LABEL.nl}’ een verplichte vraag, en deze aanvraag heeft er geen antwoord op. Het overzetten gaat wel door; ‘Indienen’ kan pas als dat is aangevuld.`,
    );
    expect(text?.en).toContain(`‘${LABEL.en}’ is a required question`);
    expect(r.explanation.text).toContainEqual(text);
    expect(r.history.payload).toMatchObject({ explanation: expect.arrayContaining([text]) });
    // What it says is what happens: sending is refused at that question, and answered it goes.
    const refused = refusal(() =>
      step(v2, r.snapshot, { type: 'SUBMIT' }, { now: later, actor: applicant, facts }),
    );
    expect(refused?.issues?.map((i) => i.path)).toEqual(['data.accessible']);
    const answered: PersistedSnapshot = {
      ...r.snapshot,
      context: { ...r.snapshot.context, data: { ...r.snapshot.context.data, accessible: false } },
    };
    expect(
      step(v2, answered, { type: 'SUBMIT' }, { now: later, actor: applicant, facts }).state,
    ).toBe('submitted');
  });

  test('a submitted one carries on without it; only a supplement asks for it', () => {
    const r = move(submitted());
    expect(r.explanation.missingAnswers).toEqual([
      expect.objectContaining({ path: 'accessible', asked: 'later', steps: ['SUPPLEMENT'] }),
    ]);
    expect(r.explanation.missingAnswers[0]?.text.nl).toContain(
      'Het overzetten gaat wel door en de aanvraag loopt verder zonder dat antwoord: nu vraagt niemand erom. Pas als de aanvraag bij ‘Aanvullen’ komt',
    );
    // The assessor's step does not check the form: it is taken without the answer.
    const assessed = step(
      v2,
      r.snapshot,
      { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed plan.' } },
      { now: later, actor: assessor, facts },
    );
    expect(assessed.state).toBe('assessed');
  });

  test('a question of each row of a list is named inside its list, once', () => {
    const rows = shippedV2((d) => {
      const lines = d.form.fields.find((f: DefinitionJson) => f.key === 'budgetLines');
      lines.fields.push({
        key: 'supplier',
        type: 'text',
        label: { nl: 'Leverancier', en: 'Supplier' },
      });
    });
    const r = move(draft(), rows);
    expect(r.explanation.missingAnswers.map((m) => [m.path, m.text.nl.split(' een ')[0]])).toEqual([
      ['budgetLines.supplier', 'In versie 2 is ‘Leverancier’ in ‘Begroting’'],
    ]);
  });

  test('an answer it already had, or a question it already lacked, is not news', () => {
    const data = completeData({ accessible: true });
    expect(missingAnswers(shippedV1, v2, data, data, 'draft')).toEqual([]);
    const { iban: _iban, ...noIban } = completeData();
    expect(missingAnswers(shippedV1, v2, noIban, noIban, 'draft').map((m) => m.path)).toEqual([
      'accessible',
    ]);
    // An optional question asks nothing.
    const optional = shippedV2((d) => {
      withQuestion(d);
      d.form.fields.at(-1).required = false;
    });
    expect(move(draft(), optional).explanation.missingAnswers).toEqual([]);
  });

  test('where no state it can still get to checks the form, nobody asks', () => {
    expect(v2.states.granted?.tags).toContain('granted');
    const data = completeData();
    const [m] = missingAnswers(shippedV1, v2, data, data, 'granted');
    expect(m).toMatchObject({ asked: 'never', steps: [] });
    expect(m?.text.en).toBe(
      `In version 2, ‘${LABEL.en}’ is a required question, and this application has no answer to it. The move goes ahead and the application carries on without that answer: nobody is asked for it.`,
    );
  });
});
