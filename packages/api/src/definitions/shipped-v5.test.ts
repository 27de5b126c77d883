/**
 * What version 5 of the shipped workflows changes against version 4 (which is published and never
 * changes): a question whose label speaks to the resident ("Naam van uw initiatief") has a label
 * for everyone else who reads its answer (`staffLabel`: "Naam van het initiatief"), on the case
 * page and wherever the desk or a helper reads or fills it in for the applicant. Nothing else.
 */
import { type FormField, fieldLabel, validateDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { newestShipped, readShippedDefinitions } from './definitions.repository';
import { shippedFile } from './shipped-versions.fixture';

const TITLE = { nl: 'Naam van het initiatief', en: 'Name of the initiative' };
/** The labels for staff version 5 adds, by question. */
const STAFF_LABELS: Record<string, Record<string, { nl: string; en: string }>> = {
  bewonersinitiatief: { title: TITLE },
  'klein-buurtbudget': {
    title: TITLE,
    photos: { nl: "Foto's of een schets van het plan", en: 'Photos or a sketch of the plan' },
  },
};
const SECOND_PERSON = { nl: /\b(uw|u)\b/i, en: /\b(your|you)\b/i };

/** Every question of a form, a list's own questions too. */
const everyField = (fields: readonly FormField[]): FormField[] =>
  fields.flatMap((f): FormField[] => (f.type === 'list' ? [f, ...f.fields] : [f]));

describe.each(Object.keys(STAFF_LABELS))('%s version 5', (key) => {
  const v4 = shippedFile(key, 4);
  const v5 = shippedFile(key, 5);

  test('is valid, and still shipped for the applications that run on it', async () => {
    expect(v5.version).toBe(5);
    expect(validateDefinition(v5).problems).toEqual([]);
    const shipped = (await readShippedDefinitions()).filter((d) => d.key === key);
    expect(shipped.find((d) => d.version === 5)).toEqual(v5);
    expect(newestShipped(shipped, key)!.version).toBeGreaterThanOrEqual(5);
  });

  test('every question whose label speaks to the resident has a label for staff, which does not', () => {
    const fields = everyField(v5.form.fields);
    const staffLabels = Object.fromEntries(
      fields.filter((f) => f.staffLabel).map((f) => [f.key, f.staffLabel]),
    );
    expect(staffLabels).toEqual(STAFF_LABELS[key]);
    for (const field of fields) {
      const speaksToResident = (['nl', 'en'] as const).some((l) =>
        SECOND_PERSON[l].test(field.label[l]),
      );
      if (!speaksToResident) continue;
      for (const l of ['nl', 'en'] as const) {
        const label = fieldLabel(field, 'staff')[l];
        expect(label, `${field.key} ${l}`).toMatch(/\S/);
        expect(label, `${field.key} ${l}`).not.toMatch(SECOND_PERSON[l]);
      }
    }
  });

  test('changes nothing else', () => {
    const expected = structuredClone(v4);
    expected.version = 5;
    for (const field of expected.form.fields) {
      const staffLabel = STAFF_LABELS[key]?.[field.key];
      if (staffLabel) field.staffLabel = staffLabel;
    }
    expect(v5).toEqual(expected);
  });
});
