import { describe, expect, it } from 'vitest';
import { sampleReference } from './sample-reference';

/** A real reference as the API makes it (applications.statements.ts): PREFIX-YYYY-NNNNNN. */
const REAL = /^[A-Z]{2,5}-\d{4}-\d{6}$/;

describe('the reference of a sample letter', () => {
  it('says it is an example, in the letter’s language, and cannot be a real one', () => {
    expect(sampleReference('BI', 2026, 'nl')).toBe('VOORBEELD-BI-2026-000001');
    expect(sampleReference('KB', '2027', 'en', 123)).toBe('EXAMPLE-KB-2027-000123');
    for (const lang of ['nl', 'en'] as const)
      expect(sampleReference('BI', 2026, lang)).not.toMatch(REAL);
  });
});
