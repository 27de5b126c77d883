import type { LocalizedText } from '../core/engine.types';

/**
 * A yes/no question's answer (`yesno`) in words, as people read it on a form, in a summary or in
 * a letter: "Ja" / "Yes" for `true`, "Nee" / "No" for `false`.
 */
export function yesNoLabel(value: boolean): LocalizedText {
  return value ? { nl: 'Ja', en: 'Yes' } : { nl: 'Nee', en: 'No' };
}

const YES = new Set(['ja', 'yes']);
const NO = new Set(['nee', 'no']);

/**
 * The answer a written word gives to a yes/no question: `true` for "ja" or "yes", `false` for
 * "nee" or "no" (any case, spaces around); undefined for anything else. For an answer given in
 * other words before the question was a yes/no question (a choice list's choice "Ja").
 */
export function yesNoOf(words: string): boolean | undefined {
  const w = words.trim().toLowerCase();
  if (YES.has(w)) return true;
  if (NO.has(w)) return false;
  return undefined;
}
