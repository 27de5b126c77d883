import type { Application } from '../api/client';

/** A warning as the API sends it, in words for the resident and for staff (`staffText`). */
export type Warning = NonNullable<Application['warnings']>[number];

/**
 * What a warning means, in words for its reader: the resident reads about her own activity,
 * staff (and whoever acts for her) about the applicant's.
 */
export function warningWords(
  w: Warning,
  staff: boolean,
  locale: 'nl' | 'en',
  tx: (key: string, fallback: string) => string,
): { title: string; text: string } {
  const own = tx(`warning.${w.key}`, '');
  const text = staff ? w.staffText : w.text;
  return {
    title: staff ? tx(`warning.${w.key}.staff`, own) : own,
    text: text[locale] ?? text.nl,
  };
}
