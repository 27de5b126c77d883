/**
 * The reference (kenmerk) of a letter that is only an example: the simulator's trial application
 * and a policy officer's preview. It starts with the word for "example" in the letter's language
 * ("VOORBEELD-BI-2026-000001", "EXAMPLE-BI-2026-000001"), so a sample printed or forwarded says
 * what it is; a real reference is the prefix, the year and six digits (BI-2026-000001), never
 * longer than five letters before the first hyphen, so no real application can have one.
 */
export const SAMPLE_REFERENCE_WORD = { nl: 'VOORBEELD', en: 'EXAMPLE' } as const;

export function sampleReference(
  prefix: string,
  year: string | number,
  language: 'nl' | 'en',
  number = 1,
): string {
  return `${SAMPLE_REFERENCE_WORD[language]}-${prefix}-${year}-${String(number).padStart(6, '0')}`;
}
