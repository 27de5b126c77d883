/**
 * The draft the definition editor holds: the definition the forms show and write, and the text
 * of the expert view (the raw JSON). Either can change it: a form's change applies to the last
 * good definition, a change of the text is parsed and, when it is a definition, the forms follow.
 *
 * Writing the whole definition (about 93 kB) as text after every key typed in a form took as long
 * as the rest of the keystroke. So a form's change leaves the text behind (`behind`), and the text
 * catches up (`catchUp`) when typing pauses, when the expert view gets the focus and before a
 * save: whoever reads or edits the text sees the definition as it is.
 */
import { changed } from './editor-sharing';
import type { DefinitionJson } from './policy-api';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

export interface Draft {
  /** The expert view's text; while `behind`, the text of an older definition. */
  text: string;
  /** The last good definition: what the forms show and change. */
  def: DefinitionJson;
  /** The text as a definition (the forms' definition while `behind`), or why it is not JSON. */
  parsed: Parsed;
  /** A form changed `def` after `text` was made. */
  behind: boolean;
}

export type DraftAction =
  /** A form's change, written as a mutation of the definition. */
  | { type: 'write'; change: (def: DefinitionJson) => void }
  /** A new text: typed in the expert view, or someone else's version loaded. */
  | { type: 'text'; text: string }
  /** The text follows the definition again; `text` when the caller already made it of `of`. */
  | { type: 'catchUp'; text?: string; of?: DefinitionJson };

/** The text of a definition as the expert view shows it. */
export const definitionText = (def: DefinitionJson): string => JSON.stringify(def, null, 2);

export function initialDraft(def: DefinitionJson): Draft {
  return { text: definitionText(def), def, parsed: { ok: true, value: def }, behind: false };
}

/** The draft's text as it is now, made only when it is behind. */
export const currentText = (draft: Draft): string =>
  draft.behind ? definitionText(draft.def) : draft.text;

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'write': {
      // Parts the change left alone keep their identity: their forms are not drawn again.
      const def = changed(draft.def, action.change);
      return { text: draft.text, def, parsed: { ok: true, value: def }, behind: true };
    }
    case 'text': {
      if (action.text === draft.text && !draft.behind) return draft;
      let parsed: Parsed;
      try {
        parsed = { ok: true, value: JSON.parse(action.text) as unknown };
      } catch (err) {
        parsed = { ok: false, message: (err as Error).message };
      }
      // Text that is not (yet) a definition leaves the forms on the last good one.
      const def =
        parsed.ok && typeof parsed.value === 'object' && parsed.value
          ? (parsed.value as DefinitionJson)
          : draft.def;
      return { text: action.text, def, parsed, behind: false };
    }
    case 'catchUp': {
      if (!draft.behind) return draft;
      const text =
        action.text !== undefined && action.of === draft.def
          ? action.text
          : definitionText(draft.def);
      return { ...draft, text, behind: false };
    }
  }
}
