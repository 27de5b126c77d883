import { z } from 'zod';
import type { Issue } from '../core/engine.types';

/** Checks a payload; returns the problems with paths inside the payload. */
export type PayloadValidator = (value: unknown) => Issue[];

// Compiling JSON Schema to zod costs far more than using it; definitions are validated and
// loaded again and again with the same payload schemas, so compiled ones are kept (bounded).
const compiled = new Map<string, { zod: z.ZodType; check: PayloadValidator }>();

function viaZod(schema: z.ZodType): PayloadValidator {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return [];
    return result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(payload)',
      message: i.message,
    }));
  };
}

type Json = Record<string, unknown>;
const SIMPLE_KEYS = new Set([
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
      Object.keys(prop).some((k) => k !== 'type' && k !== 'title' && k !== 'description')
    ) {
      return undefined;
    }
  }
  const entries = Object.entries(properties);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [{ path: '(payload)', message: 'must be an object' }];
    }
    const v = value as Json;
    const issues: Issue[] = [];
    for (const [key, prop] of entries) {
      const x = v[key];
      if (x === undefined) {
        if (required.has(key)) issues.push({ path: key, message: 'is required' });
        continue;
      }
      const message = checkValue(prop, x);
      if (message) issues.push({ path: key, message });
    }
    if (closed) {
      for (const key of Object.keys(v)) {
        if (!Object.hasOwn(properties, key)) issues.push({ path: key, message: 'is not allowed' });
      }
    }
    return issues;
  };
}

function checkValue(prop: Json, x: unknown): string | undefined {
  if (prop.enum !== undefined && !(prop.enum as unknown[]).includes(x)) {
    return `must be one of: ${(prop.enum as unknown[]).join(', ')}`;
  }
  switch (prop.type) {
    case 'string':
      if (typeof x !== 'string') return 'must be text';
      if (typeof prop.minLength === 'number' && x.length < prop.minLength) {
        return `must be at least ${prop.minLength} characters`;
      }
      if (typeof prop.maxLength === 'number' && x.length > prop.maxLength) {
        return `must be at most ${prop.maxLength} characters`;
      }
      return undefined;
    case 'integer':
    case 'number':
      if (typeof x !== 'number' || !Number.isFinite(x)) return 'must be a number';
      if (prop.type === 'integer' && !Number.isSafeInteger(x)) return 'must be a whole number';
      if (typeof prop.minimum === 'number' && x < prop.minimum)
        return `must be at least ${prop.minimum}`;
      if (typeof prop.maximum === 'number' && x > prop.maximum)
        return `must be at most ${prop.maximum}`;
      return undefined;
    case 'boolean':
      return typeof x === 'boolean' ? undefined : 'must be true or false';
    case 'object':
      return typeof x === 'object' && x !== null && !Array.isArray(x)
        ? undefined
        : 'must be an object';
    default:
      return undefined;
  }
}

/** Compiles an event's JSON Schema payload. Throws when zod cannot read the JSON Schema. */
export function compilePayloadSchema(jsonSchema: Json): {
  zod: z.ZodType;
  check: PayloadValidator;
} {
  const key = JSON.stringify(jsonSchema);
  const hit = compiled.get(key);
  if (hit) return hit;
  const zod = z.fromJSONSchema(jsonSchema as never);
  const entry = { zod, check: direct(jsonSchema) ?? viaZod(zod) };
  if (compiled.size > 1000) compiled.clear();
  compiled.set(key, entry);
  return entry;
}
