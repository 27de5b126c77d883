import type { WorkflowDefinition } from '@initiatief/engine';
import {
  ATTACHMENTS_STEP,
  hasAttachmentsField,
  type Locale,
  pagesOf,
  REVIEW_STEP,
} from './form-pages';
import { slugify } from './slugify';

// The last part of a form page's address is a word people can read and say on the phone, made
// from the page's title in the interface's language ("Betaalgegevens": /bewerken/betaalgegevens),
// never the definition's key for the page (a code). The steps the form adds itself have a word
// in each language, as the rest of the app's addresses do (router/route-words.ts).

const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The words of the steps the form adds itself (their titles: Bijlagen, Controleren en versturen). */
export const FIXED_STEP_WORDS: Readonly<Record<string, Record<Locale, string>>> = {
  [ATTACHMENTS_STEP]: { nl: 'bijlagen', en: 'attachments' },
  [REVIEW_STEP]: { nl: 'controleren', en: 'check' },
};

export { slugify };

/** Each step's address word, in both languages, and which step each word names. */
interface StepAddresses {
  of: Record<Locale, Map<string, string>>;
  owner: Map<string, string>;
}

const cache = new WeakMap<WorkflowDefinition, StepAddresses>();

/**
 * Every step's word in each language, unique within the definition across both languages (a word
 * names one step, whatever the language it was read in): a title whose word is taken gets `-2`,
 * `-3` ("Kosten", "Kosten": kosten, kosten-2); one that gives no word at all (no letter of a-z)
 * `pagina-<n>` / `page-<n>` by its place. The form's own steps have their words first
 * (bijlagen/attachments, controleren/check): a page titled so gets a number.
 */
function addressesOf(def: WorkflowDefinition): StepAddresses {
  const known = cache.get(def);
  if (known) return known;
  const owner = new Map<string, string>();
  const of: StepAddresses['of'] = { nl: new Map(), en: new Map() };
  const fixed = hasAttachmentsField(def) ? [REVIEW_STEP] : [ATTACHMENTS_STEP, REVIEW_STEP];
  for (const step of fixed) {
    for (const locale of LOCALES) {
      const word = FIXED_STEP_WORDS[step]![locale];
      owner.set(word, step);
      of[locale].set(step, word);
    }
  }
  const pages = pagesOf(def);
  for (const locale of LOCALES) {
    pages.forEach((page, i) => {
      const base =
        slugify(page.title[locale] ?? '') || `${locale === 'nl' ? 'pagina' : 'page'}-${i + 1}`;
      let word = base;
      for (let n = 2; (owner.get(word) ?? page.key) !== page.key; n++) word = `${base}-${n}`;
      owner.set(word, page.key);
      of[locale].set(page.key, word);
    });
  }
  const made = { of, owner };
  cache.set(def, made);
  return made;
}

/** The word of a step (a page's key, ATTACHMENTS_STEP, REVIEW_STEP) in an address in `locale`. */
export function addressOf(def: WorkflowDefinition, locale: Locale, step: string): string {
  return addressesOf(def).of[locale].get(step) ?? step;
}

/**
 * The step an address's last part names: a page's word in either language (one shared from the
 * other language opens the same page), a page's key (addresses from before the words), or the
 * word as typed with capitals and accents ("Betaalgegevens"). Anything else comes back as it is,
 * for `stepFor` to lead to the first step. A word wins over a key that happens to spell it.
 */
export function stepOfAddress(def: WorkflowDefinition, segment: string): string {
  const { owner } = addressesOf(def);
  const byWord = owner.get(segment);
  if (byWord) return byWord;
  if (pagesOf(def).some((p) => p.key === segment)) return segment;
  return owner.get(slugify(segment)) ?? segment;
}
