import { describe, expect, test } from 'vitest';
import { type ApplicationWarning, decisionAfterActivity } from './warnings';

// Words that speak to the reader about her own activity, costs or risk.
const SECOND_PERSON = {
  nl: /\b(uw|u|jouw|je)\b/i,
  en: /\b(your|you)\b/i,
};

describe('a decision due after the activity, for whom it is said', () => {
  const warning = decisionAfterActivity('2026-04-28', '2026-04-14');

  test('the resident reads about her own activity, in both languages', () => {
    expect(warning.key).toBe('decision_after_activity');
    expect(warning.text.nl).toContain('tot 28 april 2026 om te beslissen');
    expect(warning.text.nl).toContain('na uw activiteit op 14 april 2026');
    expect(warning.text.nl).toContain('voor uw eigen risico');
    expect(warning.text.en).toContain('after your activity on 14 April 2026');
    expect(warning.text.en).toContain('at your own risk');
  });

  test('staff read about the applicant’s activity, with the same dates', () => {
    expect(warning.staffText.nl).toContain('tot 28 april 2026 om te beslissen');
    expect(warning.staffText.nl).toContain('na de activiteit van de aanvrager op 14 april 2026');
    expect(warning.staffText.nl).toContain('eigen risico van de aanvrager');
    expect(warning.staffText.en).toContain('until 28 April 2026 to decide');
    expect(warning.staffText.en).toContain("after the applicant's activity on 14 April 2026");
    expect(warning.staffText.en).toContain("the applicant's own risk");
  });

  test('no warning speaks to staff as if the activity were theirs', () => {
    // Every kind of warning the engine makes; a new one must say it for staff too.
    const all: ApplicationWarning[] = [warning];
    for (const w of all) {
      expect(w.staffText.nl, w.key).not.toMatch(SECOND_PERSON.nl);
      expect(w.staffText.en, w.key).not.toMatch(SECOND_PERSON.en);
      expect(w.staffText).not.toEqual(w.text);
    }
  });
});
