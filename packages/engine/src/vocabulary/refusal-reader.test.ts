import { describe, expect, test } from 'vitest';
import type { Actor, Facts, Issue } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { createApplication, step, updateApplicationData } from '../runtime/runtime';
import { applicant, clerk, completeData, facts, shippedJson, T0 } from '../test/fixtures';

// A refusal names the form's fields in the words of whoever reads it (Facts.reader): the
// applicant her own ("Naam van uw initiatief"), the desk, staff or a helper the form's words for
// staff ("Naam van het initiatief").

/** The shipped v5 with words for staff on the activity date and the supporters too. */
function definition(): WorkflowDefinition {
  const json = shippedJson('bewonersinitiatief', 'definition.v5.json') as {
    form: { fields: { key: string; staffLabel?: { nl: string; en: string } }[] };
  };
  const staffWords: Record<string, { nl: string; en: string }> = {
    activityDate: {
      nl: 'Datum van de activiteit van de bewoner',
      en: "The resident's activity date",
    },
    supporters: { nl: 'Steunbetuigingen bij de aanvraag', en: 'Supporters of the application' },
  };
  for (const field of json.form.fields) {
    if (staffWords[field.key]) field.staffLabel = staffWords[field.key];
  }
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const def = definition();

function refusal(fn: () => unknown): Issue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error.issues ?? [];
    throw error;
  }
  throw new Error('expected a refusal');
}

const texts = (issues: Issue[], locale: 'nl' | 'en') => issues.map((i) => i.text?.[locale] ?? '');

function submitRefused(actor: Actor, reader: Facts['reader']): Issue[] {
  // v5 takes the district from the regulation, not from the form.
  const { title: _t, supporters: _s, district: _d, ...rest } = completeData();
  const created = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: { ...rest, activityDate: '2026-03-05' },
  });
  return refusal(() =>
    step(
      def,
      created.snapshot,
      { type: 'SUBMIT' },
      { now: T0, actor, facts: { ...facts, reader } },
    ),
  );
}

describe("a step's refusal, in its reader's words", () => {
  test('the applicant reads her own form: the missing name, the supporters, the date', () => {
    const nl = texts(submitRefused(applicant, 'applicant'), 'nl');
    expect(nl.some((t) => t.includes('Naam van uw initiatief'))).toBe(true);
    expect(nl.some((t) => t.includes('Handtekeningen van buurtbewoners'))).toBe(true);
    expect(nl.some((t) => t.startsWith('Datum van de activiteit moet'))).toBe(true);
    expect(nl.join(' ')).not.toContain('Naam van het initiatief');
  });

  test('the desk reads the words for staff, in Dutch and English', () => {
    const issues = submitRefused(clerk, 'staff');
    const nl = texts(issues, 'nl').join(' ');
    const en = texts(issues, 'en').join(' ');
    expect(nl).toContain('Naam van het initiatief');
    expect(nl).toContain('Steunbetuigingen bij de aanvraag');
    expect(nl).toContain('Datum van de activiteit van de bewoner');
    expect(nl).not.toContain('uw initiatief');
    expect(en).toContain('Name of the initiative');
    expect(en).toContain("The resident's activity date");
  });

  test('without a reader the refusal speaks to the applicant, as before', () => {
    const nl = texts(submitRefused(applicant, undefined), 'nl').join(' ');
    expect(nl).toContain('Naam van uw initiatief');
  });

  test("an edit and a new application refuse a field in their reader's words too", () => {
    const created = createApplication(def, { now: T0, actor: applicant, facts, data: {} });
    const edit = (reader: 'applicant' | 'staff') =>
      texts(
        refusal(() =>
          updateApplicationData(def, created.snapshot, { title: 'x'.repeat(500) }, reader),
        ),
        'nl',
      ).join(' ');
    expect(edit('applicant')).toContain('Naam van uw initiatief');
    expect(edit('staff')).toContain('Naam van het initiatief');
    const atDesk = refusal(() =>
      createApplication(def, {
        now: T0,
        actor: clerk,
        facts: { ...facts, reader: 'staff' },
        data: { title: 'x'.repeat(500) },
      }),
    );
    expect(texts(atDesk, 'nl').join(' ')).toContain('Naam van het initiatief');
  });
});
