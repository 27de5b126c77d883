import { validateDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../workflows/bewonersinitiatief/definition.v2.json';
import newest from '../../../../workflows/bewonersinitiatief/definition.v5.json';
import { ApiError } from '../api/client';
import { problemSentence } from './editor-problems';
import { refusalText, unstorableProblems } from './editor-unstorable';

describe('a problem in words', () => {
  it('names a mail with a malformed placeholder by its subject, never by its key', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.mails.acknowledgement.nl.body = 'Kenmerk {{ reference }}.';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'malformed_placeholder')!;
    const nl = problemSentence(pr, def, 'nl');
    expect(nl).toBe(
      'De mail “Wij hebben uw aanvraag ontvangen («kenmerk»)” (tekst, Nederlands) bevat {{ reference }}: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.',
    );
    expect(problemSentence(pr, def, 'en')).not.toContain('acknowledgement');
    expect(problemSentence(pr, def, 'en')).toBe(
      'The mail “We have received your application («reference»)” (text, Dutch) contains {{ reference }}: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.',
    );
  });

  it('names a decision letter without the objection period by its subject, never by its key', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.letters.rejection.en.body = 'You get no grant.';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'house_objection_clause')!;
    expect(problemSentence(pr, def, 'nl')).toMatch(
      /^De besluitbrief ‘Besluit: subsidie afgewezen voor «titel» \(«kenmerk»\)’ .* in de tekst \(Engels\)\.$/,
    );
    expect(problemSentence(pr, def, 'en')).toMatch(
      /^The decision letter ‘Decision: grant refused for «title» \(«reference»\)’ .* in its text \(English\)\.$/,
    );
    expect(problemSentence(pr, def, 'nl')).not.toContain('rejection');
  });
});

describe('a mail’s problem says which mail, which part and which language, in words', () => {
  it('an unknown placeholder in a subject: the mail by its subject with its placeholders in words', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.mails.acknowledgement.nl.subject =
      'Wij hebben uw aanvraag ontvangen ({{reference}}) {{huisnummer}}';
    const pr = validateDefinition(def).problems.find((p) => p.code === 'unknown_variable')!;
    expect(problemSentence(pr, def, 'nl')).toBe(
      'Mail ‘Wij hebben uw aanvraag ontvangen («kenmerk») {{huisnummer}}’ (onderwerp, Nederlandse tekst): {{huisnummer}} is geen bekend invulveld. Kies een invulveld uit de lijst.',
    );
  });

  it('a NUL character in a subject is a problem of the check, named by the mail', () => {
    const def = structuredClone(shipped) as typeof shipped;
    def.templates.mails.acknowledgement.nl.subject = 'Ontvangen\u0000 ({{reference}})';
    const [pr, ...more] = unstorableProblems(def);
    expect(more).toEqual([]);
    expect(pr!.path).toBe('templates.mails.acknowledgement.nl.subject');
    expect(problemSentence(pr!, def, 'nl')).toBe(
      'Mail ‘Ontvangen («kenmerk»)’ (onderwerp, Nederlandse tekst) bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.',
    );
    expect(unstorableProblems(shipped)).toEqual([]);
  });

  it('a refused save names the text by the API’s field path, else says so in a whole sentence', () => {
    const def = structuredClone(shipped) as typeof shipped;
    const refused = (name: string) =>
      new ApiError({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: '',
        instance: '',
        code: 'malformed_request',
        invalidParams: [
          {
            name,
            reason:
              'bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.',
          },
        ],
      });
    expect(
      refusalText(refused('definition.templates.mails.acknowledgement.nl.subject'), def, 'nl'),
    ).toBe(
      'Het concept is niet opgeslagen. Mail ‘Wij hebben uw aanvraag ontvangen («kenmerk»)’ (onderwerp, Nederlandse tekst) bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.',
    );
    const unplaced = refusalText(refused('(body)'), def, 'nl')!;
    expect(unplaced).toMatch(/^Het concept is niet opgeslagen: .*\.$/);
    expect(unplaced).not.toMatch(/opnieuw laden|Laad de pagina/i);
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
