/**
 * Memoising the editor's sections on the parts of the definition they read. Every section gets
 * the whole definition (a state's form names events, delays and texts), so `memo` on `def` alone
 * would never skip. Instead each section reads the definition through a proxy that notes which
 * top-level parts (`states`, `title`, …) it read while drawing; it is drawn again only when one of
 * those parts is another object than before. With the structural sharing of editor-sharing.ts a
 * part that did not change keeps its identity, so typing the English name leaves the states alone.
 * Reading every key (Object.keys, JSON.stringify) counts as reading everything.
 *
 * A part named in `deep` is followed one level further: a state's editor reads `states[name]`,
 * and is drawn again when that state is another object, not when another state changed.
 */
import { type ComponentType, createElement, memo } from 'react';
import type { DefinitionJson } from './policy-api';

const EVERYTHING = Symbol('everything');
type Reads = Set<PropertyKey>;
/** What a section read of a definition: its parts, and of a `deep` part, which of its keys. */
interface ReadRecord {
  parts: Reads;
  keys: Map<PropertyKey, Reads>;
}
type Json = Record<PropertyKey, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Props {
  def: DefinitionJson;
}

/** Notes each key read of `target` in `set`; reading every key notes EVERYTHING. */
function recording<T extends object>(
  target: T,
  set: Reads,
  get: (target: T, key: PropertyKey, receiver: unknown) => unknown = Reflect.get,
): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      set.add(key);
      return get(t, key, receiver);
    },
    has(t, key) {
      set.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      set.add(EVERYTHING);
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, key) {
      set.add(EVERYTHING);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
  });
}

/** Whether `after` differs from `before` in a part or key that `read` says was read. */
function changedIn(read: ReadRecord, before: Json, after: Json): boolean {
  for (const key of read.parts) {
    const keys = read.keys.get(key);
    const [b, a] = [before[key], after[key]];
    if (Object.is(b, a)) continue;
    if (!keys || keys.has(EVERYTHING) || !isRecord(b) || !isRecord(a)) return true;
    for (const k of keys) if (!Object.is(b[k], a[k])) return true;
  }
  return false;
}

/** `Section`, drawn again only when a part of `def` it read or another prop changed. */
export function memoOnReadParts<P extends Props>(
  Section: ComponentType<P>,
  options: {
    /** Top-level parts whose keys are followed one by one (`states`). */
    deep?: readonly string[];
    /**
     * Which of several drawn at once (a state's editor: its state's name): each notes its own
     * reads of the same definition. One section drawn once needs none.
     */
    instanceOf?: (props: P) => string;
  } = {},
): ComponentType<P> {
  const { deep = [], instanceOf = () => '' } = options;
  // Per definition object and instance: what was read of it, and the proxy the section reads it
  // through (one per definition, so the section sees the same object for the same definition).
  const reads = new WeakMap<object, Map<string, ReadRecord>>();
  const proxies = new WeakMap<object, Map<string, DefinitionJson>>();
  const readsOf = (def: object, instance: string): ReadRecord => {
    const byInstance = reads.get(def) ?? new Map<string, ReadRecord>();
    reads.set(def, byInstance);
    const known = byInstance.get(instance);
    if (known) return known;
    const record: ReadRecord = { parts: new Set(), keys: new Map() };
    byInstance.set(instance, record);
    return record;
  };
  const tracked = (def: DefinitionJson, instance: string): DefinitionJson => {
    const byInstance = proxies.get(def) ?? new Map<string, DefinitionJson>();
    proxies.set(def, byInstance);
    let proxy = byInstance.get(instance);
    if (proxy) return proxy;
    const record = readsOf(def, instance);
    // A deep part is handed out through a proxy of its own, the same one each time.
    const inner = new Map<PropertyKey, object>();
    proxy = recording(def, record.parts, (t, key, receiver) => {
      const value = Reflect.get(t, key, receiver);
      if (typeof key !== 'string' || !deep.includes(key) || !isRecord(value)) return value;
      let part = inner.get(key);
      if (!part) {
        const keys = record.keys.get(key) ?? new Set<PropertyKey>();
        record.keys.set(key, keys);
        part = recording(value, keys);
        inner.set(key, part);
      }
      return part;
    });
    byInstance.set(instance, proxy);
    return proxy;
  };
  function Tracked(props: P) {
    return createElement(Section, { ...props, def: tracked(props.def, instanceOf(props)) });
  }
  Tracked.displayName = `Tracked(${Section.displayName ?? Section.name})`;
  return memo(Tracked, (prev, next) => {
    for (const k of Object.keys(next) as (keyof P)[]) {
      if (k !== 'def' && !Object.is(prev[k], next[k])) return false;
    }
    if (Object.keys(prev).length !== Object.keys(next).length) return false;
    if (prev.def === next.def) return true;
    const read = reads.get(prev.def)?.get(instanceOf(prev));
    if (!read || read.parts.size === 0 || read.parts.has(EVERYTHING)) return false;
    if (changedIn(read, prev.def as Json, next.def as Json)) return false;
    // Skipped: the next comparison may start from `next.def`, which the section has not read.
    const carried = readsOf(next.def, instanceOf(next));
    for (const key of read.parts) carried.parts.add(key);
    for (const [key, keys] of read.keys) {
      const into = carried.keys.get(key) ?? new Set<PropertyKey>();
      for (const k of keys) into.add(k);
      carried.keys.set(key, into);
    }
    return true;
  }) as unknown as ComponentType<P>;
}
