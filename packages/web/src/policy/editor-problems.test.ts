import { validateDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../workflows/bewonersinitiatief/definition.v2.json';
import newest from '../../../../workflows/bewonersinitiatief/definition.v5.json';
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

describe('a problem in a list’s own question', () => {
  const budget = () => {
    const def = structuredClone(newest) as typeof newest;
    const list = def.form.fields.find((f) => f.key === 'budgetLines')!;
    const index = def.form.fields.indexOf(list);
    return { def, fields: list.fields!, base: `form.fields.${index}.fields` };
  };

  it('names a missing English label by the list’s label and the question’s', () => {
    const { def, fields, base } = budget();
    fields[0]!.label.en = '';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'missing_translation')!;
    expect(pr.path).toBe(`${base}.0.label.en`);
    expect(problemSentence(pr, def, 'nl')).toBe(
      'Vraag ‘Begroting’ › Vraag ‘Omschrijving’: de Engelse tekst ontbreekt.',
    );
    expect(problemSentence(pr, def, 'en')).toBe(
      'Question ‘Budget’ › Question ‘Omschrijving’: the English text is missing.',
    );
  });

  it('names limits that cannot be by the list and the question, never by their keys', () => {
    const { def, fields, base } = budget();
    Object.assign(fields[0]!, { minLength: 50, maxLength: 10 });
    const pr = validateDefinition(def).problems.find((p) => p.code === 'bad_limits')!;
    expect(pr.path).toBe(`${base}.0`);
    expect(problemSentence(pr, def, 'nl')).toBe(
      'Begroting › Omschrijving: het minimum is groter dan het maximum.',
    );
    expect(problemSentence(pr, def, 'en')).toBe(
      'Budget › Description: the minimum is larger than the maximum.',
    );
  });
});

describe('a problem in a choice list’s choices', () => {
  it('names words of the wrong shape by the question and the choice, never by its value', () => {
    const def = structuredClone(newest) as typeof newest & { form: { fields: object[] } };
    def.form.fields.push({
      key: 'soortActiviteit',
      type: 'select',
      label: { nl: 'Soort activiteit', en: 'Kind of activity' },
      options: ['moestuin'],
      optionLabels: { moestuin: { nl: 'Moestuin', en: 7 } },
    });
    const pr = validateDefinition(def).problems[0]!;
    expect(pr.code).toBe('invalid_shape');
    expect(problemSentence(pr, def, 'nl')).toBe(
      'Soort activiteit › Moestuin: deze waarde kan niet.',
    );
  });
});
