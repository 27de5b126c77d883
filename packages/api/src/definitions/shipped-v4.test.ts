/**
 * What version 4 of the shipped workflows changes against version 3 (which is published and never
 * changes): a page of the form whose title speaks to the resident ("Uw initiatief") has a title
 * for everyone else who reads its answers (`staffTitle`: "Het initiatief"), the heading on the
 * case page and wherever the desk or a helper reads them for the applicant. Nothing else.
 */
import { validateDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { readShippedDefinitions } from './definitions.repository';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

/** The staff titles version 4 adds, by page. */
const STAFF_TITLES: Record<string, Record<string, { nl: string; en: string }>> = {
  bewonersinitiatief: { initiative: { nl: 'Het initiatief', en: 'The initiative' } },
  'klein-buurtbudget': { activity: { nl: 'De activiteit', en: 'The activity' } },
};
const SECOND_PERSON = { nl: /\b(uw|u)\b/i, en: /\b(your|you)\b/i };

describe.each(Object.keys(STAFF_TITLES))('%s version 4', (key) => {
  const v3 = shippedFile(key, 3);
  const v4 = shippedFile(key, 4);
  const pages = v4.form.pages ?? [];

  test('is valid, and is shipped after version 3 (later versions follow it: shipped-v5 and v6.test.ts)', async () => {
    expect(v4.version).toBe(4);
    expect(validateDefinition(v4).problems).toEqual([]);
    const shipped = (await readShippedDefinitions()).filter((d) => d.key === key);
    expect(shipped.map((d) => d.version)).toEqual(SHIPPED_VERSIONS[key]);
  });

  test('every page whose title speaks to the resident has a title for staff, which does not', () => {
    const staffTitles = Object.fromEntries(
      pages.filter((p) => p.staffTitle).map((p) => [p.key, p.staffTitle]),
    );
    expect(staffTitles).toEqual(STAFF_TITLES[key]);
    for (const page of pages) {
      const speaksToResident = (['nl', 'en'] as const).some((l) =>
        SECOND_PERSON[l].test(page.title[l]),
      );
      if (!speaksToResident) continue;
      for (const l of ['nl', 'en'] as const)
        expect(page.staffTitle?.[l], `${page.key} ${l}`).toMatch(/\S/);
      expect(page.staffTitle!.nl).not.toMatch(SECOND_PERSON.nl);
      expect(page.staffTitle!.en).not.toMatch(SECOND_PERSON.en);
    }
  });

  test('changes nothing else', () => {
    const expected = structuredClone(v3);
    expected.version = 4;
    for (const page of expected.form.pages ?? []) {
      const staffTitle = STAFF_TITLES[key]?.[page.key];
      if (staffTitle) page.staffTitle = staffTitle;
    }
    expect(v4).toEqual(expected);
  });
});
