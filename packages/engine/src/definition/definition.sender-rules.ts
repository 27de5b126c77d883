/**
 * The team that sends the workflow's letters (`sender.department`) is one line of the letterhead,
 * under the municipality's name, and the signature of the shell's own texts: in both languages,
 * short enough for that line, and plain text (no line break, tab or invisible control
 * character). Each problem is a sentence that names the field as the editor labels it.
 */
import type { LocalizedText } from '../core/engine.types';
import type { WorkflowDefinition } from './definition.schema';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

/** The most characters of a team's name: what fits on one line of the letterhead. */
export const SENDER_DEPARTMENT_MAX = 60;

/** Control characters (line breaks and tabs among them) and the line and paragraph separators. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;

/** The field as the editor labels it, by the language of its text. */
const FIELD: Record<'nl' | 'en', LocalizedText> = {
  nl: { nl: 'Team dat de brieven stuurt (Nederlands)', en: 'Team that sends the letters (Dutch)' },
  en: { nl: 'Team dat de brieven stuurt (Engels)', en: 'Team that sends the letters (English)' },
};

export function checkSender(def: WorkflowDefinition, add: Add): void {
  const department = def.sender?.department;
  if (!department) return;
  for (const lang of ['nl', 'en'] as const) {
    const path = `sender.department.${lang}`;
    const where = FIELD[lang];
    const words = department[lang];
    if (words.trim() === '') {
      add(path, 'missing_translation', `${path}: the ${lang} text is empty`, {
        nl: `${where.nl}: vul de naam van het team in, zoals die in het briefhoofd staat.`,
        en: `${where.en}: fill in the team's name as it appears in the letterhead.`,
      });
      continue;
    }
    if (NOT_ONE_LINE.test(words))
      add(path, 'sender_not_one_line', `${path}: contains a line break or control character`, {
        nl: `${where.nl}: de naam bevat een regeleinde, een tab of een onzichtbaar stuurteken. Het briefhoofd heeft er één regel gewone tekst voor; typ de naam opnieuw op één regel.`,
        en: `${where.en}: the name contains a line break, a tab or an invisible control character. The letterhead has one line of plain text for it; type the name again on one line.`,
      });
    const length = [...words.trim()].length;
    if (length > SENDER_DEPARTMENT_MAX)
      add(
        path,
        'sender_too_long',
        `${path}: ${length} characters, at most ${SENDER_DEPARTMENT_MAX}`,
        {
          nl: `${where.nl}: de naam is ${length} tekens lang; op de regel in het briefhoofd passen er ten hoogste ${SENDER_DEPARTMENT_MAX}. Maak hem korter.`,
          en: `${where.en}: the name is ${length} characters long; the line in the letterhead holds at most ${SENDER_DEPARTMENT_MAX}. Make it shorter.`,
        },
      );
  }
}
