/**
 * Differences between two versions of a workflow definition: every changed JSON path, and a
 * summary by section (states, transitions, events and their roles, delays, texts, form) that
 * policy staff read before publishing.
 */

export interface PathChange {
  /** Dotted path into the definition, e.g. `templates.mails.decision.nl.body`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface KeyedChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DefinitionDiff {
  changes: PathChange[];
  summary: {
    states: KeyedChanges;
    /** `state.EVENT` (or `state.after.delay`, `state.always`) */
    transitions: KeyedChanges;
    events: KeyedChanges;
    /** Events whose roles changed: who may send them. */
    roles: { event: string; before: string[]; after: string[] }[];
    delays: KeyedChanges;
    letters: KeyedChanges;
    mails: KeyedChanges;
    form: boolean;
    /** title, description, initial, ... */
    other: string[];
  };
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(before: Json, after: Json, path: string, out: PathChange[]): void {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const p = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(after, key)) out.push({ path: p, kind: 'removed', before: before[key] });
      else if (!Object.hasOwn(before, key)) out.push({ path: p, kind: 'added', after: after[key] });
      else walk(before[key], after[key], p, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (const [i, b] of before.entries()) walk(b, after[i], `${path}.${i}`, out);
    return;
  }
  out.push({ path: path || '$', kind: 'changed', before, after });
}

function keyed(before: Json, after: Json): KeyedChanges {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const result: KeyedChanges = { added: [], removed: [], changed: [] };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!Object.hasOwn(a, key)) result.removed.push(key);
    else if (!Object.hasOwn(b, key)) result.added.push(key);
    else if (!same(b[key], a[key])) result.changed.push(key);
  }
  return result;
}

/** `state.EVENT`, `state.after.delay`, `state.always` -> the transition config. */
function transitionsOf(def: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  const states = isObject(def) && isObject(def.states) ? def.states : {};
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    if (isObject(state.on)) for (const [e, t] of Object.entries(state.on)) out[`${name}.${e}`] = t;
    if (isObject(state.after))
      for (const [d, t] of Object.entries(state.after)) out[`${name}.after.${d}`] = t;
    if (state.always !== undefined) out[`${name}.always`] = state.always;
  }
  return out;
}

const get = (o: Json, ...keys: string[]): Json =>
  keys.reduce<Json>((v, k) => (isObject(v) ? v[k] : undefined), o);

const IGNORED = new Set(['version', '$schema']);

/** Compares two definitions (as stored JSON). */
export function diffDefinitions(before: Json, after: Json): DefinitionDiff {
  const changes: PathChange[] = [];
  walk(before, after, '', changes);
  const visible = changes.filter((c) => !IGNORED.has(c.path));

  const events = keyed(get(before, 'events'), get(after, 'events'));
  const roles: DefinitionDiff['summary']['roles'] = [];
  for (const event of events.changed) {
    const b = get(before, 'events', event, 'roles');
    const a = get(after, 'events', event, 'roles');
    if (!same(b, a))
      roles.push({
        event,
        before: Array.isArray(b) ? (b as string[]) : [],
        after: Array.isArray(a) ? (a as string[]) : [],
      });
  }
  const sections = new Set(['states', 'events', 'delays', 'templates', 'form', ...IGNORED]);
  const other = [
    ...new Set(visible.map((c) => c.path.split('.')[0]!).filter((s) => !sections.has(s))),
  ];
  return {
    changes: visible,
    summary: {
      states: keyed(get(before, 'states'), get(after, 'states')),
      transitions: keyed(transitionsOf(before), transitionsOf(after)),
      events,
      roles,
      delays: keyed(get(before, 'delays'), get(after, 'delays')),
      letters: keyed(get(before, 'templates', 'letters'), get(after, 'templates', 'letters')),
      mails: keyed(get(before, 'templates', 'mails'), get(after, 'templates', 'mails')),
      form: !same(get(before, 'form'), get(after, 'form')),
      other,
    },
  };
}
