import type { Issue, LocalizedText } from '../core/engine.types';
import { eventLabel } from '../definition/definition.house-rules';
import type { FormField, WorkflowDefinition } from '../definition/definition.schema';
import { validateFormData } from '../form/form.validate';
import { guardRefs, toTransitionArray } from './machine';

/**
 * A question the new version requires that the application has no (whole) answer to, and did
 * have one to, or did not need one, under the old version. Moving it is not refused for this:
 * `migrate` carries the data over as it is, and only a step guarded by `formComplete` (sending the
 * application, sending a supplement) checks that every required question is answered. `asked`
 * says where that happens for this application:
 * - `now`: a step of the state it moves to checks the form, and waits for the answer;
 * - `later`: the state it moves to does not, a state it can still get to does;
 * - `never`: no state it can still get to checks the form; it carries on without the answer.
 */
export interface MissingAnswer {
  /** Dotted path of the question: `accessible`, or `budgetLines.vat` for a question of each row. */
  path: string;
  label: LocalizedText;
  asked: 'now' | 'later' | 'never';
  /** The steps that check the form and ask for the answer (by their type); none for `never`. */
  steps: string[];
  text: LocalizedText;
}

type Data = Record<string, unknown>;

/** The issues only a whole form has: a required question without an answer, too few rows. */
function completenessIssues(def: WorkflowDefinition, data: Data): Issue[] {
  const partial = new Set(
    validateFormData(def, data, { partial: true }).issues.map((i) => `${i.path}\u0000${i.message}`),
  );
  return validateFormData(def, data).issues.filter(
    (i) => !partial.has(`${i.path}\u0000${i.message}`),
  );
}

/** `data.budgetLines.0.vat` -> `budgetLines.vat`: a question of each row once, not per row. */
function questionPath(issuePath: string): string {
  return issuePath
    .split('.')
    .slice(1)
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** The question at a dotted path, with the list it is a question of each row of. */
function questionAt(
  def: WorkflowDefinition,
  path: string,
): { field: FormField; within: FormField | null } | null {
  const [key, sub] = path.split('.');
  const field = def.form.fields.find((f) => f.key === key);
  if (!field) return null;
  if (sub === undefined) return { field, within: null };
  const inner = field.type === 'list' ? field.fields.find((f) => f.key === sub) : undefined;
  return inner ? { field: inner, within: field } : null;
}

function valueAt(data: Data, issuePath: string): unknown {
  let value: unknown = data;
  for (const part of issuePath.split('.').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Data)[part];
  }
  return value;
}

const unanswered = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === false ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** The steps of a state whose transitions check the whole form (guard `formComplete`). */
function formSteps(def: WorkflowDefinition, state: string): string[] {
  const s = def.states[state];
  if (!s) return [];
  return Object.entries(s.on ?? {})
    .filter(([, t]) =>
      toTransitionArray(t).some((tr) => guardRefs(tr).some((g) => g.type === 'formComplete')),
    )
    .map(([event]) => event);
}

/** Every state an application in `from` can still get to, `from` first. */
function reachableFrom(def: WorkflowDefinition, from: string): string[] {
  const seen = [from];
  for (let i = 0; i < seen.length; i++) {
    const s = def.states[seen[i]!];
    const all = [
      ...Object.values(s?.on ?? {}),
      ...Object.values(s?.after ?? {}),
      ...(s?.always ? [s.always] : []),
    ];
    for (const t of all.flatMap((x) => toTransitionArray(x))) {
      if (t.target && Object.hasOwn(def.states, t.target) && !seen.includes(t.target))
        seen.push(t.target);
    }
  }
  return seen;
}

/** ‘Aanvraag indienen’ of ‘Aanvulling sturen’: the steps by their labels. */
function stepWords(def: WorkflowDefinition, steps: readonly string[]): LocalizedText {
  const labels = steps.map((e) => eventLabel(def, e));
  return {
    nl: labels.map((l) => `‘${l.nl}’`).join(' of '),
    en: labels.map((l) => `‘${l.en}’`).join(' or '),
  };
}

function sentence(
  def: WorkflowDefinition,
  place: LocalizedText,
  issue: Issue,
  noAnswer: boolean,
  asked: MissingAnswer['asked'],
  steps: string[],
): LocalizedText {
  const v = def.version;
  const lacks: LocalizedText = noAnswer
    ? {
        nl: `In versie ${v} is ${place.nl} een verplichte vraag, en deze aanvraag heeft er geen antwoord op.`,
        en: `In version ${v}, ${place.en} is a required question, and this application has no answer to it.`,
      }
    : {
        nl: `Versie ${v} vraagt meer bij ${place.nl}: ${issue.text?.nl ?? issue.message}`,
        en: `Version ${v} asks more at ${place.en}: ${issue.text?.en ?? issue.message}`,
      };
  const words = stepWords(def, steps);
  const then: LocalizedText =
    asked === 'now'
      ? {
          nl: `Het overzetten gaat wel door; ${words.nl} kan pas als dat is aangevuld.`,
          en: `The move goes ahead; ${words.en} can only happen once it is filled in.`,
        }
      : asked === 'later'
        ? {
            nl: `Het overzetten gaat wel door en de aanvraag loopt verder zonder dat antwoord: nu vraagt niemand erom. Pas als de aanvraag bij ${words.nl} komt, moet het eerst worden aangevuld.`,
            en: `The move goes ahead and the application carries on without that answer: nobody is asked for it now. Only if the application gets to ${words.en} must it be filled in first.`,
          }
        : {
            nl: 'Het overzetten gaat wel door en de aanvraag loopt verder zonder dat antwoord: niemand wordt erom gevraagd.',
            en: 'The move goes ahead and the application carries on without that answer: nobody is asked for it.',
          };
  return { nl: `${lacks.nl} ${then.nl}`, en: `${lacks.en} ${then.en}` };
}

/**
 * The questions `newDef` requires that the application's data (`newData`, as `dataForNewVersion`
 * left it) does not answer, where `oldData` did answer them under `oldDef` (or did not have to):
 * what the move newly leaves open, each named by its label with what happens to the application
 * in state `target` of the new version (see MissingAnswer).
 */
export function missingAnswers(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  oldData: Data,
  newData: Data,
  target: string,
): MissingAnswer[] {
  const before = new Set(completenessIssues(oldDef, oldData).map((i) => questionPath(i.path)));
  const checks = reachableFrom(newDef, target).map((s) => ({
    state: s,
    steps: formSteps(newDef, s),
  }));
  const here = checks[0]?.steps ?? [];
  const ahead = [...new Set(checks.slice(1).flatMap((c) => c.steps))];
  const asked: MissingAnswer['asked'] =
    here.length > 0 ? 'now' : ahead.length > 0 ? 'later' : 'never';
  const steps = asked === 'now' ? here : ahead;
  const out: MissingAnswer[] = [];
  for (const issue of completenessIssues(newDef, newData)) {
    const path = questionPath(issue.path);
    if (before.has(path) || out.some((m) => m.path === path)) continue;
    const found = questionAt(newDef, path);
    const label = found?.field.label ?? { nl: path, en: path };
    const within = found?.within?.label;
    const place: LocalizedText = {
      nl: within ? `‘${label.nl}’ in ‘${within.nl}’` : `‘${label.nl}’`,
      en: within ? `‘${label.en}’ in ‘${within.en}’` : `‘${label.en}’`,
    };
    const noAnswer = unanswered(valueAt(newData, issue.path));
    out.push({
      path,
      label,
      asked,
      steps,
      text: sentence(newDef, place, issue, noAnswer, asked, steps),
    });
  }
  return out;
}
