import { z } from 'zod';
import type { Issue, LocalizedText } from '../core/engine.types';
import { formText } from '../form/form.texts';
import { AT_LEAST_ONE_OF, atLeastOneOfIssues, atLeastOneOfKeys } from './payload-at-least-one';
import { X_AUDIENCE } from './payload-audience';
import { payloadLabel } from './payload-labels';
import {
  conditionalKeys,
  SHOW_WHEN,
  showWhenIssues,
  withoutConditionalRequired,
} from './payload-show-when';

export {
  AT_LEAST_ONE_OF,
  atLeastOneOfIssues,
  atLeastOneOfKeys,
  isGiven,
} from './payload-at-least-one';
export { payloadLabel } from './payload-labels';

/** Checks a payload; returns the problems with paths inside the payload. */
export type PayloadValidator = (value: unknown) => Issue[];

// Compiling JSON Schema to zod costs far more than using it; definitions are validated and
// loaded again and again with the same payload schemas, so compiled ones are kept (bounded).
const compiled = new Map<string, { zod: z.ZodType; check: PayloadValidator }>();

type Json = Record<string, unknown>;

const PAYLOAD_LABEL: LocalizedText = { nl: 'De gegevens', en: 'The data' };

/**
 * The payload's own checks, then its rules across fields (only when each field is in order): the
 * conditions of its fields (`x-showWhen`), then "at least one of".
 */
function withRules(check: PayloadValidator, schema: Json): PayloadValidator {
  if (atLeastOneOfKeys(schema).length === 0 && conditionalKeys(schema).length === 0) return check;
  return (value) => {
    const issues = check(value);
    if (issues.length > 0) return issues;
    return [...showWhenIssues(schema, value), ...atLeastOneOfIssues(schema, value)];
  };
}

function viaZod(schema: z.ZodType, json: Json): PayloadValidator {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return [];
    return result.error.issues.map((i) => {
      const key = i.path.map(String)[0];
      const label = key === undefined ? PAYLOAD_LABEL : payloadLabel(json, key);
      return {
        path: i.path.map(String).join('.') || '(payload)',
        message: i.message,
        text:
          i.code === 'invalid_type' && i.message.endsWith('received undefined')
            ? formText.required(label)
            : formText.badItem(label),
      };
    });
  };
}

const SIMPLE_KEYS = new Set([
  AT_LEAST_ONE_OF,
  SHOW_WHEN,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'enum',
  'title',
  'description',
  '$comment',
  'x-label',
  'x-help',
  'x-unit',
  'x-widget',
  'x-display',
  'x-enumLabels',
  X_AUDIENCE,
]);

/**
 * A direct validator for the plain subset of JSON Schema payloads use (objects of strings,
 * integers, numbers, booleans and enums, with limits); undefined when the schema needs more.
 */
function direct(schema: Json): PayloadValidator | undefined {
  if (schema.type !== 'object' || typeof schema.properties !== 'object') return undefined;
  const properties = schema.properties as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const closed = schema.additionalProperties === false;
  for (const key of Object.keys(schema)) if (!SIMPLE_KEYS.has(key)) return undefined;
  for (const prop of Object.values(properties)) {
    for (const key of Object.keys(prop)) if (!SIMPLE_KEYS.has(key)) return undefined;
    if (prop.properties !== undefined || prop.required !== undefined) return undefined;
    if (
      !['string', 'integer', 'number', 'boolean', 'object', undefined].includes(prop.type as string)
    ) {
      return undefined;
    }
    if (
      prop.type === 'object' &&
      Object.keys(prop).some(
        (k) => !['type', 'title', 'description', 'x-label', 'x-help'].includes(k),
      )
    ) {
      return undefined;
    }
  }
  const entries = Object.entries(properties);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [{ path: '(payload)', message: 'must be an object', text: formText.noData() }];
    }
    const v = value as Json;
    const issues: Issue[] = [];
    for (const [key, prop] of entries) {
      const x = v[key];
      const label = payloadLabel(schema, key);
      if (x === undefined) {
        if (required.has(key)) {
          issues.push({ path: key, message: 'is required', text: formText.required(label) });
        }
        continue;
      }
      const problem = checkValue(prop, x, label);
      if (problem) issues.push({ path: key, ...problem });
    }
    if (closed) {
      for (const key of Object.keys(v)) {
        if (!Object.hasOwn(properties, key)) {
          issues.push({ path: key, message: 'is not allowed', text: formText.unknownField(key) });
        }
      }
    }
    return issues;
  };
}

type Problem = { message: string; text: LocalizedText };

function checkValue(prop: Json, x: unknown, label: LocalizedText): Problem | undefined {
  if (prop.enum !== undefined && !(prop.enum as unknown[]).includes(x)) {
    return {
      message: `must be one of: ${(prop.enum as unknown[]).join(', ')}`,
      text: formText.option(label),
    };
  }
  const isMoney = prop['x-unit'] === 'cents';
  switch (prop.type) {
    case 'string':
      if (typeof x !== 'string') return { message: 'must be text', text: formText.notText(label) };
      if (typeof prop.minLength === 'number' && x.length < prop.minLength) {
        return {
          message: `must be at least ${prop.minLength} characters`,
          text:
            prop.minLength === 1
              ? formText.required(label)
              : formText.minLength(label, prop.minLength),
        };
      }
      if (typeof prop.maxLength === 'number' && x.length > prop.maxLength) {
        return {
          message: `must be at most ${prop.maxLength} characters`,
          text: formText.maxLength(label, prop.maxLength),
        };
      }
      return undefined;
    case 'integer':
    case 'number':
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        return {
          message: 'must be a number',
          text: isMoney ? formText.notMoney(label) : formText.notWhole(label),
        };
      }
      if (prop.type === 'integer' && !Number.isSafeInteger(x)) {
        return {
          message: 'must be a whole number',
          text: isMoney ? formText.notMoney(label) : formText.notWhole(label),
        };
      }
      if (typeof prop.minimum === 'number' && x < prop.minimum) {
        return {
          message: `must be at least ${prop.minimum}`,
          text: isMoney
            ? formText.moneyAtLeast(label, prop.minimum)
            : formText.atLeast(label, prop.minimum),
        };
      }
      if (typeof prop.maximum === 'number' && x > prop.maximum) {
        return {
          message: `must be at most ${prop.maximum}`,
          text: isMoney
            ? formText.moneyAtMost(label, prop.maximum)
            : formText.atMost(label, prop.maximum),
        };
      }
      return undefined;
    case 'boolean':
      return typeof x === 'boolean'
        ? undefined
        : { message: 'must be true or false', text: formText.badItem(label) };
    case 'object':
      return typeof x === 'object' && x !== null && !Array.isArray(x)
        ? undefined
        : { message: 'must be an object', text: formText.badItem(label) };
    default:
      return undefined;
  }
}

/**
 * Compiles an event's JSON Schema payload: `check` is the whole check; `zod` the fields' own
 * checks, without the rules across fields (a field that applies only on a condition is optional
 * there). Throws when zod cannot read the JSON Schema.
 */
export function compilePayloadSchema(jsonSchema: Json): {
  zod: z.ZodType;
  check: PayloadValidator;
} {
  const key = JSON.stringify(jsonSchema);
  const hit = compiled.get(key);
  if (hit) return hit;
  // Whether a conditional field is required depends on the payload: both validators check the
  // schema without that requirement, and the rule (showWhenIssues) checks it when it applies.
  const fields = withoutConditionalRequired(jsonSchema);
  const zod = z.fromJSONSchema(fields as never);
  const entry = {
    zod,
    check: withRules(direct(fields) ?? viaZod(zod, fields), jsonSchema),
  };
  if (compiled.size > 1000) compiled.clear();
  compiled.set(key, entry);
  return entry;
}
