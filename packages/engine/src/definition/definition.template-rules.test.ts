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
  test('names the mail by its subject in the reader’s language, never by its key', () => {
    const [p, ...more] = problems((d) => {
      d.templates.mails.acknowledgement.en.body = 'Reference {{ reference }.';
    }, 'malformed_placeholder');
    expect(more).toEqual([]);
    expect(p?.path).toBe('templates.mails.acknowledgement.en.body');
    expect(p?.text).toEqual({
      nl: 'De mail “Wij hebben uw aanvraag ontvangen ({{reference}})” (tekst, Engels) bevat {{ reference }: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.',
      en: 'The mail “We have received your application ({{reference}})” (text, English) contains {{ reference }: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.',
    });
  });

  test('a subject missing in the reader’s language: the other language’s, then the key', () => {
    const [p] = problems((d) => {
      d.templates.mails.acknowledgement.nl.subject = '';
      d.templates.mails.acknowledgement.nl.body = 'Kenmerk {reference}.';
    }, 'malformed_placeholder');
    expect(p?.text?.nl).toMatch(
      /^De mail “We have received your application \(\{\{reference\}\}\)”/,
    );
    const [q] = problems((d) => {
      d.templates.mails.acknowledgement.nl.subject = '';
      d.templates.mails.acknowledgement.en.subject = '';
      d.templates.mails.acknowledgement.nl.body = 'Kenmerk {reference}.';
    }, 'malformed_placeholder');
    expect(q?.text?.en).toMatch(/^The mail “acknowledgement” \(text, Dutch\)/);
  });
});
