import { describe, expect, test } from 'vitest';
import { SHIPPED_KEYS, shippedJson } from '../test/fixtures';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function textProblems(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def).problems.filter((p) => p.code === 'missing_translation');
}

describe('every text in Dutch and English', () => {
  test('the shipped workflows have both languages everywhere', () => {
    for (const key of SHIPPED_KEYS)
      expect(
        validateDefinition(shippedJson(key)).problems.filter(
          (p) => p.code === 'missing_translation',
        ),
      ).toEqual([]);
  });

  test('a question without English is named by its label, at the English box', () => {
    const found = textProblems((d) => {
      d.form.fields.push({
        key: 'aantalVrijwilligers',
        type: 'integer',
        label: { nl: 'Aantal vrijwilligers', en: '' },
        required: false,
      });
      d.form.pages.at(-1).fields.push('aantalVrijwilligers');
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe(`form.fields.${found[0]!.path.split('.')[2]}.label.en`);
    expect(found[0]!.text).toEqual({
      nl: 'Vraag ‘Aantal vrijwilligers’: de Engelse tekst ontbreekt.',
      en: 'Question ‘Aantal vrijwilligers’: the English text is missing.',
    });
  });

  test('Dutch-only help, an empty English name of a time limit and a subject are problems', () => {
    const found = textProblems((d) => {
      d.form.fields[0].help = { nl: 'Kort en duidelijk', en: ' ' };
      const delay = Object.keys(d.delays)[0]!;
      d.delays[delay].label = { nl: '10 dagen vóór de uiterste beslisdatum', en: '' };
      const mail = Object.keys(d.templates.mails)[0]!;
      d.templates.mails[mail].en.subject = '';
    });
    const nl = found.map((p) => p.text!.nl);
    expect(nl).toContainEqual(
      expect.stringMatching(/^Vraag ‘.+’, uitleg: de Engelse tekst ontbreekt\.$/),
    );
    expect(nl).toContain(
      'Termijn ‘10 dagen vóór de uiterste beslisdatum’: de Engelse tekst ontbreekt.',
    );
    expect(nl).toContainEqual(
      expect.stringMatching(/^Mail ‘.+’, onderwerp: de Engelse tekst ontbreekt\.$/),
    );
  });

  test('a page’s title for staff without English is named by the page, at the English box', () => {
    const found = textProblems((d) => {
      d.form.pages[0].staffTitle = { nl: 'Het initiatief', en: ' ' };
    });
    expect(found.map((p) => [p.path, p.text!.nl, p.text!.en])).toEqual([
      [
        'form.pages.0.staffTitle.en',
        'Pagina ‘Uw initiatief’, titel voor medewerkers: de Engelse tekst ontbreekt.',
        'Page ‘Your initiative’, title for staff: the English text is missing.',
      ],
    ]);
    // Absent is fine: the page's title is the heading for everyone.
    expect(textProblems((d) => delete d.form.pages[0].staffTitle)).toEqual([]);
  });

  test('a question’s label for staff without Dutch is named by the question, at the Dutch box', () => {
    const found = textProblems((d) => {
      d.form.fields[0].staffLabel = { nl: '', en: 'Name of the initiative' };
    });
    expect(found.map((p) => [p.path, p.text!.nl, p.text!.en])).toEqual([
      [
        'form.fields.0.staffLabel.nl',
        'Vraag ‘Naam van uw initiatief’, vraag voor medewerkers: de Nederlandse tekst ontbreekt.',
        'Question ‘Name of your initiative’, question for staff: the Dutch text is missing.',
      ],
    ]);
    // Absent is fine: the question's label is read by everyone.
    expect(textProblems((d) => delete d.form.fields[0].staffLabel)).toEqual([]);
  });

  test('a list’s own question’s label for staff is checked too, named under the list', () => {
    const found = textProblems((d) => {
      const list = d.form.fields.find((f: Json) => f.key === 'budgetLines');
      list.fields[1].staffLabel = { nl: 'Bedrag', en: '  ' };
    });
    expect(found.map((p) => [p.path.replace(/^form\.fields\.\d+/, 'list'), p.text!.en])).toEqual([
      [
        'list.fields.1.staffLabel.en',
        'Question ‘Budget’ › Question ‘Amount’, question for staff: the English text is missing.',
      ],
    ]);
  });

  test('a question without Dutch is named by its place on the Dutch screen, never in English', () => {
    let english = '';
    const found = textProblems((d) => {
      english = d.form.fields[1].label.en;
      d.form.fields[1].label.nl = '';
    });
    expect(english).not.toBe('');
    expect(found.map((p) => [p.path, p.text!.nl, p.text!.en])).toEqual([
      [
        'form.fields.1.label.nl',
        'Vraag 2: de Nederlandse tekst ontbreekt.',
        `Question ‘${english}’: the Dutch text is missing.`,
      ],
    ]);
  });

  test('a step’s name in the history without English is named by the step, at the English box', () => {
    const found = textProblems((d) => {
      d.events.SUPPLEMENT.historyLabel = { nl: 'Aanvulling gestuurd', en: ' ' };
    });
    expect(found.map((p) => [p.path, p.text!.nl, p.text!.en])).toEqual([
      [
        'events.SUPPLEMENT.historyLabel.en',
        'Stap ‘Aanvullen’, naam in de geschiedenis: de Engelse tekst ontbreekt.',
        'Step ‘Supplement’, name in the history: the English text is missing.',
      ],
    ]);
    const dutch = textProblems((d) => {
      d.events.REQUEST_INFO.historyLabel = { nl: '', en: 'More information requested' };
    });
    expect(dutch.map((p) => [p.path, p.text!.nl])).toEqual([
      [
        'events.REQUEST_INFO.historyLabel.nl',
        'Stap ‘Om aanvulling vragen’, naam in de geschiedenis: de Nederlandse tekst ontbreekt.',
      ],
    ]);
    // Absent is fine: the history names the step by its label, as older versions read.
    expect(textProblems((d) => delete d.events.SUPPLEMENT.historyLabel)).toEqual([]);
    // Both languages given: no problem.
    expect(
      textProblems((d) => {
        d.events.SUPPLEMENT.historyLabel = {
          nl: 'Aanvulling gestuurd',
          en: 'Additional information sent',
        };
      }),
    ).toEqual([]);
  });

  test('a missing Dutch text is named too', () => {
    const found = textProblems((d) => {
      d.title.nl = '';
    });
    expect(found.map((p) => [p.path, p.text!.nl])).toEqual([
      ['title.nl', 'Naam van de regeling: de Nederlandse tekst ontbreekt.'],
    ]);
  });
});
