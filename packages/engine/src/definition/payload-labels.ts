/**
 * How a payload's fields and their values are named in a sentence: by the labels the definition
 * gives them (`x-label`, `x-enumLabels`), never by their codes when there is a label.
 */
import type { LocalizedText } from '../core/engine.types';

type Json = Record<string, unknown>;

function propertyOf(schema: Json | undefined, key: string): Json | undefined {
  const prop = (schema?.properties as Record<string, unknown> | undefined)?.[key];
  return typeof prop === 'object' && prop !== null ? (prop as Json) : undefined;
}

function localized(x: unknown): LocalizedText | undefined {
  const l = x as Partial<LocalizedText> | undefined;
  return l && typeof l.nl === 'string' && typeof l.en === 'string'
    ? { nl: l.nl, en: l.en }
    : undefined;
}

/** A payload property's label: `x-label {nl,en}` in its JSON Schema, else its key. */
export function payloadLabel(schema: Json, key: string): LocalizedText {
  return localized(propertyOf(schema, key)?.['x-label']) ?? { nl: key, en: key };
}

/**
 * A value of a payload property in words: its `x-enumLabels` label ("Verlenen" for `grant`),
 * ja/nee for yes/no, else the value itself.
 */
export function valueLabel(schema: Json, key: string, value: unknown): LocalizedText {
  const labels = propertyOf(schema, key)?.['x-enumLabels'] as Record<string, unknown> | undefined;
  const label = localized(labels?.[String(value)]);
  if (label) return label;
  if (value === true) return { nl: 'ja', en: 'yes' };
  if (value === false) return { nl: 'nee', en: 'no' };
  return { nl: String(value), en: String(value) };
}

/** "Toelichting of Bijlagen" / "Explanation or Attachments"; "A, B of C" for three. */
export function either(labels: LocalizedText[]): LocalizedText {
  const join = (ls: string[], or: string) =>
    ls.length <= 1 ? (ls[0] ?? '') : `${ls.slice(0, -1).join(', ')} ${or} ${ls[ls.length - 1]}`;
  return {
    nl: join(
      labels.map((l) => l.nl),
      'of',
    ),
    en: join(
      labels.map((l) => l.en),
      'or',
    ),
  };
}
