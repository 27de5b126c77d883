import { placeholdersInWords } from '@initiatief/engine';
import { delayText } from './delay-text';
import type { DefinitionJson } from './policy-api';

/** Helpers for editing a definition held as plain JSON (it may be invalid while being edited). */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export type Update = (change: (def: DefinitionJson) => void) => void;
export type Locale = 'nl' | 'en';

/** The DOM id of the form control for a dotted definition path. */
export function pathId(path: string): string {
  return `def-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The value at a dotted path, or undefined. */
export function getAt(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const part of path.split('.')) {
    if (Array.isArray(at)) at = at[Number(part)];
    else if (isObj(at)) at = at[part];
    else return undefined;
  }
  return at;
}

/** An edit of the object at `path` of the definition (a question, a list's own question). */
export function changeAt(update: Update, path: string) {
  return (fn: (at: Obj) => void) =>
    update((d) => {
      const at = getAt(d, path);
      if (isObj(at)) fn(at);
    });
}

/**
 * The transition object at `path`, turning the string shorthand (`"target"`) into an object
 * first so guards and actions can be added to it.
 */
export function transitionAt(def: DefinitionJson, path: string): Obj {
  const parts = path.split('.');
  const last = parts.pop()!;
  const parent = getAt(def, parts.join('.')) as Obj | unknown[];
  const key = Array.isArray(parent) ? Number(last) : last;
  const current = (parent as Record<string | number, unknown>)[key];
  if (isObj(current)) return current;
  const made: Obj = typeof current === 'string' ? { target: current } : {};
  (parent as Record<string | number, unknown>)[key] = made;
  return made;
}

/** Removes the value at `path` (an array item is spliced out, a lone array left empty is removed). */
export function removeAt(def: DefinitionJson, path: string): void {
  const parts = path.split('.');
  const last = parts.pop()!;
  const parentPath = parts.join('.');
  const parent = getAt(def, parentPath);
  if (Array.isArray(parent)) {
    parent.splice(Number(last), 1);
    if (parent.length === 0) removeAt(def, parentPath);
  } else if (isObj(parent)) delete parent[last];
}

/**
 * A text of the definition (`{ nl, en }`) in the officer's language, else `fallback`. The English
 * screen shows the Dutch text while there is no English one yet (a new item has only its Dutch
 * name until it is translated); the Dutch screen never shows English.
 */
export function textIn(v: unknown, locale: Locale, fallback: string): string {
  const t = obj(v);
  return str(t[locale]).trim() || (locale === 'en' ? str(t.nl).trim() : '') || fallback;
}

/** The label of a state, event or field in the officer's language, else the other, else its code. */
export function labelOf(v: unknown, locale: Locale, fallback: string): string {
  const label = obj(v).label ?? obj(obj(v).meta).label;
  return textIn(label, locale, fallback);
}

/**
 * A mail or letter by its subject with its placeholders in words ("Wij hebben uw aanvraag
 * ontvangen («kenmerk»)"), in the officer's language (textIn's rule), never by its key.
 */
export function templateName(pair: unknown, locale: Locale): string {
  const p = obj(pair);
  const subject = textIn({ nl: obj(p.nl).subject, en: obj(p.en).subject }, locale, '');
  if (subject) return placeholdersInWords(subject, locale);
  return locale === 'nl' ? '(zonder Nederlands onderwerp)' : '(without a subject)';
}

export interface Branch {
  /** Dotted path of the transition object (or string shorthand). */
  path: string;
  target: string;
  t: Obj;
}

/** The branches of one `on.X` / `after.Y` entry with their paths. */
export function branchesOf(value: unknown, path: string): Branch[] {
  if (typeof value === 'string') return [{ path, target: value, t: { target: value } }];
  if (Array.isArray(value))
    return value.map((t, i) => ({ path: `${path}.${i}`, target: str(obj(t).target), t: obj(t) }));
  if (isObj(value)) return [{ path, target: str(value.target), t: value }];
  return [];
}

/** Guards of a transition as a list, whether written as one object or an array. */
export function guardsOf(t: Obj): Obj[] {
  const g = t.guard;
  return (Array.isArray(g) ? g : g ? [g] : []).map(obj);
}

/** A fresh code from a label: lower-case letters, digits and _ (or upper case for events). */
export function codeFrom(label: string, upper = false): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'x$1');
  return upper ? base.toUpperCase() : base.toLowerCase();
}

/** A question without words in the officer's language, by its place: "vraag 3". */
export function questionAt(index: string, locale: Locale): string {
  return `${locale === 'nl' ? 'vraag' : 'question'} ${Number(index) + 1}`;
}

/**
 * Where a problem sits, in words: "Ingediend › Verlenen" for `states.submitted.on.GRANT…`,
 * "Begroting › Omschrijving" for a list's own question, "Soort activiteit › Moestuin" for the
 * words of a choice, the event's, field's or template's label for the other parts.
 */
export function describePath(def: unknown, path: string, locale: Locale): string {
  const d = obj(def);
  const parts = path.split('.');
  const out: string[] = [];
  if (parts[0] === 'states' && parts[1]) {
    out.push(labelOf(obj(d.states)[parts[1]], locale, parts[1]));
    if (parts[2] === 'on' && parts[3]) out.push(labelOf(obj(d.events)[parts[3]], locale, parts[3]));
    if (parts[2] === 'after' && parts[3]) out.push(delayText(d, parts[3], locale));
  } else if (parts[0] === 'events' && parts[1]) {
    out.push(labelOf(obj(d.events)[parts[1]], locale, parts[1]));
  } else if (parts[0] === 'form' && parts[1] === 'fields' && parts[2]) {
    let field = arr(obj(d.form).fields)[Number(parts[2])];
    out.push(labelOf(field, locale, questionAt(parts[2], locale)));
    let rest = parts.slice(3);
    // A list's own question: "Begroting › Omschrijving".
    if (rest[0] === 'fields' && rest[1]) {
      field = arr(obj(field).fields)[Number(rest[1])];
      out.push(labelOf(field, locale, questionAt(rest[1], locale)));
      rest = rest.slice(2);
    }
    // A choice of a choice list by its words: "Soort activiteit › Moestuin".
    if (rest[0] === 'optionLabels' && rest[1])
      out.push(textIn(obj(obj(field).optionLabels)[rest[1]], locale, rest[1]));
  } else if (parts[0] === 'templates' && parts[2]) {
    out.push(templateName(obj(obj(d.templates)[parts[1] ?? ''])[parts[2]], locale));
  } else if (parts[0] === 'delays' && parts[1]) out.push(delayText(d, parts[1], locale));
  return out.join(' › ');
}
