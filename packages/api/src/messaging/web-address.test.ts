/**
 * The web app's addresses the API writes in mails and letters are in the reader's language: the
 * words of the table the web's router reads (@initiatief/engine, routes/route-words.ts), so an
 * English mail links /applications/<id> and a Dutch one /aanvragen/<id>.
 */
import { ROUTE_WORDS } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { sampleLetter } from '../letters/letter.fixture';
import { renderLetterHtml } from '../letters/letter.html';
import { finishedLetter } from '../letters/letter.links';
import { composeMail } from './mail.compose';
import { mailRow } from './messaging.plan';
import type { OutboxRow } from './messaging.table';
import { webAddress } from './web-address';

const WEB = 'https://initiatief.rotterdam.example';
const ID = '00000000-0000-4000-8000-000000000002';

describe('webAddress', () => {
  it('says the route’s words in the language, its values as they are', () => {
    expect(webAddress(WEB, '/aanvragen/:id', 'nl', { id: ID })).toBe(`${WEB}/aanvragen/${ID}`);
    expect(webAddress(WEB, '/aanvragen/:id', 'en', { id: ID })).toBe(`${WEB}/applications/${ID}`);
    expect(webAddress(`${WEB}/`, '/behandeling/:id', 'en', { id: ID })).toBe(`${WEB}/cases/${ID}`);
    expect(webAddress(WEB, '/wachtwoord-instellen', 'en')).toBe(`${WEB}/set-password`);
    expect(webAddress(WEB, '/account-bevestigen', 'en')).toBe(`${WEB}/confirm-account`);
    expect(webAddress(WEB, '/inloggen', 'nl')).toBe(`${WEB}/inloggen`);
    // A value that spells a route word stays itself; one with a slash is one part.
    expect(webAddress(WEB, '/aanvragen/:id', 'en', { id: 'aanvragen' })).toBe(
      `${WEB}/applications/aanvragen`,
    );
    expect(webAddress(WEB, '/aanvragen/:id', 'en', { id: 'a/b' })).toBe(
      `${WEB}/applications/a%2Fb`,
    );
    expect(() => webAddress(WEB, '/aanvragen/:id', 'en')).toThrow(/:id/);
  });

  it('uses the web router’s table, not a copy', () => {
    expect(webAddress(WEB, '/steunen', 'en')).toBe(`${WEB}/${ROUTE_WORDS.steunen}`);
  });
});

/** A mail about the application, as a job writes it, read back as the worker composes it. */
function composed(language: 'nl' | 'en', audience: 'applicant' | 'staff') {
  const row = mailRow({
    applicationId: ID,
    to: { email: 'bewoner@rotterdam.example', name: 'Ayşe Yıldız-Çelik' },
    audience,
    language,
    template: 'shell.test_notice',
    text: { subject: 'Bericht', body: 'Open uw aanvraag hier: {{applicationUrl}}' },
    from: { sender: undefined },
    now: new Date('2026-03-02T09:00:00Z'),
  });
  const stored = {
    ...row,
    status: 'pending',
    attempts: 0,
    last_error: null,
    claimed_by: null,
    claimed_at: null,
    sent_at: null,
  } as unknown as OutboxRow;
  const mail = composeMail(stored, null, {
    from: 'noreply@rotterdam.example',
    publicUrl: WEB,
    staffMailbox: 'staff@rotterdam.example',
    attachLetters: false,
  });
  return `${String(mail.text)}\n${String(mail.html)}`;
}

describe('the application’s link in a mail', () => {
  it('Dutch words in a Dutch mail, English words in an English one', () => {
    const nl = composed('nl', 'applicant');
    expect(nl).toContain(`${WEB}/aanvragen/${ID}`);
    expect(nl).not.toContain('/applications/');
    const en = composed('en', 'applicant');
    expect(en).toContain(`${WEB}/applications/${ID}`);
    expect(en).not.toContain('/aanvragen/');
    expect(en).not.toContain('{{');
  });

  it('staff go to the case page, in their language', () => {
    expect(composed('nl', 'staff')).toContain(`${WEB}/behandeling/${ID}`);
    const en = composed('en', 'staff');
    expect(en).toContain(`${WEB}/cases/${ID}`);
    expect(en).not.toContain('/behandeling/');
  });
});

describe('the application’s link in a letter', () => {
  const withLink = (language: 'nl' | 'en') => {
    const content = sampleLetter({ language });
    content.paragraphs = [...content.paragraphs, 'Uw aanvraag: {{applicationUrl}}'];
    return content;
  };

  it('the PDF’s text and the HTML page link in the letter’s language', () => {
    for (const [language, word, other] of [
      ['nl', 'aanvragen', 'applications'],
      ['en', 'applications', 'aanvragen'],
    ] as const) {
      const content = withLink(language);
      const finished = finishedLetter({ id: 'doc', application_id: ID, content }, WEB, true);
      expect(finished.paragraphs.at(-1)).toBe(`Uw aanvraag: ${WEB}/${word}/${ID}`);
      const html = renderLetterHtml(content, {
        documentId: 'doc',
        publicUrl: WEB,
        applicationId: ID,
      });
      expect(html).toContain(`<a href="${WEB}/${word}/${ID}">`);
      expect(html).not.toContain(`/${other}/`);
    }
  });
});
