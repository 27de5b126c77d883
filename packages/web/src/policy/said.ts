/**
 * What a policy page says in its status line or error alert ("Concept opgeslagen om 10:42."),
 * kept as what to say (a message key and its values, the error itself), never as the finished
 * words: the words are made when the page is drawn, so switching the interface's language
 * after something was said shows it in the new language.
 */

import { useErrorText } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { type ConflictKey, useConflictText } from './draft-conflict';
import { refusalText } from './editor-unstorable';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { type ProposalMessageKey, useProposalText } from './proposal-messages';
import { type SimulatorMessageKey, useSimulatorText } from './simulator-messages';

/** A value of a message: as it is, a time of day (a Date), or something said itself. */
export type SaidValue = string | number | Date | Said;
export type SaidVars = Record<string, SaidValue>;

export type Said =
  | { policy: PolicyMessageKey; vars?: SaidVars }
  | { conflict: ConflictKey; vars?: SaidVars }
  | { proposal: ProposalMessageKey; vars?: SaidVars }
  | { sim: SimulatorMessageKey; vars?: SaidVars }
  /** A sentence given in both languages (the engine's, the API's). */
  | { both: { nl: string; en: string } }
  /** A refusal: the API's refusal of a draft's text (with the draft, to name its place), else the error's sentence. */
  | { error: unknown; def?: unknown }
  /** Several things said after each other. */
  | { all: Said[] };

/**
 * `say(said)`: the words in the interface's language now; '' for nothing said. `errorText`
 * replaces the sentence of an error (the simulator names a refused step its own way).
 */
export function useSay(errorText?: (err: unknown) => string) {
  const { locale, formatTime } = useI18n();
  const { p } = usePolicyText();
  const { c } = useConflictText();
  const { q } = useProposalText();
  const { s } = useSimulatorText();
  const appError = useErrorText();
  const say = (said: Said | null | undefined): string => {
    if (!said) return '';
    const values = (vars: SaidVars | undefined): Record<string, string> =>
      Object.fromEntries(
        Object.entries(vars ?? {}).map(([k, v]) => [
          k,
          v instanceof Date ? formatTime(v) : typeof v === 'object' ? say(v) : String(v),
        ]),
      );
    if ('policy' in said) return p(said.policy, values(said.vars));
    if ('conflict' in said) return c(said.conflict, values(said.vars));
    if ('proposal' in said) return q(said.proposal, values(said.vars));
    if ('sim' in said) return s(said.sim, values(said.vars));
    if ('both' in said) return said.both[locale];
    if ('all' in said) return said.all.map(say).filter(Boolean).join(' ');
    if (errorText) return errorText(said.error);
    return (
      (said.def !== undefined ? refusalText(said.error, said.def, locale) : null) ??
      appError(said.error)
    );
  };
  return say;
}
