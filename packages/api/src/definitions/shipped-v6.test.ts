/**
 * What version 6 of the shipped bewonersinitiatief changes against version 5 (published, never
 * changed): Rotterdam's rule that the applicant is 18 or older (shared/notes/domain.md) is asked
 * as a statement to tick on the last page, so no application reaches SUBMIT without it. The
 * klein buurtbudget has no such rule and stays at version 5.
 */
import { formJsonSchema, validateDefinition, validateFormData } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import { newestShipped, readShippedDefinitions } from './definitions.repository';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

const v5 = shippedFile('bewonersinitiatief', 5);
const v6 = shippedFile('bewonersinitiatief', 6);

describe('bewonersinitiatief version 6', () => {
  test('is valid and shipped; the klein buurtbudget has no version 6 of this change', async () => {
    expect(v6.version).toBe(6);
    expect(validateDefinition(v6).problems).toEqual([]);
    const shipped = await readShippedDefinitions();
    for (const [key, versions] of Object.entries(SHIPPED_VERSIONS)) {
      expect(shipped.filter((d) => d.key === key).map((d) => d.version)).toEqual(versions);
    }
    // Newer versions follow it (shipped-received-date.test.ts).
    expect(newestShipped(shipped, 'bewonersinitiatief')?.version).toBeGreaterThanOrEqual(6);
    expect(newestShipped(shipped, 'klein-buurtbudget')?.version).toBeGreaterThanOrEqual(5);
  });

  test('asks the applicant to state she is 18 or older, and refuses a form without it', () => {
    const data = onlyFormFields(v6, demoFormData(new Date('2026-03-02T10:00:00Z')));
    expect(validateFormData(v6, data).issues).toEqual([]);
    const { adult: _, ...without } = data;
    const missing = validateFormData(v6, without).issues;
    expect(missing.map((p) => [p.path, p.text.nl])).toEqual([
      ['data.adult', 'Vink aan: Ik ben 18 jaar of ouder.'],
    ]);
    const unticked = validateFormData(v6, { ...data, adult: false }).issues;
    expect(unticked.map((p) => p.path)).toEqual(['data.adult']);
    // The desk fills it in for her, and reads it as a statement about her.
    const adult = v6.form.fields.find((f) => f.key === 'adult')!;
    expect(adult.staffLabel).toEqual({
      nl: 'De aanvrager is 18 jaar of ouder.',
      en: 'The applicant is 18 or older.',
    });
    const schema = formJsonSchema(v6) as { properties: Record<string, object> };
    expect(schema.properties.adult).toMatchObject({ type: 'boolean' });
  });

  test('changes nothing else', () => {
    const expected = structuredClone(v5);
    expected.version = 6;
    const payment = expected.form.pages!.find((p) => p.key === 'payment')!;
    payment.fields.push('adult');
    payment.intro = v6.form.pages!.find((p) => p.key === 'payment')!.intro;
    expected.form.fields.push(v6.form.fields.find((f) => f.key === 'adult')!);
    expect(v6).toEqual(expected);
  });
});
