/**
 * A refused step in words: the step and the state named by their labels in the definition the
 * application is pinned to, in Dutch and English, never by their codes (those stay in the error's
 * own fields, such as `allowed`).
 */
import type { LocalizedText, Role } from '../core/engine.types';
import { bothLanguages, eventLabel, stateLabel } from '../definition/definition.house-rules';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { either } from '../definition/payload-labels';

const TIMER_PREFIX = 'xstate.after.';

/** "de stap "Toekennen"" / "the step "Grant""; a time limit by its name; else "deze stap". */
function stepPhrase(def: WorkflowDefinition, type: string): LocalizedText {
  if (type.startsWith(TIMER_PREFIX)) {
    const delay = type.slice(TIMER_PREFIX.length).split('.')[0] ?? '';
    const name = bothLanguages(def.delays[delay]?.label, '');
    return name.nl
      ? { nl: `de termijn "${name.nl}"`, en: `the time limit "${name.en}"` }
      : { nl: 'een termijn', en: 'a time limit' };
  }
  // A type the definition does not know is the client's own word, not a step of this workflow.
  if (!Object.hasOwn(def.events, type)) return { nl: 'deze stap', en: 'this step' };
  const label = eventLabel(def, type);
  return { nl: `de stap "${label.nl}"`, en: `the step "${label.en}"` };
}

function quotedState(def: WorkflowDefinition, state: string): LocalizedText {
  const label = stateLabel(def, state);
  return { nl: `"${label.nl}"`, en: `"${label.en}"` };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The steps the person may take now, by their labels: "Beoordelen" of "Intrekken". */
function stepsNow(def: WorkflowDefinition, allowed: string[]): LocalizedText | null {
  const labels = allowed
    .filter((t) => Object.hasOwn(def.events, t))
    .map((t) => {
      const l = eventLabel(def, t);
      return { nl: `"${l.nl}"`, en: `"${l.en}"` };
    });
  return labels.length > 0 ? either(labels) : null;
}

/** The step cannot be taken in the application's state; `allowed` are the steps that can. */
export function notAllowedText(
  def: WorkflowDefinition,
  type: string,
  state: string,
  allowed: string[],
): LocalizedText {
  const step = stepPhrase(def, type);
  const s = quotedState(def, state);
  const now = stepsNow(def, allowed);
  return {
    nl:
      `${capital(step.nl)} kan niet in de status ${s.nl}.` +
      (now ? ` Wat u nu kunt doen: ${now.nl}.` : ''),
    en:
      `${capital(step.en)} is not possible in the status ${s.en}.` +
      (now ? ` What you can do now: ${now.en}.` : ''),
  };
}

/** Who holds a role, as a sentence names them (the web's role names, in running text). */
export const ROLE_WORDS: Record<Role, LocalizedText> = {
  applicant: { nl: 'de aanvrager', en: 'the applicant' },
  clerk: { nl: 'een medewerker dienstverlening', en: 'desk staff' },
  assessor: { nl: 'een behandelaar', en: 'an assessor' },
  approver: { nl: 'een tweede beoordelaar', en: 'an approver' },
  policy: { nl: 'een beleidsmedewerker', en: 'a policy officer' },
  admin: { nl: 'een beheerder', en: 'an administrator' },
  system: { nl: 'het systeem', en: 'the system' },
};

/** A page or an action only for some roles, named in words: "Dit is alleen voor een beheerder." */
export function rolesOnlyText(roles: readonly Role[]): LocalizedText {
  const who = either(roles.map((r) => ROLE_WORDS[r]));
  return roles.length
    ? { nl: `Dit is alleen voor ${who.nl}.`, en: `This is only for ${who.en}.` }
    : { nl: 'U mag dit niet doen.', en: 'You may not do this.' };
}

/** The step is for other roles (`roles`, named in words), or, for a time limit, the system's. */
export function roleText(
  def: WorkflowDefinition,
  type: string,
  state: string,
  roles: readonly Role[],
): LocalizedText {
  const step = stepPhrase(def, type);
  const s = quotedState(def, state);
  if (type.startsWith(TIMER_PREFIX)) {
    return {
      nl: `Alleen het systeem doet deze stap, wanneer ${step.nl} verstrijkt. De aanvraag heeft de status ${s.nl}.`,
      en: `Only the system takes this step, when ${step.en} runs out. The application has the status ${s.en}.`,
    };
  }
  const who = roles.length
    ? either(roles.map((r) => ROLE_WORDS[r]))
    : { nl: 'een andere rol', en: 'another role' };
  return {
    nl: `U mag ${step.nl} niet doen: die is voor ${who.nl}. De aanvraag heeft de status ${s.nl}.`,
    en: `You may not take ${step.en}: it is for ${who.en}. The application has the status ${s.en}.`,
  };
}

/** Four-eyes: whoever took `earlier` may not also take this step. */
export function fourEyesText(
  def: WorkflowDefinition,
  type: string,
  earlier: string,
  state: string,
): LocalizedText {
  const step = stepPhrase(def, type);
  const before = stepPhrase(def, earlier);
  const s = quotedState(def, state);
  return {
    nl:
      `U deed al ${before.nl}; een tweede persoon moet ${step.nl} doen (vier-ogenprincipe). ` +
      `De aanvraag blijft in de status ${s.nl}.`,
    en:
      `You already took ${before.en}; a second person must take ${step.en} (four-eyes principle). ` +
      `The application stays in the status ${s.en}.`,
  };
}

/** The form cannot be changed in this state. */
export function notEditableText(def: WorkflowDefinition, state: string): LocalizedText {
  const s = quotedState(def, state);
  return {
    nl: `De aanvraag kan in de status ${s.nl} niet worden gewijzigd.`,
    en: `The application cannot be changed in the status ${s.en}.`,
  };
}

/**
 * No file can be added to the application in this state: files go with a form that can still be
 * changed, an answer to a request for information, or the final report.
 */
export function filesClosedText(def: WorkflowDefinition, state: string): LocalizedText {
  const s = quotedState(def, state);
  return {
    nl:
      `In de status ${s.nl} kunnen geen bestanden bij de aanvraag. Dat kan zolang de aanvraag ` +
      'nog gewijzigd kan worden, als om meer informatie is gevraagd, of bij de verantwoording.',
    en:
      `Files cannot be added to the application in the status ${s.en}. They can while the ` +
      'application can still be changed, when more information was asked for, or with the final report.',
  };
}
