/**
 * Version 10 of the bewonersinitiatief and version 9 of the klein buurtbudget: a title quoted in a
 * letter or mail reads ‘Buurtfeest’ instead of "Buurtfeest" (typographic quotes, as the PDF font
 * draws them: letters/letter.quotes.test.ts), and the term in days of a request for more
 * information is for staff only (`x-audience: 'staff'`): the resident reads its due date in her
 * letter, not "Termijn voor de aanvulling (dagen): 14" in her history. Nothing else changed;
 * earlier versions are published and stay as they are.
 */
import { isStaffOnly, renderTemplate, validateDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { historyForViewer } from '../applications/history.visibility';
import { shippedFile } from './shipped-versions.fixture';

const PAIRS = [
  ['bewonersinitiatief', 9, 10],
  ['klein-buurtbudget', 8, 9],
] as const;

type Text = { subject: string; body: string };
type Templates = Record<'letters' | 'mails', Record<string, Record<'nl' | 'en', Text>>>;

/** The term in days of the request for more information, as the file holds it. */
const termOf = (def: unknown) =>
  (def as { events: Record<string, { payload?: { properties?: Record<string, unknown> } }> }).events
    .REQUEST_INFO?.payload?.properties?.periodDays;

const templatesOf = (def: unknown) => (def as { templates: Templates }).templates;

function* texts(def: unknown): Generator<[string, string]> {
  for (const [kind, byKey] of Object.entries(templatesOf(def))) {
    for (const [key, byLanguage] of Object.entries(byKey)) {
      for (const [language, text] of Object.entries(byLanguage)) {
        yield [`${kind}.${key}.${language}.subject`, text.subject];
        yield [`${kind}.${key}.${language}.body`, text.body];
      }
    }
  }
}

/** The old definition as the new one should read it: version, quotes and the one mark. */
function expectedFrom(old: unknown, version: number): unknown {
  const copy = structuredClone(old) as {
    version: number;
    events: Record<string, { payload?: { properties?: Record<string, Record<string, unknown>> } }>;
  };
  copy.version = version;
  for (const byKey of Object.values(templatesOf(copy))) {
    for (const byLanguage of Object.values(byKey)) {
      for (const text of Object.values(byLanguage)) {
        text.subject = text.subject.replaceAll('"{{title}}"', '‘{{title}}’');
        text.body = text.body.replaceAll('"{{title}}"', '‘{{title}}’');
      }
    }
  }
  const term = copy.events.REQUEST_INFO?.payload?.properties?.periodDays;
  if (term) term['x-audience'] = 'staff';
  return copy;
}

describe.each(PAIRS)('%s: version %i to %i', (key, before, after) => {
  const old = shippedFile(key, before);
  const next = shippedFile(key, after);

  test('the new version is valid and numbered as its file', () => {
    expect(next.version).toBe(after);
    expect(validateDefinition(next).problems).toEqual([]);
  });

  test('nothing changed but the quotes around the title and the staff-only term', () => {
    expect(next).toEqual(expectedFrom(old, after));
    // The change is not empty: the old one quoted straight, the new one has no straight quote left.
    expect([...texts(old)].some(([, t]) => t.includes('"{{title}}"'))).toBe(true);
    for (const [where, text] of texts(next)) expect(text, where).not.toContain('"');
  });

  test('a quoted title reads with typographic quotes', () => {
    const rejection = templatesOf(next).letters.rejection!;
    const vars = { title: 'Buurtfeest Afrikaanderwijk' };
    expect(renderTemplate(rejection.nl.body, vars)).toContain('‘Buurtfeest Afrikaanderwijk’');
    expect(renderTemplate(rejection.en.body, vars)).toContain('‘Buurtfeest Afrikaanderwijk’');
  });

  test('the resident reads the question asked, not the term in days; staff read both', () => {
    expect(isStaffOnly(termOf(next))).toBe(true);
    expect(isStaffOnly(termOf(old))).toBe(false);
    const row = {
      event: 'REQUEST_INFO',
      from_state: 'submitted',
      to_state: 'info_requested',
      payload: { message: 'Wilt u de offerte van de springkussens sturen?', periodDays: 14 },
    };
    expect(historyForViewer(next, [row], { roles: ['applicant'] })[0]?.payload).toEqual({
      message: 'Wilt u de offerte van de springkussens sturen?',
    });
    expect(historyForViewer(next, [row], { roles: ['assessor'] })[0]?.payload).toEqual(row.payload);
    // The previous version still shows the term to everyone who reads the history.
    expect(historyForViewer(old, [row], { roles: ['applicant'] })[0]?.payload).toEqual(row.payload);
  });
});
