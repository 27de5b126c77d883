import type { TemplateVariable } from './templates';

/**
 * The variables that carry words a person typed with a step (a motivation, the question of a
 * request to supplement, a decision's conditions), as opposed to values the system formats.
 */
export const FREE_TEXT_VARIABLES = [
  'motivation',
  'message',
  'conditions',
] as const satisfies readonly TemplateVariable[];

/** Spaces, tabs and other blanks inside a line; not the no-break spaces someone put on purpose. */
const BLANKS = /[^\S\n\u00a0\u2007\u202f]+/g;

/**
 * Free text as a letter or mail prints it: a run of spaces or tabs inside a line becomes one
 * space, each line loses the spaces at its ends, at most one empty line separates two
 * paragraphs, and the text starts and ends with words. The person's line breaks stay. What was
 * typed is stored as typed; only the letter and mail read the tidied text.
 */
export function tidyFreeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(BLANKS, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The variables with every free text (FREE_TEXT_VARIABLES) tidied; the others as they are. */
export function withTidyFreeText<T extends Partial<Record<string, string>>>(variables: T): T {
  const tidied: Record<string, string | undefined> = { ...variables };
  for (const name of FREE_TEXT_VARIABLES) {
    const value = tidied[name];
    if (typeof value === 'string') tidied[name] = tidyFreeText(value);
  }
  return tidied as T;
}
