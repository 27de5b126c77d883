import type { LocalizedText } from '../core/engine.types';
import { optionLabel } from '../definition/definition.rules';
import type { FormField, WorkflowDefinition } from '../definition/definition.schema';
import { clearedAnswers, conditionAnswers } from '../form/form-show-when';
import { yesNoLabel, yesNoOf } from '../form/yes-no';

/**
 * A field of the old version's form that the new version does not have, or an answer the new
 * version's choice list no longer offers (or its yes/no question cannot hold).
 */
export interface DroppedField {
  /** Dotted path of the field: `district`, or `supporters.postcode` for a field of each row. */
  path: string;
  label: LocalizedText;
  /** What the application held there: the value, or each row's value of a list's field. */
  value: unknown;
  text: LocalizedText;
}

type Data = Record<string, unknown>;

function isRecord(x: unknown): x is Data {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A field by its label, inside its list's label for a field of each row: ‘Postcode’ in ‘…’. */
function fieldPlace(label: LocalizedText, within: LocalizedText | null): LocalizedText {
  return {
    nl: within ? `‘${label.nl}’ in ‘${within.nl}’` : `‘${label.nl}’`,
    en: within ? `‘${label.en}’ in ‘${within.en}’` : `‘${label.en}’`,
  };
}

function dropSentence(
  label: LocalizedText,
  within: LocalizedText | null,
  version: number,
): LocalizedText {
  const { nl, en } = fieldPlace(label, within);
  return {
    nl: `Versie ${version} heeft geen veld ${nl}: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    en: `Version ${version} has no field ${en}: what was filled in there leaves the application and stays in its history.`,
  };
}

/** `‘Ja’, ‘Nee’`: each answer's words once, in their order. */
function joinedWords(words: readonly LocalizedText[]): LocalizedText {
  const unique = [...new Map(words.map((w) => [`${w.nl}\u0000${w.en}`, w])).values()];
  return {
    nl: unique.map((w) => `‘${w.nl}’`).join(', '),
    en: unique.map((w) => `‘${w.en}’`).join(', '),
  };
}

function lostChoiceSentence(
  choices: LocalizedText,
  label: LocalizedText,
  within: LocalizedText | null,
  version: number,
): LocalizedText {
  const { nl, en } = fieldPlace(label, within);
  return {
    nl: `Versie ${version} heeft ${choices.nl} niet meer als keuze bij ${nl}: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    en: `Version ${version} no longer has ${choices.en} as a choice for ${en}: the answer leaves the application and stays in its history.`,
  };
}

/** An answer as the old version showed it: a choice by its words, a yes/no answer Ja or Nee. */
function oldWords(oldField: FormField | undefined, value: unknown): LocalizedText {
  if (typeof value === 'boolean') return yesNoLabel(value);
  const text = String(value);
  return oldField?.type === 'select' ? optionLabel(oldField, text) : { nl: text, en: text };
}

/** What a written answer says to a yes/no question, by its value or its old words ("Ja"). */
function yesNoIn(oldField: FormField | undefined, text: string): boolean | undefined {
  const words = oldWords(oldField, text);
  return yesNoOf(text) ?? yesNoOf(words.nl) ?? yesNoOf(words.en);
}

/**
 * An answer as the new version's field holds it: kept, read anew, or lost (its old words). A
 * choice the choice list no longer offers is lost. Between a yes/no question and a choice list
 * whose choices say ja and nee, the answer is read anew (the choice "Ja" is Ja); any other
 * answer that a yes/no question, or a choice list, cannot hold is lost: the form's check would
 * refuse it.
 */
function carried(
  field: FormField,
  oldField: FormField | undefined,
  value: unknown,
): { keep: unknown } | { lost: LocalizedText } {
  const lost = () => ({ lost: oldWords(oldField, value) });
  if (field.type === 'select' && Array.isArray(field.options)) {
    if (typeof value === 'string') return field.options.includes(value) ? { keep: value } : lost();
    if (typeof value !== 'boolean') return { keep: value };
    const same = field.options.find((o) => yesNoIn(field, o) === value);
    return same === undefined ? lost() : { keep: same };
  }
  // No answer (nothing, or a blank text) is no answer in the new form either.
  const none = value === null || (typeof value === 'string' && value.trim() === '');
  if (field.type !== 'yesno' || none || typeof value === 'boolean') return { keep: value };
  const answer = typeof value === 'string' ? yesNoIn(oldField, value) : undefined;
  return answer === undefined ? lost() : { keep: answer };
}

/**
 * The application's form data as the new version's form knows it. A field the new form does not
 * have would make every later check of the form refuse it ("not a field of this form"), and the
 * resident could not correct it, so it is taken out; each one is named by its old label, with
 * what it held, so the history keeps it. An answer that is no longer one of a choice list's
 * choices goes the same way, named by the choice's old words (the resident chooses again when
 * the form is hers again), and so does one a yes/no question cannot hold; a choice "Ja" or "Nee"
 * becomes the yes/no question's answer, and back (`carried`). Fields of each row of a list are
 * treated alike. An answer to a question the new version does not ask with the other answers
 * (`showWhen`) goes too.
 */
export function dataForNewVersion(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  data: Data,
): { data: Data; dropped: DroppedField[] } {
  const dropped: DroppedField[] = [];
  const version = newDef.version;
  const labelOf = (fields: readonly FormField[] | undefined, key: string): LocalizedText =>
    fields?.find((f) => f.key === key)?.label ?? { nl: key, en: key };
  const next: Data = {};
  const oldFields = oldDef.form.fields;
  for (const [key, value] of Object.entries(data)) {
    const field = newDef.form.fields.find((f) => f.key === key);
    if (!field) {
      const label = labelOf(oldFields, key);
      dropped.push({ path: key, label, value, text: dropSentence(label, null, version) });
      continue;
    }
    if (field.type !== 'list' || !Array.isArray(value)) {
      const answer = carried(
        field,
        oldFields.find((f) => f.key === key),
        value,
      );
      if ('keep' in answer) next[key] = answer.keep;
      else
        dropped.push({
          path: key,
          label: field.label,
          value,
          text: lostChoiceSentence(joinedWords([answer.lost]), field.label, null, version),
        });
      continue;
    }
    const oldList = oldFields.find((f) => f.key === key);
    const oldItemFields = oldList?.type === 'list' ? oldList.fields : undefined;
    const gone = new Map<string, unknown[]>();
    const lost = new Map<string, { values: unknown[]; words: LocalizedText[] }>();
    next[key] = value.map((item) => {
      if (!isRecord(item)) return item;
      const kept: Data = {};
      for (const [k, v] of Object.entries(item)) {
        const sub = field.fields.find((f) => f.key === k);
        if (!sub) {
          gone.set(k, [...(gone.get(k) ?? []), v]);
          continue;
        }
        const answer = carried(
          sub,
          oldItemFields?.find((f) => f.key === k),
          v,
        );
        if ('keep' in answer) {
          kept[k] = answer.keep;
          continue;
        }
        const seen = lost.get(k) ?? { values: [], words: [] };
        lost.set(k, { values: [...seen.values, v], words: [...seen.words, answer.lost] });
      }
      return kept;
    });
    for (const [k, { values, words }] of lost) {
      const sub = field.fields.find((f) => f.key === k)!;
      dropped.push({
        path: `${key}.${k}`,
        label: sub.label,
        value: values,
        text: lostChoiceSentence(joinedWords(words), sub.label, field.label, version),
      });
    }
    for (const [k, values] of gone) {
      const label = labelOf(oldItemFields, k);
      dropped.push({
        path: `${key}.${k}`,
        label,
        value: values,
        text: dropSentence(label, field.label, version),
      });
    }
  }
  // An answer to a question the new version asks only after other answers (`showWhen`) that it
  // does not get: every later check would refuse it, so it goes too, named by both questions.
  const fields = newDef.form.fields;
  for (const key of Object.keys(clearedAnswers(newDef.form, next))) {
    const field = fields.find((f) => f.key === key)!;
    const rule = field.showWhen!;
    const on = fields.find((f) => f.key === rule.field)!.label;
    const answers = conditionAnswers(fields, rule);
    dropped.push({
      path: key,
      label: field.label,
      value: next[key],
      text: {
        nl: `In versie ${version} wordt ‘${field.label.nl}’ alleen gevraagd bij het antwoord ${answers.nl} op ‘${on.nl}’: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.`,
        en: `In version ${version} ‘${field.label.en}’ is only asked when the answer to ‘${on.en}’ is ${answers.en}: what was filled in there leaves the application and stays in its history.`,
      },
    });
    delete next[key];
  }
  return { data: next, dropped };
}
