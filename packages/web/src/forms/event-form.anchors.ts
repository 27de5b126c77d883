import { fieldId } from '../api/client';
import type { Locale, Localized } from './definition-text';
import { slugify } from './slugify';

// An event form's fields in the address (forms/event-form.tsx). A case page shows several event
// forms at once (an advice, a supplement asked for, a decision), and their fields may have the
// same label (Toelichting): a bare label word would be ambiguous. So a field's word starts with
// the word of its event's label, as the person reads both on the page:
// #advies-geven-toelichting. Only the form whose event it names lands on an arriving address;
// the words of both languages land (a link shared across languages), the address then says the
// word in the interface's language. The definition's keys (codes) are never the word; an old
// address with the field's id (`#f-<event>-<field>`) still lands.

const LOCALES: readonly Locale[] = ['nl', 'en'];
/** The word for a field whose label makes none. */
const QUESTION = { nl: 'vraag', en: 'question' } as const;

export interface EventAnchors {
  /** The address's word for a field of the form, in `locale`. */
  word(name: string, locale: Locale): string;
  /** The field an address's word names (its word in either language, or its id), or null. */
  nameOf(anchor: string): string | null;
}

/** The words of an event form's fields: `title` is the event's label, `labels` each field's. */
export function eventAnchors(
  type: string,
  title: Localized,
  labels: readonly (readonly [string, Localized])[],
): EventAnchors {
  const words = new Map<string, Record<Locale, string>>();
  const owner = new Map<string, string>();
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, new Set<string>()])) as Record<
    Locale,
    Set<string>
  >;
  labels.forEach(([name, label], i) => {
    const of = {} as Record<Locale, string>;
    for (const locale of LOCALES) {
      const prefix = slugify(title[locale]) || slugify(type);
      const base = `${prefix}-${slugify(label[locale]) || `${QUESTION[locale]}-${i + 1}`}`;
      let word = base;
      for (let n = 2; byLocale[locale].has(word); n++) word = `${base}-${n}`;
      byLocale[locale].add(word);
      of[locale] = word;
      if (!owner.has(word)) owner.set(word, name);
    }
    words.set(name, of);
  });
  return {
    word: (name, locale) => words.get(name)?.[locale] ?? '',
    nameOf(anchor) {
      let word: string;
      try {
        word = decodeURIComponent(anchor);
      } catch {
        return null;
      }
      const named = owner.get(word);
      if (named !== undefined) return named;
      return labels.find(([name]) => fieldId(`${type}.${name}`) === word)?.[0] ?? null;
    },
  };
}
