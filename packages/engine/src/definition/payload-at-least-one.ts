/**
 * The payload's "at least one of" rule, without the validator: the web's forms say the same
 * sentence as the API without loading zod (payload-schema.ts compiles the schemas with it).
 */
import type { Issue } from '../core/engine.types';
import { either, payloadLabel } from './payload-labels';

type Json = Record<string, unknown>;

/**
 * `x-atLeastOneOf: [key, key, ...]` on an event's payload schema: at least one of these fields
 * must be given (a supplement needs an explanation or a file; either alone is fine). Declared by
 * the definition, checked by the definition check (definition.form-rules.ts), enforced here.
 */
export const AT_LEAST_ONE_OF = 'x-atLeastOneOf';

/** The keys of the payload's "at least one of" rule, or none. */
export function atLeastOneOfKeys(schema: Json | undefined): string[] {
  const keys = schema?.[AT_LEAST_ONE_OF];
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

/**
 * Whether a payload value counts as given: text with more than spaces, a list with an item, an
 * object with a value, any number or yes/no. An empty or blank answer gives nothing.
 */
export function isGiven(x: unknown): boolean {
  if (x === undefined || x === null) return false;
  if (typeof x === 'string') return x.trim() !== '';
  if (Array.isArray(x)) return x.length > 0;
  if (typeof x === 'object') return Object.values(x).some((v) => v !== undefined && v !== null);
  return true;
}

/**
 * The payload's "at least one of" rule: one issue, on the rule's first field, naming every field
 * of the rule by its label, when none of them is given. Shared with the web, so the form says
 * the same sentence before sending as the API says after.
 */
export function atLeastOneOfIssues(schema: Json, value: unknown): Issue[] {
  const keys = atLeastOneOfKeys(schema);
  if (keys.length === 0) return [];
  const v = typeof value === 'object' && value !== null ? (value as Json) : {};
  if (keys.some((k) => isGiven(v[k]))) return [];
  const labels = either(keys.map((k) => payloadLabel(schema, k)));
  return [
    {
      path: keys[0]!,
      message: `give at least one of: ${keys.join(', ')}`,
      text: {
        nl: `Minstens één hiervan is nodig: ${labels.nl}.`,
        en: `At least one of these is needed: ${labels.en}.`,
      },
    },
  ];
}
