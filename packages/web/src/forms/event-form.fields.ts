/**
 * What the generic event form reads from an event's JSON Schema payload: which fields it shows
 * and in what order, their kinds (a choice, an amount, long text, files) and first values.
 */
import type { JsonSchema } from '../api/client';
import { isMoneyProp } from './definition-text';

/**
 * Text as typed, a checkbox, an amount in cents (null: nothing readable typed), or the ids of
 * the files uploaded for an attachments field.
 */
export type Value = string | boolean | number | null | string[];

export function typeOf(schema: JsonSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.enum) return 'string';
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return typeOf(alt.find((s) => s.type !== 'null') ?? {});
  return 'string';
}

export function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.every((s) => 'const' in s)) return alt.map((s) => s.const);
  return undefined;
}

// A payload's fields in the definition's order, choices first: a decision before its reasons.
const rank = (s: JsonSchema) => (enumOf(s) ? 0 : isMoney(s) ? 1 : typeOf(s) === 'string' ? 3 : 2);

/**
 * Files that go with the event (`x-widget: 'attachments'` on a list of ids): the file input
 * uploads at once and the payload names the files, so the answer to a request carries them.
 */
export function isAttachments(schema: JsonSchema) {
  return typeOf(schema) === 'array' && schema['x-widget'] === 'attachments';
}

/**
 * Fields this generic form can render: nested objects and other lists are left to dedicated
 * pages; files go last, after what is typed.
 */
export function formFields(schema: JsonSchema): [string, JsonSchema][] {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => {
      const t = typeOf(s);
      return isAttachments(s) || (t !== 'object' && t !== 'array');
    })
    .sort(([, sa], [, sb]) => rankOf(sa) - rankOf(sb));
}

const rankOf = (s: JsonSchema) => (isAttachments(s) ? 4 : rank(s));

/** An amount in cents (`x-unit: cents` in the definition's payload schema). */
export function isMoney(schema: JsonSchema) {
  return isMoneyProp(schema);
}

export function isLongText(schema: JsonSchema) {
  return schema['x-widget'] === 'textarea' || (schema.maxLength ?? 0) > 200;
}

export function initialValue(
  name: string,
  schema: JsonSchema,
  defaults: Record<string, unknown>,
): Value {
  const d = name in defaults ? defaults[name] : schema.default;
  if (isAttachments(schema)) return [];
  if (typeOf(schema) === 'boolean') return d === true;
  if (d === undefined || d === null) return '';
  if (isMoney(schema)) return typeof d === 'number' ? d : null;
  return String(d);
}

/** Whether two states of the form hold the same input (lists compared item by item). */
export function sameValues(a: Record<string, Value>, b: Record<string, Value>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}
