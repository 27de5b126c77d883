/**
 * What the event form checks before it sends (the answer to a request, an assessment): each
 * field on its own, then the payload's rules across fields in the engine's words. A field that
 * applies only on a condition (`x-showWhen`: the proposed amount with the advice to grant) is
 * neither shown, checked nor sent while it does not apply; what was typed in it stays in the form.
 * A field is held to the limits its JSON Schema sets (minimum, maximum, minLength, maxLength), as
 * the API holds it, so a step that asks for confirmation asks only for what can be sent.
 * One pure function, so sending and checking a corrected field again say the same.
 */
import {
  applyingPayload,
  atLeastOneOfIssues,
  atLeastOneOfKeys,
  conditionalKeys,
  fieldApplies,
  showWhenIssues,
  showWhenOf,
} from '@initiatief/engine';
import type { JsonSchema } from '../api/client';
import type { Translate } from '../i18n/i18n';
import { isAttachments, isMoney, typeOf, type Value } from './event-form.fields';

export interface EventFormInput {
  schema: JsonSchema;
  fields: [string, JsonSchema][];
  values: Record<string, Value>;
  /**
   * What each amount or date field could not read of what was typed, in both languages (null or
   * absent: nothing wrong).
   */
  typedProblems: Record<string, { nl: string; en: string } | null>;
  locale: 'nl' | 'en';
  t: Translate;
  /** A field's label, in the locale. */
  label(name: string): string;
  /** An amount in cents in words ("€ 1.234,56"), for the limits of an amount field. */
  formatMoney?(cents: number): string;
}

/**
 * The limits the payload's JSON Schema sets on a number or an amount (minimum, maximum), as the
 * API checks them: their sentence, or null within them.
 */
function rangeProblem(
  n: number,
  s: JsonSchema,
  l: string,
  t: Translate,
  show: (n: number) => string,
): string | null {
  const { minimum: min, maximum: max } = s;
  const low = typeof min === 'number' && n < min;
  const high = typeof max === 'number' && n > max;
  if (!low && !high) return null;
  if (typeof min === 'number' && typeof max === 'number') {
    return t('form.numberRange', { field: l, min: show(min), max: show(max) });
  }
  return low
    ? t('form.numberMin', { field: l, min: show(min as number) })
    : t('form.numberMax', { field: l, max: show(max as number) });
}

/** The limits the payload's JSON Schema sets on text (minLength, maxLength). */
function lengthProblem(text: string, s: JsonSchema, l: string, t: Translate): string | null {
  const count = [...text].length;
  if (typeof s.minLength === 'number' && count < s.minLength) {
    return t('form.minLengthField', { field: l, n: s.minLength });
  }
  if (typeof s.maxLength === 'number' && count > s.maxLength) {
    return t('form.maxLengthField', { field: l, n: s.maxLength, count });
  }
  return null;
}

/**
 * The payload to send, the errors by field name and the fields that apply (the form shows only
 * those). `rulesAlways`: the rules across fields are checked even when a field has an error of its
 * own (checking one corrected field again); when sending they come once each field is in order,
 * as the API checks them.
 */
export function checkEventForm(
  input: EventFormInput,
  rulesAlways = false,
): { payload: Record<string, unknown>; errors: Record<string, string>; applies: Set<string> } {
  const { schema, fields, values, typedProblems, locale, t, label } = input;
  const required = new Set(schema.required ?? []);
  const payload: Record<string, unknown> = {};
  const errs: Record<string, string> = {};
  for (const [name, s] of fields) {
    const raw = values[name];
    const type = typeOf(s);
    const l = label(name);
    if (isAttachments(s)) {
      const ids = Array.isArray(raw) ? raw : [];
      if (ids.length > 0) payload[name] = ids;
      else if (required.has(name)) errs[name] = t('form.required', { field: l });
      continue;
    }
    if (type === 'boolean') {
      payload[name] = raw === true;
      continue;
    }
    // Text typed that makes no amount or no date: its own sentence, whatever else holds.
    const problem = typedProblems[name];
    if (problem) {
      errs[name] = `${l}: ${problem[locale]}`;
      continue;
    }
    if (isMoney(s)) {
      if (typeof raw === 'number') {
        const money = input.formatMoney ?? ((c: number) => String(c));
        const wrong = rangeProblem(raw, s, l, t, money);
        if (wrong) errs[name] = wrong;
        else payload[name] = raw;
      } else if (required.has(name)) errs[name] = t('form.required', { field: l });
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (required.has(name)) errs[name] = t('form.required', { field: l });
      continue;
    }
    if (type === 'integer' || type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))
        errs[name] = t('form.invalidNumber', { field: l });
      else {
        const wrong = rangeProblem(n, s, l, t, String);
        if (wrong) errs[name] = wrong;
        else payload[name] = n;
      }
    } else {
      const wrong = lengthProblem(text, s, l, t);
      if (wrong) errs[name] = wrong;
      else payload[name] = text;
    }
  }
  // Read from what was chosen, as the engine reads the payload: a field that does not apply
  // is not shown, so it has no error and is not sent.
  const applies = new Set(fields.map(([n]) => n).filter((n) => fieldApplies(schema, n, payload)));
  for (const name of Object.keys(errs)) if (!applies.has(name)) delete errs[name];
  const sent = applyingPayload(schema, payload);
  // The definition's rules across fields ("an explanation or a file"), in the engine's words.
  if (rulesAlways || Object.keys(errs).length === 0) {
    for (const issue of [...showWhenIssues(schema, sent), ...atLeastOneOfIssues(schema, sent)])
      errs[issue.path] ??= issue.text[locale];
  }
  return { payload: sent, errors: errs, applies };
}

/**
 * The fields each rule across fields joins (its error stands at the first of them): "at least
 * one of", and each conditional field with the field it depends on, so choosing another advice
 * takes away the amount's error with the amount.
 */
export function ruleGroups(schema: JsonSchema): string[][] {
  const keys = atLeastOneOfKeys(schema);
  const conditions = conditionalKeys(schema).map((k) => [showWhenOf(schema, k)!.field, k]);
  return [...(keys.length > 0 ? [keys] : []), ...conditions];
}
