import { DIGITS_PATTERN } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { definitionChanges } from './definition-changes';
import { diffWords, shortenDiff } from './text-diff';

const field = (key: string, nl: string, extra: Record<string, unknown> = {}) => ({
  key,
  type: 'text',
  label: { nl, en: `${nl} (en)` },
  ...extra,
});
const def = (fields: unknown[], pageFields: string[], more: Record<string, unknown> = {}) => ({
  key: 'x',
  version: 1,
  title: { nl: 'Regeling', en: 'Scheme' },
  form: {
    fields,
    pages: [
      { key: 'p1', title: { nl: 'Uw initiatief', en: 'Your initiative' }, fields: pageFields },
    ],
  },
  templates: { letters: {}, mails: {} },
  ...more,
});

describe('the changes between two versions, in words', () => {
  it('names a new question by its label, type, page and whether it is required', () => {
    const before = def([field('title', 'Naam van uw initiatief')], ['title']);
    const after = def(
      [
        field('title', 'Naam van uw initiatief'),
        field('aantalVrijwilligers', 'Aantal vrijwilligers', { type: 'integer' }),
      ],
      ['title', 'aantalVrijwilligers'],
    );
    const texts = definitionChanges(before, after, 'nl').map((c) =>
      c.kind === 'sentence' ? c.text : JSON.stringify(c),
    );
    expect(texts).toEqual([
      'Nieuwe vraag ‘Aantal vrijwilligers’ (getal, verplicht) op de pagina ‘Uw initiatief’',
    ]);
    expect(texts.join('')).not.toMatch(/[{[]|aantalVrijwilligers/);
    const en = definitionChanges(before, after, 'en');
    expect(en[0]).toEqual({
      kind: 'sentence',
      text: 'New question ‘Aantal vrijwilligers (en)’ (number, required) on the page ‘Your initiative’',
    });
  });

  it('names a statement to tick as such', () => {
    const before = def([field('title', 'Naam van uw initiatief')], ['title']);
    const after = def(
      [
        field('title', 'Naam van uw initiatief'),
        field('adult', 'Ik ben 18 jaar of ouder.', { type: 'confirm' }),
      ],
      ['title', 'adult'],
    );
    expect(definitionChanges(before, after, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Nieuwe vraag ‘Ik ben 18 jaar of ouder.’ (verklaring om aan te vinken, verplicht) op de pagina ‘Uw initiatief’',
      },
    ]);
  });

  it('says which question was removed or changed, with texts in both languages', () => {
    const before = def([field('a', 'Vraag A'), field('b', 'Vraag B')], ['a', 'b']);
    const after = def(
      [field('a', 'Vraag A', { label: { nl: 'Vraag A nieuw', en: '' }, required: false })],
      ['a'],
    );
    const texts = definitionChanges(before, after, 'nl').map((c) =>
      c.kind === 'sentence' ? c.text : '',
    );
    expect(texts).toContain(
      'Vraag ‘Vraag A nieuw’, vraag: Nederlands: “Vraag A” / Engels: “Vraag A (en)” → Nederlands: “Vraag A nieuw” / Engels: (leeg)',
    );
    expect(texts, texts.join('\n')).toContain(
      'Vraag ‘Vraag A nieuw’, verplicht: verplicht → niet verplicht',
    );
    expect(texts).toContain('Vraag ‘Vraag B’ verwijderd');
  });

  it('says when a whole number becomes a code shown without a separator, and back', () => {
    const year = field('bouwjaar', 'Bouwjaar', { type: 'integer' });
    const before = def([year], ['bouwjaar']);
    const after = def([{ ...year, display: 'code' }], ['bouwjaar']);
    expect(definitionChanges(before, after, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Vraag ‘Bouwjaar’, weergave: als aantal, met scheidingsteken → als code, zonder scheidingsteken',
      },
    ]);
    expect(definitionChanges(after, before, 'en')).toEqual([
      {
        kind: 'sentence',
        text: 'Question ‘Bouwjaar (en)’, shown: as a code, without a thousands separator → as a quantity, with a thousands separator',
      },
    ]);
  });

  it('says an amount’s limits as amounts, never cents, also in a list', () => {
    const amount = field('amountCents', 'Bedrag', { type: 'money', min: 1, max: 2_000_000 });
    const lines = (a: unknown) =>
      field('budgetLines', 'Begroting', { type: 'list', fields: [field('d', 'Omschrijving'), a] });
    const before = def([lines(amount)], ['budgetLines']);
    const after = def([lines({ ...amount, max: 250_050, min: undefined })], ['budgetLines']);
    const texts = (lang: 'nl' | 'en') =>
      definitionChanges(before, after, lang).map((c) => (c.kind === 'sentence' ? c.text : ''));
    expect(texts('nl')).toEqual([
      'Vraag ‘Begroting › Bedrag’, kleinste bedrag: €\u00a00,01 → –',
      'Vraag ‘Begroting › Bedrag’, grootste bedrag: €\u00a020.000,00 → €\u00a02.500,50',
    ]);
    expect(texts('en')).toContain(
      'Question ‘Begroting (en) › Bedrag (en)’, largest amount: €20,000.00 → €2,500.50',
    );
  });

  it('says a number of digits only in words, not as a pattern', () => {
    const kvk = field('kvk', 'KvK-nummer');
    const before = def([kvk], ['kvk']);
    const after = def([{ ...kvk, pattern: DIGITS_PATTERN }], ['kvk']);
    expect(definitionChanges(before, after, 'nl')).toEqual([
      { kind: 'sentence', text: 'Vraag ‘KvK-nummer’, patroon: – → alleen cijfers' },
    ]);
  });

  it('names a page’s new title for staff, and its removal, in both languages', () => {
    const before = def([field('title', 'Naam van uw initiatief')], ['title']);
    const staffTitle = { nl: 'Het initiatief', en: 'The initiative' };
    const after = {
      ...before,
      form: { ...before.form, pages: [{ ...before.form.pages[0]!, staffTitle }] },
    };
    expect(definitionChanges(before, after, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Pagina ‘Uw initiatief’, titel voor medewerkers: – → Nederlands: “Het initiatief” / Engels: “The initiative”',
      },
    ]);
    expect(definitionChanges(after, before, 'en')).toEqual([
      {
        kind: 'sentence',
        text: 'Page ‘Your initiative’, title for staff: Dutch: “Het initiatief” / English: “The initiative” → –',
      },
    ]);
  });

  it('names a question’s new label for staff, its change and its removal, in both languages', () => {
    const staffLabel = { nl: 'Naam van het initiatief', en: 'Name of the initiative' };
    const before = def([field('title', 'Naam van uw initiatief')], ['title']);
    const after = def([field('title', 'Naam van uw initiatief', { staffLabel })], ['title']);
    expect(definitionChanges(before, after, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Vraag ‘Naam van uw initiatief’, vraag voor medewerkers: – → Nederlands: “Naam van het initiatief” / Engels: “Name of the initiative”',
      },
    ]);
    expect(definitionChanges(after, before, 'en')).toEqual([
      {
        kind: 'sentence',
        text: 'Question ‘Naam van uw initiatief (en)’, question for staff: Dutch: “Naam van het initiatief” / English: “Name of the initiative” → –',
      },
    ]);
    const renamed = def(
      [field('title', 'Naam van uw initiatief', { staffLabel: { ...staffLabel, nl: 'Titel' } })],
      ['title'],
    );
    expect(definitionChanges(after, renamed, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Vraag ‘Naam van uw initiatief’, vraag voor medewerkers: Nederlands: “Naam van het initiatief” / Engels: “Name of the initiative” → Nederlands: “Titel” / Engels: “Name of the initiative”',
      },
    ]);
  });

  it('names a list’s own question’s label for staff under the list', () => {
    const list = (extra: Record<string, unknown>) => ({
      key: 'budgetLines',
      type: 'list',
      label: { nl: 'Begroting', en: 'Budget' },
      fields: [field('amount', 'Bedrag', extra)],
    });
    const before = def([list({})], ['budgetLines']);
    const after = def([list({ staffLabel: { nl: 'Kosten', en: 'Costs' } })], ['budgetLines']);
    expect(definitionChanges(before, after, 'en')).toEqual([
      {
        kind: 'sentence',
        text: 'Question ‘Budget › Bedrag (en)’, question for staff: – → Dutch: “Kosten” / English: “Costs”',
      },
    ]);
  });

  it('shows a sentence added at the end of a long letter as added, not a truncated opening', () => {
    const body = 'Beste {{applicantName}},\n\nWij hebben uw aanvraag ontvangen. '.repeat(5);
    const letter = (b: string) => ({
      templates: {
        letters: {
          grant: { nl: { subject: 'Besluit', body: b }, en: { subject: 'Decision', body: 'x' } },
        },
        mails: {},
      },
    });
    const items = definitionChanges(
      letter(body),
      letter(`${body}U hoort binnen 8 weken van ons.`),
      'nl',
    );
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.kind).toBe('text');
    if (item.kind !== 'text') return;
    expect(item.title).toBe('De brief ‘Besluit’, tekst (Nederlands)');
    expect(item.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      'U hoort binnen 8 weken van ons.',
    ]);
    expect(item.parts.some((p) => p.kind === 'removed')).toBe(false);
  });

  it('writes a renamed time limit as Dutch and English words, not JSON', () => {
    const before = { delays: { w: { type: 'decisionDue', params: { offsetDays: -10 } } } };
    const after = {
      delays: {
        w: {
          type: 'decisionDue',
          params: { offsetDays: -10 },
          label: { nl: '10 dagen vóór de uiterste beslisdatum', en: '' },
        },
      },
    };
    const items = definitionChanges(before, after, 'nl');
    expect(items).toEqual([
      {
        kind: 'path',
        change: {
          path: 'delays.w.label',
          before: undefined,
          after: { nl: '10 dagen vóór de uiterste beslisdatum', en: '' },
        },
      },
    ]);
  });
});

describe('a step’s name in the history among the changes', () => {
  const step = (more: Record<string, unknown> = {}) => ({
    label: { nl: 'Aanvullen', en: 'Supplement' },
    roles: ['applicant'],
    ...more,
  });
  const sent = { nl: 'Aanvulling gestuurd', en: 'Additional information sent' };

  it('is said by the step’s name, in both languages, never by its code or path', () => {
    const before = { events: { SUPPLEMENT: step() } };
    const after = { events: { SUPPLEMENT: step({ historyLabel: sent }) } };
    expect(definitionChanges(before, after, 'nl')).toEqual([
      {
        kind: 'sentence',
        text: 'Stap ‘Aanvullen’, naam in de geschiedenis: (geen: de naam van de stap) → Nederlands: “Aanvulling gestuurd” / Engels: “Additional information sent”',
      },
    ]);
    expect(definitionChanges(after, before, 'en')).toEqual([
      {
        kind: 'sentence',
        text: 'Step ‘Supplement’, name in the history: Dutch: “Aanvulling gestuurd” / English: “Additional information sent” → (none: the name of the step)',
      },
    ]);
  });

  it('a changed one beside another change of the step: each said once', () => {
    const before = { events: { SUPPLEMENT: step({ historyLabel: sent }) } };
    const after = {
      events: {
        SUPPLEMENT: step({
          historyLabel: { ...sent, nl: 'Aanvulling verstuurd' },
          roles: ['applicant', 'clerk'],
        }),
      },
    };
    const items = definitionChanges(before, after, 'nl');
    expect(items).toEqual([
      {
        kind: 'sentence',
        text: 'Stap ‘Aanvullen’, naam in de geschiedenis: Nederlands: “Aanvulling gestuurd” / Engels: “Additional information sent” → Nederlands: “Aanvulling verstuurd” / Engels: “Additional information sent”',
      },
      {
        kind: 'path',
        change: {
          path: 'events.SUPPLEMENT.roles',
          before: ['applicant'],
          after: ['applicant', 'clerk'],
        },
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('historyLabel');
  });
});

describe('a choice list’s choices among the changes', () => {
  const kind = (options: string[], optionLabels?: Record<string, { nl: string; en: string }>) =>
    field('kind', 'Soort activiteit', {
      type: 'select',
      options,
      ...(optionLabels ? { optionLabels } : {}),
    });
  const sentences = (b: unknown, a: unknown, lang: 'nl' | 'en') =>
    definitionChanges(def([b], ['kind']), def([a], ['kind']), lang).map((c) =>
      c.kind === 'sentence' ? c.text : JSON.stringify(c),
    );

  it('are said once, by their words in order, never by their values', () => {
    const before = kind(['straatfeest'], {
      straatfeest: { nl: 'Straatfeest', en: 'Street party' },
    });
    const after = kind(['moestuin', 'straatfeest'], {
      straatfeest: { nl: 'Straatfeest', en: 'Street party' },
      moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
    });
    expect(sentences(before, after, 'nl')).toEqual([
      'Vraag ‘Soort activiteit’, keuzes: Nederlands: Straatfeest / Engels: Street party → Nederlands: Moestuin, Straatfeest / Engels: Vegetable garden, Street party',
    ]);
    // Only the English words changed: still a change, in either language's list.
    const renamed = kind(['straatfeest'], {
      straatfeest: { nl: 'Straatfeest', en: 'Block party' },
    });
    expect(sentences(before, renamed, 'en')).toEqual([
      'Question ‘Soort activiteit (en)’, choices: Dutch: Straatfeest / English: Street party → Dutch: Straatfeest / English: Block party',
    ]);
  });

  it('says what a removed choice means for the applications that hold it', () => {
    const before = kind(['moestuin', 'straatfeest'], {
      straatfeest: { nl: 'Straatfeest', en: 'Street party' },
      moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
    });
    const after = kind(['moestuin'], { moestuin: { nl: 'Moestuin', en: 'Vegetable garden' } });
    expect(sentences(before, after, 'nl')).toEqual([
      'Vraag ‘Soort activiteit’, keuzes: Nederlands: Moestuin, Straatfeest / Engels: Vegetable garden, Street party → Nederlands: Moestuin / Engels: Vegetable garden',
      'Vraag ‘Soort activiteit’: ‘Straatfeest’ kan niet meer gekozen worden. Lopende aanvragen houden hun antwoord; wie ze naar deze versie verplaatst, haalt het eruit en de aanvrager kiest opnieuw.',
    ]);
    expect(sentences(before, after, 'en')[1]).toBe(
      'Question ‘Soort activiteit (en)’: ‘Street party’ can no longer be chosen. Running applications keep their answer; moving them to this version takes it out, and the applicant chooses again.',
    );
    // A choice added says nothing of the kind.
    expect(sentences(after, before, 'nl')).toHaveLength(1);
  });

  it('a list from before the words reads as its choices; words as residents read them add none', () => {
    const before = kind(['Noord', 'Zuid']);
    expect(sentences(before, kind(['Noord', 'Zuid', 'West']), 'nl')).toEqual([
      'Vraag ‘Soort activiteit’, keuzes: Noord, Zuid → Noord, Zuid, West',
    ]);
    const same = kind(['Noord', 'Zuid'], {
      Noord: { nl: 'Noord', en: 'Noord' },
      Zuid: { nl: 'Zuid', en: 'Zuid' },
    });
    expect(sentences(before, same, 'nl')).toEqual([]);
  });
});

describe('a word-level diff', () => {
  it('marks the removed and added words', () => {
    expect(diffWords('De termijn is 6 weken.', 'De termijn is 8 weken.')).toEqual([
      { kind: 'same', text: 'De termijn is ' },
      { kind: 'removed', text: '6' },
      { kind: 'added', text: '8' },
      { kind: 'same', text: ' weken.' },
    ]);
  });
  it('shortens long unchanged stretches around a change', () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const parts = shortenDiff(diffWords(`${long} einde`, `${long} nieuw einde`));
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.find((p) => p.kind === 'added')!.text.trim()).toBe('nieuw');
  });
});
