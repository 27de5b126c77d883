/**
 * `x-showWhen: { field, in: [value, ...] }` on a property of an event's payload schema: the field
 * applies only when the payload's `field` holds one of these values (a proposed amount only with
 * the advice to grant). A field that does not apply is not asked, and refused when given; one
 * that is also `required` is required only when it applies. Declared by the definition, checked
 * by the definition check (definition.form-rules.ts), enforced by payload-schema.ts, and read by
 * the web's forms through `fieldApplies`, so the form and the API say the same.
 */
import type { Issue, LocalizedText } from '../core/engine.types';
import { formText } from '../form/form.texts';
import { either, payloadLabel, valueLabel } from './payload-labels';

export const SHOW_WHEN = 'x-showWhen';

/** When a field applies: the payload's `field` holds one of the values `in`. */
export interface ShowWhen {
  field: string;
  in: unknown[];
}

type Json = Record<string, unknown>;

const asObject = (x: unknown): Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {};

const propertiesOf = (schema: Json | undefined): Json => asObject(schema?.properties);

/** A property's condition, or undefined when it has none (or one the definition check refuses). */
export function showWhenOf(schema: Json | undefined, key: string): ShowWhen | undefined {
  const rule = asObject(propertiesOf(schema)[key])[SHOW_WHEN];
  if (typeof rule !== 'object' || rule === null) return undefined;
  const { field, in: values } = rule as Json;
  if (typeof field !== 'string' || !Array.isArray(values)) return undefined;
  return { field, in: values };
}

/** The payload's fields that apply only on a condition, in the schema's order. */
export function conditionalKeys(schema: Json | undefined): string[] {
  return Object.keys(propertiesOf(schema)).filter((k) => showWhenOf(schema, k) !== undefined);
}

/**
 * Whether a field of the payload applies to this payload: always, unless its `x-showWhen` names
 * a field whose value is not one of its values. The web renders and sends only fields that apply.
 */
export function fieldApplies(schema: Json | undefined, key: string, payload: unknown): boolean {
  const rule = showWhenOf(schema, key);
  if (!rule) return true;
  const value = asObject(payload)[rule.field];
  return rule.in.some((v) => v === value);
}

/** The payload without the fields that do not apply to it: what a form sends. */
export function applyingPayload(schema: Json | undefined, payload: unknown): Json {
  const all = asObject(payload);
  return Object.fromEntries(Object.entries(all).filter(([key]) => fieldApplies(schema, key, all)));
}

/**
 * The schema as the validators compile it: `required` without the conditional fields, whose
 * requirement `showWhenIssues` checks once it knows whether they apply.
 */
export function withoutConditionalRequired(schema: Json): Json {
  const conditional = new Set(conditionalKeys(schema));
  if (conditional.size === 0 || !Array.isArray(schema.required)) return schema;
  return { ...schema, required: schema.required.filter((k) => !conditional.has(k as string)) };
}

/** "Advies" and "Verlenen" (or "Verlenen of Deels verlenen") for a field's condition. */
export function conditionWords(
  schema: Json,
  rule: ShowWhen,
): { field: LocalizedText; values: LocalizedText } {
  return {
    field: payloadLabel(schema, rule.field),
    values: either(rule.in.map((v) => valueLabel(schema, rule.field, v))),
  };
}

/**
 * The payload's conditions, field by field: a field given that does not apply, and a required
 * one that applies and is missing, each one issue on that field naming both fields by their labels
 * and the values by theirs. Shared with the web.
 */
export function showWhenIssues(schema: Json, value: unknown): Issue[] {
  const v = asObject(value);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const issues: Issue[] = [];
  for (const key of conditionalKeys(schema)) {
    const rule = showWhenOf(schema, key)!;
    const applies = fieldApplies(schema, key, v);
    const given = v[key] !== undefined;
    if (applies === given || (applies && !required.has(key))) continue;
    const words = conditionWords(schema, rule);
    const label = payloadLabel(schema, key);
    const when = `${rule.field} is ${rule.in.map(String).join(' or ')}`;
    issues.push(
      applies
        ? {
            path: key,
            message: `is required when ${when}`,
            text: formText.requiredWhen(label, words.field, words.values),
          }
        : {
            path: key,
            message: `only applies when ${when}`,
            text: formText.onlyWhen(label, words.field, words.values),
          },
    );
  }
  return issues;
}
