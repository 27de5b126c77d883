import type { NumberLocale } from './numbers';

// Written out rather than through Intl.ListFormat, for the reason numbers.ts gives.
/**
 * "a, b en c" in Dutch, "a, b and c" in British English (no comma before the last, as the
 * interface's dates follow en-GB too); one item alone, two joined by the word.
 */
export function formatList(items: readonly string[], locale: NumberLocale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'nl' ? 'en' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
