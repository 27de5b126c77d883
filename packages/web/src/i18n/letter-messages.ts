/**
 * The words around a letter shown on a page in another language than the letter's: a letter
 * stays in the language it was sent in (it is the legal document). Dutch first and English with
 * the same keys; a sibling of messages.ts, read with `useLetterText`.
 */
import { useI18n } from './i18n';

const nl = {
  /** After the letter's name in a list: "(brief in het Engels: …)". */
  'sentIn.nl': 'brief in het Nederlands',
  'sentIn.en': 'brief in het Engels',
  /** On the letter's own page. */
  'isIn.nl': 'Deze brief is in het Nederlands, de taal waarin wij hem verstuurden.',
  'isIn.en': 'Deze brief is in het Engels, de taal waarin wij hem verstuurden.',
};

const en: Record<LetterTextKey, string> = {
  'sentIn.nl': 'letter in Dutch',
  'sentIn.en': 'letter in English',
  'isIn.nl': 'This letter is in Dutch, the language we sent it in.',
  'isIn.en': 'This letter is in English, the language we sent it in.',
};

export type LetterTextKey = keyof typeof nl;
export const letterMessages: Record<'nl' | 'en', Record<LetterTextKey, string>> = { nl, en };

/** The texts in the page's language: `l('sentIn.nl')`. */
export function useLetterText() {
  const i18n = useI18n();
  const l = (key: LetterTextKey) => letterMessages[i18n.locale][key];
  return { ...i18n, l };
}
