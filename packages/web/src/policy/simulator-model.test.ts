import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  allowedEvents,
  createApplication,
  type Effect,
  EngineError,
  type Facts,
  step,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import {
  type DrawnFrom,
  dataIssues,
  drawnText,
  fieldGroups,
  readData,
  refusalWords,
  stepIssues,
} from './simulator-model';
import { sampleDataFor } from './simulator-sample';

const shipped = (key: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../workflows/${key}/definition.json`, import.meta.url)),
      'utf8',
    ),
  ) as WorkflowDefinition;

describe('the simulator’s trial application', () => {
  it('groups the form’s fields under its pages, in their order, and keeps a field on no page', () => {
    const def = shipped('klein-buurtbudget');
    const groups = fieldGroups(def, 'en');
    const pages = def.form.pages ?? [];
    expect(groups.map((g) => g.title)).toEqual(pages.map((p) => p.title.en));
    expect(groups.flatMap((g) => g.fields.map((f) => f.key))).toEqual(
      pages.flatMap((p) => p.fields),
    );

    def.form.fields.push({ key: 'extra', type: 'text', label: { nl: 'Extra', en: 'Extra' } });
    const last = fieldGroups(def, 'nl').at(-1);
    expect(last).toMatchObject({ title: '' });
    expect(last?.fields.map((f) => f.key)).toEqual(['extra']);
  });

  it('reads the JSON view only as an object', () => {
    expect(readData('{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
    expect(readData('[1]').ok).toBe(false);
    expect(readData('{"a": ').ok).toBe(false);
  });

  it('puts the engine’s refusal at the fields, in the officer’s language', () => {
    const def = shipped('bewonersinitiatief');
    const data = sampleDataFor(def, '2026-12-01');
    const list = def.form.requestedAmount?.list ?? '';
    const field = def.form.requestedAmount?.field ?? '';
    (data[list] as Record<string, unknown>[])[1]![field] = 'veel';
    let issues: EngineError['issues'] = [];
    try {
      createApplication(def, {
        now: new Date('2026-12-01T09:00:00Z'),
        actor: { id: 'sim', roles: ['applicant'] },
        facts: {
          regulation: {
            maxAmountCents: 100_000,
            decisionTermWeeks: 8,
            directSettlementThresholdCents: 0,
            reportDueWeeks: 12,
          },
          budgetRemainingCents: 1_000_000,
        },
        data,
      });
    } catch (err) {
      if (err instanceof EngineError) issues = err.issues;
    }
    const payload = {
      path: 'payload.amountCents',
      message: 'is required',
      text: { nl: '', en: '' },
    };
    const atFields = dataIssues([...(issues ?? []), payload], 'en');
    expect(Object.keys(atFields)).toEqual([`${list}.1.${field}`]);
    expect(atFields[`${list}.1.${field}`]).toMatch(/line 2/);
  });
});

describe('stepIssues', () => {
  it('puts a refused step’s issue at its own field, and says the rest in words', () => {
    const text = (nl: string) => ({ nl, en: nl });
    const found = stepIssues(
      [
        { path: 'message', message: 'required', text: text('Gevraagde aanvulling ontbreekt.') },
        { path: 'message', message: 'again', text: text('Nog eens.') },
        { path: 'data.title', message: 'required', text: text('Naam ontbreekt.') },
        { path: 'amountCents', message: 'guard', text: text('Het bedrag is te hoog.') },
      ],
      ['message', 'periodDays'],
      'nl',
    );
    expect(found.fields).toEqual({ message: 'Gevraagde aanvulling ontbreekt.' });
    expect(found.other).toEqual(['Naam ontbreekt.', 'Het bedrag is te hoog.']);
  });
});

describe('refusalWords', () => {
  const def = shipped('bewonersinitiatief');
  const facts: Facts = {
    regulation: {
      maxAmountCents: 500_000,
      decisionTermWeeks: 8,
      directSettlementThresholdCents: 0,
      reportDueWeeks: 12,
    },
    budgetRemainingCents: 10_000_000,
  };
  const now = new Date('2026-12-01T09:00:00Z');
  const draft = createApplication(def, {
    now,
    actor: { id: 'sim-applicant', roles: ['applicant'] },
    facts,
    data: sampleDataFor(def, '2026-12-01'),
  }).snapshot;
  const refused = (type: string, role: 'applicant' | 'assessor'): unknown => {
    try {
      step(def, draft, { type }, { now, actor: { id: `sim-${role}`, roles: [role] }, facts });
    } catch (err) {
      return err;
    }
    throw new Error(`${type} was taken`);
  };
  /** The definition's event and state codes found as a whole word (labels differ in case). */
  const codesIn = (sentence: string) =>
    [...Object.keys(def.events), ...Object.keys(def.states)].filter((code) =>
      new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`).test(sentence),
    );

  it('says a step refused in this state by the labels of the step and the state', () => {
    const err = refused('ASSESS', 'applicant');
    const nl = refusalWords(err, 'nl') ?? '';
    const en = refusalWords(err, 'en') ?? '';
    expect(nl).toContain('"Beoordelen"');
    expect(nl).toContain('"Concept"');
    expect(en).toContain('"Assess"');
    expect(en).toContain('"Draft"');
    expect([...codesIn(nl), ...codesIn(en)]).toEqual([]);
  });

  it('says a step for another role by who may take it, in words', () => {
    const err = refused('SUBMIT', 'assessor');
    expect(refusalWords(err, 'nl')).toContain('de aanvrager');
    expect(refusalWords(err, 'en')).toContain('the applicant');
    expect(codesIn(refusalWords(err, 'nl') ?? '')).toEqual([]);
  });

  it('leaves what is no refusal of the engine to the caller', () => {
    expect(refusalWords(new Error('boom'), 'nl')).toBeNull();
  });
});

describe('drawnText', () => {
  const facts: Facts = {
    regulation: {
      maxAmountCents: 500_000,
      decisionTermWeeks: 8,
      directSettlementThresholdCents: 0,
      reportDueWeeks: 12,
    },
    budgetRemainingCents: 10_000_000,
  };
  const now = new Date('2026-12-01T09:00:00Z');
  const applicant = { id: 'sim-applicant', roles: ['applicant' as const] };
  const how = (locale: 'nl' | 'en') => ({
    locale,
    conditions: { online: true },
    applicationUrl: 'https://example.org/aanvragen',
  });

  /** The first step the applicant can take that sends a letter, taken on `def`. */
  const letterStep = (def: WorkflowDefinition): { from: DrawnFrom; key: string } => {
    const created = createApplication(def, {
      now,
      actor: applicant,
      facts,
      data: sampleDataFor(def, '2026-12-01'),
    });
    for (const ev of allowedEvents(def, created.snapshot, applicant, facts, now)) {
      const result = step(
        def,
        created.snapshot,
        { type: ev.type },
        { now, actor: applicant, facts },
      );
      const letter = result.effects.find(
        (ef): ef is Extract<Effect, { type: 'document' }> => ef.type === 'document',
      );
      if (letter)
        return {
          key: letter.template,
          from: { definition: def, snapshot: result.snapshot, facts, started: now, at: now },
        };
    }
    throw new Error('no step of the applicant sends a letter');
  };

  it('keeps a step’s letter as it was drawn, and says its text has changed since', () => {
    const then = shipped('bewonersinitiatief');
    const { from, key } = letterStep(then);
    const before = drawnText('letters', key, from, then, how('nl'));
    expect(before.changed).toBe(false);
    expect(before.body).not.toContain('Nieuwe alinea');

    const edited = structuredClone(then);
    const template = edited.templates.letters[key]!;
    template.nl.body = `Nieuwe alinea voor {{applicantName}}.\n\n${template.nl.body}`;
    template.nl.subject = 'Nieuw onderwerp';

    // The step taken before the edit: the text of then, said to have changed.
    const kept = drawnText('letters', key, from, edited, how('nl'));
    expect(kept).toEqual({ ...before, changed: true });
    // In English, whose text was not edited: drawn from then, and not changed.
    const english = drawnText('letters', key, from, edited, how('en'));
    expect(english.changed).toBe(false);
    expect(english.subject).not.toBe(before.subject);
    expect(english.body).toContain('Fatima el Amrani');

    // A step taken after the edit: the new text, filled in.
    const later = letterStep(edited);
    const fresh = drawnText('letters', key, later.from, edited, how('nl'));
    expect(fresh.changed).toBe(false);
    expect(fresh.subject).toBe('Nieuw onderwerp');
    expect(fresh.body).toMatch(/^Nieuwe alinea voor Fatima el Amrani\.\n\n/);
  });

  it('says a text taken away since has changed, and keeps the step’s text', () => {
    const then = shipped('bewonersinitiatief');
    const { from, key } = letterStep(then);
    const edited = structuredClone(then);
    delete edited.templates.letters[key];
    const kept = drawnText('letters', key, from, edited, how('nl'));
    expect(kept.changed).toBe(true);
    expect(kept).toEqual({ ...drawnText('letters', key, from, then, how('nl')), changed: true });
  });

  it('gives the trial letter a reference that says it is an example, never a real one', () => {
    const withReference = shipped('bewonersinitiatief');
    for (const pair of Object.values(withReference.templates.letters))
      for (const lang of ['nl', 'en'] as const) pair[lang].subject = 'Over {{reference}}';
    // The text is drawn from the definition the step was taken on.
    const { from, key } = letterStep(withReference);
    expect(drawnText('letters', key, from, withReference, how('nl')).subject).toBe(
      'Over VOORBEELD-BI-2026-000001',
    );
    expect(drawnText('letters', key, from, withReference, how('en')).subject).toBe(
      'Over EXAMPLE-BI-2026-000001',
    );
  });
});
