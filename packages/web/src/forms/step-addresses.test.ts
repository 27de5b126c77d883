import { readFileSync } from 'node:fs';
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_STEP, pagesOf, REVIEW_STEP, stepFor, stepsOf } from './form-pages';
import { addressOf, slugify, stepOfAddress } from './step-addresses';

const SHIPPED = new URL(
  '../../../../workflows/bewonersinitiatief/definition.v11.json',
  import.meta.url,
);

type Titles = { nl: string; en: string };
interface Json {
  form: {
    fields: { key: string; type: string }[];
    pages: { title: Titles; fields: string[] }[];
  };
}

/** A shipped form with its pages' titles replaced, checked by the engine as a draft is. */
function withTitles(titles: Titles[], transform?: (json: Json) => void): WorkflowDefinition {
  const json: Json = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  json.form.pages.forEach((page, i) => {
    page.title = titles[i] ?? page.title;
  });
  transform?.(json);
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

describe('a title as a word in an address', () => {
  it('Dutch titles: lowercase, words joined by hyphens', () => {
    expect(slugify('Betaalgegevens')).toBe('betaalgegevens');
    expect(slugify('Uw initiatief')).toBe('uw-initiatief');
    expect(slugify('Ondersteuners uit de wijk')).toBe('ondersteuners-uit-de-wijk');
    expect(slugify('Handtekeningen van buurtbewoners')).toBe('handtekeningen-van-buurtbewoners');
  });

  it('English titles', () => {
    expect(slugify('Payment details')).toBe('payment-details');
    expect(slugify('Your initiative')).toBe('your-initiative');
  });

  it('diacritics removed, letters without a mark spelled out', () => {
    expect(slugify('Ayşe')).toBe('ayse');
    expect(slugify('Één café, één idee')).toBe('een-cafe-een-idee');
    expect(slugify('Çiğdem Öztürk')).toBe('cigdem-ozturk');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Søren Łukasz')).toBe('soren-lukasz');
    expect(slugify('IJsbaan')).toBe('ijsbaan');
    expect(slugify('Diyarbakır')).toBe('diyarbakir');
  });

  it('odd characters: one hyphen for a run, none at the ends, apostrophes dropped', () => {
    expect(slugify('  Kosten & baten (2026)!  ')).toBe('kosten-baten-2026');
    expect(slugify("Ayşe's buurt")).toBe('ayses-buurt');
    expect(slugify('Wat is ’t plan?')).toBe('wat-is-t-plan');
    expect(slugify('Bijlagen / foto’s — extra')).toBe('bijlagen-fotos-extra');
    expect(slugify('a/b\\c?d#e%f')).toBe('a-b-c-d-e-f');
    expect(slugify('🎉 Feest 🎉')).toBe('feest');
    expect(slugify('付款')).toBe('');
    expect(slugify('---')).toBe('');
  });

  it('a long title is cut at the end of a word', () => {
    const long = slugify(`${'Vrijwilligers en buurtgenoten '.repeat(4)}`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^vrijwilligers-en-buurtgenoten-.*[a-z]$/);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('the words of a definition’s steps', () => {
  const def = withTitles([]);
  const keys = pagesOf(def).map((p) => p.key);

  it('each page by its title in the language, never by its key', () => {
    const nl = keys.map((k) => addressOf(def, 'nl', k));
    const en = keys.map((k) => addressOf(def, 'en', k));
    expect(nl).toEqual(pagesOf(def).map((p) => slugify(p.title.nl)));
    expect(en).toEqual(pagesOf(def).map((p) => slugify(p.title.en)));
    expect(nl).toContain('betaalgegevens');
    expect(en).toContain('payment-details');
    expect(addressOf(def, 'nl', REVIEW_STEP)).toBe('controleren');
  });

  it('the form’s own steps have a word in each language, and either opens the step', () => {
    expect(addressOf(def, 'en', REVIEW_STEP)).toBe('check');
    expect(stepOfAddress(def, 'controleren')).toBe(REVIEW_STEP);
    expect(stepOfAddress(def, 'check')).toBe(REVIEW_STEP);
    expect(stepOfAddress(def, 'Check')).toBe(REVIEW_STEP);
    for (const locale of ['nl', 'en'] as const)
      expect(stepOfAddress(def, addressOf(def, locale, REVIEW_STEP))).toBe(REVIEW_STEP);
  });

  it('a word, a key, the other language’s word or the word as typed: the same page', () => {
    for (const key of keys) {
      expect(stepOfAddress(def, addressOf(def, 'nl', key))).toBe(key);
      expect(stepOfAddress(def, addressOf(def, 'en', key))).toBe(key);
      expect(stepOfAddress(def, key)).toBe(key);
    }
    const payment = pagesOf(def).find((p) => p.title.nl === 'Betaalgegevens')!;
    expect(stepOfAddress(def, 'Betaalgegevens')).toBe(payment.key);
    expect(stepOfAddress(def, 'Payment Details')).toBe(payment.key);
    expect(stepOfAddress(def, REVIEW_STEP)).toBe(REVIEW_STEP);
    // Not a step of this form: stepFor leads to the first.
    expect(stepOfAddress(def, 'nergens')).toBe('nergens');
    expect(stepFor(def, {}, stepOfAddress(def, 'nergens'))).toBe(stepsOf(def, {})[0]);
  });

  it('two titles giving the same word: the later gets a number', () => {
    const twins = withTitles([
      { nl: 'Kosten', en: 'Costs' },
      { nl: 'Kosten!', en: 'Costs' },
      { nl: 'Köstén', en: 'Costs' },
    ]);
    const [a, b, c] = pagesOf(twins).map((p) => p.key);
    expect([a, b, c].map((k) => addressOf(twins, 'nl', k!))).toEqual([
      'kosten',
      'kosten-2',
      'kosten-3',
    ]);
    expect([a, b, c].map((k) => addressOf(twins, 'en', k!))).toEqual([
      'costs',
      'costs-2',
      'costs-3',
    ]);
    expect(stepOfAddress(twins, 'kosten-2')).toBe(b);
    expect(stepOfAddress(twins, 'costs-3')).toBe(c);
  });

  it('one word names one page in either language', () => {
    // The English title of one page is the Dutch title of the next.
    const crossed = withTitles([
      { nl: 'Contact', en: 'Plan' },
      { nl: 'Plan', en: 'Contact' },
    ]);
    const [a, b] = pagesOf(crossed).map((p) => p.key);
    expect(addressOf(crossed, 'nl', a!)).toBe('contact');
    expect(addressOf(crossed, 'nl', b!)).toBe('plan');
    expect(addressOf(crossed, 'en', a!)).toBe('plan-2');
    expect(addressOf(crossed, 'en', b!)).toBe('contact-2');
    const words = (['nl', 'en'] as const).flatMap((l) =>
      pagesOf(crossed).map((p) => addressOf(crossed, l, p.key)),
    );
    for (const word of words)
      expect(pagesOf(crossed).map((p) => p.key)).toContain(stepOfAddress(crossed, word));
  });

  it('a page titled as a step of the form itself gets a number; a title without letters its place', () => {
    const odd = withTitles([
      { nl: 'Controleren', en: 'Check' },
      { nl: '付款', en: '—' },
    ]);
    const [a, b] = pagesOf(odd).map((p) => p.key);
    expect(addressOf(odd, 'nl', a!)).toBe('controleren-2');
    // The English title spells the review's English word: that page gets a number in English too.
    expect(addressOf(odd, 'en', a!)).toBe('check-2');
    expect(stepOfAddress(odd, 'controleren')).toBe(REVIEW_STEP);
    expect(stepOfAddress(odd, 'check')).toBe(REVIEW_STEP);
    expect(stepOfAddress(odd, 'check-2')).toBe(a);
    expect(addressOf(odd, 'nl', b!)).toBe('pagina-2');
    expect(addressOf(odd, 'en', b!)).toBe('page-2');
  });

  it('a form without files of its own keeps its attachments step’s word', () => {
    const old = withTitles([{ nl: 'Bijlagen', en: 'Attachments' }], (json) => {
      const files = json.form.fields.filter((f) => f.type === 'attachments');
      const gone = new Set(files.map((f) => f.key));
      json.form.fields = json.form.fields.filter((f) => !gone.has(f.key));
      for (const page of json.form.pages) page.fields = page.fields.filter((k) => !gone.has(k));
    });
    expect(stepsOf(old, {})).toContain(ATTACHMENTS_STEP);
    expect(addressOf(old, 'nl', ATTACHMENTS_STEP)).toBe('bijlagen');
    expect(addressOf(old, 'en', ATTACHMENTS_STEP)).toBe('attachments');
    expect(addressOf(old, 'nl', pagesOf(old)[0]!.key)).toBe('bijlagen-2');
    expect(addressOf(old, 'en', pagesOf(old)[0]!.key)).toBe('attachments-2');
    expect(stepOfAddress(old, 'bijlagen')).toBe(ATTACHMENTS_STEP);
    expect(stepOfAddress(old, 'attachments')).toBe(ATTACHMENTS_STEP);
  });
});
