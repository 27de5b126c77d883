import { describe, expect, it } from 'vitest';
import { decisionAfterActivity } from '../../../engine/src/runtime/warnings';
import { messages } from '../i18n/messages';
import { warningWords } from './warning-words';

const txIn = (locale: 'nl' | 'en') => (key: string, fallback: string) =>
  (messages[locale] as Record<string, string>)[key] ?? fallback;

const SECOND_PERSON = { nl: /\b(uw|u)\b/i, en: /\b(your|you)\b/i };

describe('a warning in words for its reader', () => {
  const warning = decisionAfterActivity('2026-04-28', '2026-04-14');

  it('keeps the resident’s own wording for the resident', () => {
    const nl = warningWords(warning, false, 'nl', txIn('nl'));
    expect(nl.title).toBe('Het besluit kan pas na uw activiteit komen.');
    expect(nl.text).toBe(warning.text.nl);
    const en = warningWords(warning, false, 'en', txIn('en'));
    expect(en.title).toBe('The decision may only come after your activity.');
    expect(en.text).toBe(warning.text.en);
  });

  it('speaks of the applicant’s activity to staff, in Dutch and English', () => {
    const nl = warningWords(warning, true, 'nl', txIn('nl'));
    expect(nl.title).toBe('Het besluit kan pas na de activiteit van de aanvrager komen.');
    expect(nl.text).toContain('na de activiteit van de aanvrager op 14 april 2026');
    const en = warningWords(warning, true, 'en', txIn('en'));
    expect(en.title).toBe("The decision may only come after the applicant's activity.");
    expect(en.text).toContain("after the applicant's activity on 14 April 2026");
    for (const [locale, words] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      expect(words.title).not.toMatch(SECOND_PERSON[locale]);
      expect(words.text).not.toMatch(SECOND_PERSON[locale]);
    }
  });

  it('every warning has a staff title in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      const keys = Object.keys(messages[locale]).filter((k) => /^warning\.[a-z_]+$/.test(k));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const staff = (messages[locale] as Record<string, string>)[`${key}.staff`];
        expect(staff, `${locale} ${key}.staff`).toBeTruthy();
        expect(staff).not.toMatch(SECOND_PERSON[locale]);
      }
    }
  });
});
