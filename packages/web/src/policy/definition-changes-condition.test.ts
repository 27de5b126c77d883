/**
 * A question asked only after certain answers (`showWhen`) in the list of changes before
 * publishing: added, changed and removed, said with the questions' labels and the answers' words.
 */
import { describe, expect, it } from 'vitest';
import { definitionChanges } from './definition-changes';

const PRIOR = {
  key: 'priorSubsidy',
  type: 'yesno',
  label: {
    nl: 'Heeft u eerder subsidie gekregen?',
    en: 'Have you had a subsidy before?',
  },
};
const KIND = {
  key: 'kind',
  type: 'select',
  label: { nl: 'Soort activiteit', en: 'Kind of activity' },
  options: ['straatfeest', 'moestuin'],
  optionLabels: {
    straatfeest: { nl: 'Straatfeest', en: 'Street party' },
    moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
  },
};
const details = (extra: Record<string, unknown> = {}) => ({
  key: 'priorDetails',
  type: 'text',
  label: { nl: 'Voor welk jaar en welk bedrag?', en: 'For which year and what amount?' },
  ...extra,
});
const def = (fields: unknown[]) => ({
  key: 'x',
  version: 1,
  title: { nl: 'Regeling', en: 'Scheme' },
  form: { fields },
  templates: { letters: {}, mails: {} },
});
const sentences = (before: unknown, after: unknown, lang: 'nl' | 'en') =>
  definitionChanges(before, after, lang).map((c) =>
    c.kind === 'sentence' ? c.text : JSON.stringify(c),
  );

describe('a question’s condition in the list of changes', () => {
  it('says when a question is asked, by the earlier question’s label and Ja or Nee', () => {
    const before = def([PRIOR, KIND, details()]);
    const after = def([PRIOR, KIND, details({ showWhen: { field: 'priorSubsidy', in: [true] } })]);
    expect(sentences(before, after, 'nl')).toEqual([
      'Vraag ‘Voor welk jaar en welk bedrag?’, wanneer gevraagd: altijd → als het antwoord op ‘Heeft u eerder subsidie gekregen?’ Ja is',
    ]);
    expect(sentences(after, before, 'en')).toEqual([
      'Question ‘For which year and what amount?’, when asked: when the answer to ‘Have you had a subsidy before?’ is Yes → always',
    ]);
  });

  it('names a choice list’s answers by their words, also for a new question', () => {
    const before = def([PRIOR, KIND]);
    const after = def([
      PRIOR,
      KIND,
      details({ showWhen: { field: 'kind', in: ['straatfeest', 'moestuin'] } }),
    ]);
    expect(sentences(before, after, 'en')).toEqual([
      'New question ‘For which year and what amount?’ (short text, required), only when the answer to ‘Kind of activity’ is Street party or Vegetable garden',
    ]);
  });
});
