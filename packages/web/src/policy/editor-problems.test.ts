import { validateDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../workflows/bewonersinitiatief/definition.v2.json';
import { problemSentence } from './editor-problems';

describe('a problem in words', () => {
  it('names a mail with a malformed placeholder by its subject, never by its key', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.mails.acknowledgement.nl.body = 'Kenmerk {{ reference }}.';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'malformed_placeholder')!;
    const nl = problemSentence(pr, def, 'nl');
    expect(nl).toBe(
      'De mail “Wij hebben uw aanvraag ontvangen ({{reference}})” (tekst, Nederlands) bevat {{ reference }}: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.',
    );
    expect(problemSentence(pr, def, 'en')).not.toContain('acknowledgement');
    expect(problemSentence(pr, def, 'en')).toBe(
      'The mail “We have received your application ({{reference}})” (text, Dutch) contains {{ reference }}: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.',
    );
  });

  it('names a decision letter without the objection period by its subject, never by its key', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.letters.rejection.en.body = 'You get no grant.';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'house_objection_clause')!;
    expect(problemSentence(pr, def, 'nl')).toMatch(
      /^De besluitbrief ‘Besluit: subsidie afgewezen voor \{\{title\}\} \(\{\{reference\}\}\)’ .* in de tekst \(Engels\)\.$/,
    );
    expect(problemSentence(pr, def, 'en')).toMatch(
      /^The decision letter ‘Decision: grant refused for \{\{title\}\} \(\{\{reference\}\}\)’ .* in its text \(English\)\.$/,
    );
    expect(problemSentence(pr, def, 'nl')).not.toContain('rejection');
  });
});
