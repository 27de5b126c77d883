import { createContext, useContext } from 'react';
import { type Locale, pathId } from './editor-kit';
import { placeOf } from './editor-unstorable';
import type { DefinitionProblem } from './policy-api';

type Sentences = Record<string, { nl: string; en: string }>;

/** A sentence per problem code; `{where}` names the state, step, question or text by its label. */
const SENTENCES: Sentences = {
  unknown_variable: {
    nl: '{where}: {name} is geen bekend invulveld. Kies een invulveld uit de lijst.',
    en: '{where}: {name} is not a known placeholder. Choose one from the list.',
  },
  missing_template: {
    nl: '{where}: de gekozen tekst bestaat niet (meer). Kies een andere tekst.',
    en: '{where}: the chosen text does not exist (any more). Choose another text.',
  },
  empty_template: {
    nl: '{where}: de tekst is leeg.',
    en: '{where}: the text is empty.',
  },
  unknown_target: {
    nl: '{where}: de status waar de overgang heen gaat bestaat niet. Kies een andere status.',
    en: '{where}: the status this transition goes to does not exist. Choose another status.',
  },
  unknown_state: {
    nl: 'De beginstatus bestaat niet. Kies een andere beginstatus.',
    en: 'The initial status does not exist. Choose another one.',
  },
  event_without_roles: {
    nl: '{where}: niemand mag deze stap zetten. Kies minstens één rol.',
    en: '{where}: nobody may take this step. Choose at least one role.',
  },
  unreachable_state: {
    nl: '{where}: geen aanvraag kan in deze status komen. Voeg een overgang naar deze status toe of verwijder hem.',
    en: '{where}: no application can reach this status. Add a transition to it or remove it.',
  },
  transition_from_final: {
    nl: '{where}: een eindstatus kan geen overgangen hebben.',
    en: '{where}: a final status cannot have transitions.',
  },
  unknown_event: {
    nl: '{where}: deze stap bestaat niet (meer).',
    en: '{where}: this step does not exist (any more).',
  },
  unknown_delay: {
    nl: '{where}: deze termijn bestaat niet (meer). Maak hem aan onder Termijnen.',
    en: '{where}: this time limit does not exist (any more). Create it under Time limits.',
  },
  bad_params: {
    nl: '{where}: een instelling ontbreekt of heeft een waarde die niet kan.',
    en: '{where}: a setting is missing or has a value that is not possible ({detail}).',
  },
  duplicate_field: {
    nl: '{where}: deze vraag staat twee keer in het formulier.',
    en: '{where}: this question appears twice in the form.',
  },
  bad_limits: {
    nl: '{where}: het minimum is groter dan het maximum.',
    en: '{where}: the minimum is larger than the maximum.',
  },
  bad_payload_schema: {
    nl: '{where}: de gegevens van deze stap kloppen niet.',
    en: '{where}: the data of this step are not right ({detail}).',
  },
};

// The engine's detail is an English sentence for developers: it is shown in English only, so
// the Dutch screen never carries a half-English message; `{where}` already names the place.
const GENERIC = {
  nl: '{where}: deze waarde kan niet.',
  en: '{where}: this value is not possible ({detail}).',
};

/**
 * A validation problem of a definition as a sentence in the officer's language that names the
 * state, step, question or text by its label: the engine's own sentence where it gives one.
 */
export function problemSentence(pr: DefinitionProblem, def: unknown, locale: Locale): string {
  // The engine's sentences name a mail or letter by its subject, in the reader's language.
  if (pr.text) return pr.text[locale];
  // A mail's subject or text by which, and in which language ("(onderwerp, Nederlandse tekst)").
  const where =
    placeOf(def, pr.path, locale) || (locale === 'nl' ? 'Het werkproces' : 'The workflow');
  const template = (SENTENCES[pr.code] ?? GENERIC)[locale];
  const name = /\{\{\w+\}\}/.exec(pr.message)?.[0] ?? '';
  return template.replace('{where}', where).replace('{name}', name).replace('{detail}', pr.message);
}

const NONE: readonly DefinitionProblem[] = [];
/** The live check's problems, for controls that name their own problems where they sit. */
export const ProblemsContext = createContext<readonly DefinitionProblem[]>(NONE);

/**
 * The sentence of the problems at exactly `path`, for the box there to show as its error (with
 * aria-invalid and aria-describedby); undefined when there are none. `def` names the place for a
 * problem the engine gives no sentence of its own.
 */
export function useErrorAt(path: string, def: unknown, locale: Locale): string | undefined {
  const here = useContext(ProblemsContext).filter((pr) => pr.path === path);
  if (here.length === 0) return undefined;
  return [...new Set(here.map((pr) => problemSentence(pr, def, locale)))].join(' ');
}

/** useErrorAt for the box whose DOM id is `id` (pathId of its path), for any box of the forms. */
export function useErrorAtId(id: string, locale: Locale): string | undefined {
  const here = useContext(ProblemsContext).filter((pr) => pathId(pr.path) === id);
  if (here.length === 0) return undefined;
  return [...new Set(here.map((pr) => problemSentence(pr, undefined, locale)))].join(' ');
}

/** The problems at `path` or inside it (`events.X.payload.x-atLeastOneOf` and its `.1`). */
export function useProblemsAt(path: string): DefinitionProblem[] {
  return useContext(ProblemsContext).filter(
    (pr) => pr.path === path || pr.path.startsWith(`${path}.`),
  );
}
