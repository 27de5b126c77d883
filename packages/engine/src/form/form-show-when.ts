/**
 * `showWhen: { field, in: [value, ...] }` on a question of the form: it is asked only when the
 * earlier yes/no question or choice list `field` holds one of these answers ("Voor welk jaar en
 * welk bedrag?" only after Ja to "Heeft u eerder subsidie gekregen voor dit initiatief?"). The
 * form's counterpart of a payload field's `x-showWhen` (definition/payload-show-when.ts), with the
 * same rule: a question that does not apply is not asked, required only when it applies, and an
 * answer to it is refused (form.validate.ts), in a draft too, with a sentence that says how to fix
 * it. The web hides the question and clears its answer as soon as it stops applying
 * (`clearedAnswers`), and reviews and summaries list only the questions that apply.
 */
import type { LocalizedText } from '../core/engine.types';
import { optionLabel } from '../definition/definition.rules';
import type { FormDefinition, FormField } from '../definition/definition.schema';
import { either } from '../definition/payload-labels';
import { yesNoLabel } from './yes-no';

/** When a question applies: the answer to `field` is one of `in`. */
export type FormShowWhen = NonNullable<FormField['showWhen']>;

type Fields = readonly Pick<FormField, 'key' | 'showWhen'>[];

/**
 * Whether a question applies to these answers: always, unless its `showWhen` names a question
 * whose answer is not one of its values (no answer is none of them). `fields` are the question's
 * siblings: the form's fields.
 */
export function questionApplies(
  fields: Fields,
  field: Pick<FormField, 'showWhen'>,
  data: Record<string, unknown>,
): boolean {
  const rule = field.showWhen;
  if (!rule) return true;
  // A condition on a question the form does not have (refused by the definition check) hides nothing.
  if (!fields.some((f) => f.key === rule.field)) return true;
  const value = data[rule.field];
  return rule.in.some((v) => v === value);
}

/** Whether a value is an answer: not empty, an unticked statement or an empty list neither. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether a question holds an answer: Nee (`false`) is one for a yes/no question. */
export function hasAnswer(field: Pick<FormField, 'type'>, value: unknown): boolean {
  return value === false ? field.type === 'yesno' : isAnswered(value);
}

/**
 * The keys of the answers given to questions that do not apply to these answers, each as `null`:
 * the patch that clears them (a draft's PATCH deletes a key sent as null). The web sends it with
 * the change that hid them ("Nee" clears "Voor welk jaar en welk bedrag?").
 */
export function clearedAnswers(
  form: Pick<FormDefinition, 'fields'>,
  data: Record<string, unknown>,
): Record<string, null> {
  const out: Record<string, null> = {};
  for (const field of form.fields) {
    if (hasAnswer(field, data[field.key]) && !questionApplies(form.fields, field, data))
      out[field.key] = null;
  }
  return out;
}

/** The form's questions that apply to these answers, in the form's order. */
export function applyingFields<F extends FormField>(
  form: { fields: readonly F[] },
  data: Record<string, unknown>,
): F[] {
  return form.fields.filter((f) => questionApplies(form.fields, f, data));
}

/** An answer of a yes/no question or a choice list in words: "Ja", "Straatfeest". */
export function answerWords(field: FormField | undefined, value: unknown): LocalizedText {
  if (typeof value === 'boolean') return yesNoLabel(value);
  if (field && field.type !== 'list' && field.type !== 'attachments')
    return optionLabel(field, String(value));
  return { nl: String(value), en: String(value) };
}

/** "Ja", or "Straatfeest of Buurtbarbecue": the answers a condition names, in words. */
export function conditionAnswers(fields: readonly FormField[], rule: FormShowWhen): LocalizedText {
  const on = fields.find((f) => f.key === rule.field);
  return either(rule.in.map((v) => answerWords(on, v)));
}
