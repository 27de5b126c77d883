import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function problems(mutate: (def: Json) => void, code: string) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def).problems.filter((p) => p.code === code);
}

describe('a malformed placeholder, in words', () => {
  test('names the mail by its subject in the reader’s language, its placeholders in words', () => {
    const [p, ...more] = problems((d) => {
      d.templates.mails.acknowledgement.en.body = 'Reference {{ reference }.';
    }, 'malformed_placeholder');
    expect(more).toEqual([]);
    expect(p?.path).toBe('templates.mails.acknowledgement.en.body');
    expect(p?.text).toEqual({
      nl: 'De mail “Wij hebben uw aanvraag ontvangen («kenmerk»)” (tekst, Engels) bevat {{ reference }: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.',
      en: 'The mail “We have received your application («reference»)” (text, English) contains {{ reference }: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.',
    });
  });

  test('a subject missing in the reader’s language: never English on a Dutch screen, no key', () => {
    const [p] = problems((d) => {
      d.templates.mails.acknowledgement.nl.subject = '';
      d.templates.mails.acknowledgement.nl.body = 'Kenmerk {reference}.';
    }, 'malformed_placeholder');
    // A Dutch reader reads which mail in Dutch words; an English one the Dutch subject, if any.
    expect(p?.text?.nl).toMatch(/^De mail zonder Nederlands onderwerp \(tekst, Nederlands\)/);
    expect(p?.text?.nl).not.toContain('We have received');
    expect(p?.text?.en).toMatch(/^The mail “We have received your application \(«reference»\)”/);
    const [e] = problems((d) => {
      d.templates.mails.acknowledgement.en.subject = '';
      d.templates.mails.acknowledgement.nl.body = 'Kenmerk {reference}.';
    }, 'malformed_placeholder');
    expect(e?.text?.en).toMatch(/^The mail “Wij hebben uw aanvraag ontvangen \(«reference»\)”/);
    const [q] = problems((d) => {
      d.templates.mails.acknowledgement.nl.subject = '';
      d.templates.mails.acknowledgement.en.subject = '';
      d.templates.mails.acknowledgement.nl.body = 'Kenmerk {reference}.';
    }, 'malformed_placeholder');
    expect(q?.text?.en).toMatch(/^The mail without a subject \(text, Dutch\)/);
    expect(q?.text?.en).not.toContain('acknowledgement');
  });
});
