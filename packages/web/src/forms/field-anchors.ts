import { type FormField, fieldLabel, type WorkflowDefinition } from '@initiatief/engine';
import { fieldId } from '../api/client';
import { bare, type Locale } from './form-pages';
import { slugify } from './slugify';

// The part of an address after `#` that names a field of the form (an error summary's link, a link
// to a field on another page): a word made of the field's label as the person reads it, in the
// interface's language, as the pages' words are (step-addresses.ts): #naam-van-uw-initiatief,
// #begroting-regel-2-bedrag. Never the definition's key for the field: a policy officer may
// rename it, and it is a code, in English. The field's element keeps its id (fieldId); the word
// is only what the address says.

const LOCALES: readonly Locale[] = ['nl', 'en'];
const READERS = ['applicant', 'staff'] as const;
type Reader = (typeof READERS)[number];

/** Words for what a path names beside a field: a list's line, its total. */
const WORDS = {
  nl: { line: 'regel', total: 'totaal', question: 'vraag' },
  en: { line: 'line', total: 'total', question: 'question' },
} as const;

interface Anchors {
  /** Each top-level field's word, by language and reader. */
  of: Record<`${Locale}:${Reader}`, Map<string, string>>;
  /** Which field each word names, whatever the language or reader it was made for. */
  owner: Map<string, string>;
}

const cache = new WeakMap<WorkflowDefinition, Anchors>();

/** Words from labels, unique among their fellows: a taken word gets `-2`, `-3`. */
function wordsFor(
  fields: readonly Pick<FormField, 'key' | 'label' | 'staffLabel'>[],
  owner: Map<string, string>,
  numbered: (locale: Locale, i: number) => string,
): Anchors['of'] {
  const of = {} as Anchors['of'];
  for (const locale of LOCALES) {
    for (const reader of READERS) {
      const words = new Map<string, string>();
      fields.forEach((field, i) => {
        const base = slugify(fieldLabel(field, reader)[locale] ?? '') || numbered(locale, i);
        let word = base;
        for (let n = 2; (owner.get(word) ?? field.key) !== field.key; n++) word = `${base}-${n}`;
        owner.set(word, field.key);
        words.set(field.key, word);
      });
      of[`${locale}:${reader}`] = words;
    }
  }
  return of;
}

function anchorsOf(def: WorkflowDefinition): Anchors {
  const known = cache.get(def);
  if (known) return known;
  const owner = new Map<string, string>();
  const of = wordsFor(def.form.fields, owner, (l, i) => `${WORDS[l].question}-${i + 1}`);
  const made = { of, owner };
  cache.set(def, made);
  return made;
}

/** The words of a list's own fields, unique within the list. */
function subWords(list: FormField, locale: Locale, reader: Reader): Map<string, string> {
  const fields = list.type === 'list' ? list.fields : [];
  return wordsFor(fields, new Map(), (l, i) => `${WORDS[l].question}-${i + 1}`)[
    `${locale}:${reader}`
  ];
}

/**
 * The address's word for a field's path (`budgetLines.1.amountCents`: begroting-regel-2-bedrag),
 * as `staff` or the applicant reads its label; a path of no field of the form as it is.
 */
export function anchorOf(
  def: WorkflowDefinition,
  locale: Locale,
  path: string,
  staff = false,
): string {
  const reader: Reader = staff ? 'staff' : 'applicant';
  const [key = '', ...rest] = bare(path).split('.');
  const field = def.form.fields.find((f) => f.key === key);
  const top = anchorsOf(def).of[`${locale}:${reader}`].get(key);
  if (!field || !top) return path;
  const words = WORDS[locale];
  const parts = [top];
  for (const part of rest) {
    if (/^\d+$/.test(part)) {
      const n = String(Number(part) + 1);
      parts.push(...(field.type === 'list' ? [words.line, n] : [n]));
    } else if (part === 'total') parts.push(words.total);
    else parts.push(subWords(field, locale, reader).get(part) ?? (slugify(part) || part));
  }
  return parts.join('-');
}

/**
 * The path of the field an address's word names, among `paths` (the form's fields and the lines
 * they have now): its word in either language, as either reader reads it, or the `f-<key>` of
 * addresses from before the words (an old link). Null when it names none of them.
 */
export function targetOfAnchor(
  def: WorkflowDefinition,
  anchor: string,
  paths: readonly string[],
): string | null {
  let word: string;
  try {
    word = decodeURIComponent(anchor);
  } catch {
    return null;
  }
  for (const path of paths) {
    if (fieldId(path) === word) return path;
    for (const locale of LOCALES)
      for (const staff of [false, true])
        if (anchorOf(def, locale, path, staff) === word) return path;
  }
  return null;
}

/**
 * The paths a form's fields have with these answers: each field, each line of a list and each of
 * its fields, a list's total, each file of a files field: what an address's word can name.
 */
export function pathsOf(def: WorkflowDefinition, data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of def.form.fields) {
    out.push(field.key);
    const value = data[field.key];
    const rows = Array.isArray(value) ? value.length : 0;
    for (let i = 0; i < rows; i++) {
      out.push(`${field.key}.${i}`);
      if (field.type === 'list')
        for (const sub of field.fields) out.push(`${field.key}.${i}.${sub.key}`);
    }
    if (field.type === 'list') out.push(`${field.key}.total`);
  }
  return out;
}
