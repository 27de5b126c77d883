/**
 * Memoising the editor's sections on the parts of the definition they read. Every section gets
 * the whole definition (a state's form names events, delays and texts), so `memo` on `def` alone
 * would never skip. Instead each section reads the definition through a proxy that notes which
 * top-level parts (`states`, `title`, …) it read while drawing; it is drawn again only when one of
 * those parts is another object than before. With the structural sharing of editor-sharing.ts a
 * part that did not change keeps its identity, so typing the English name leaves the states alone.
 * Reading every key (Object.keys, JSON.stringify) counts as reading everything.
 */
import { type ComponentType, createElement, memo } from 'react';
import type { DefinitionJson } from './policy-api';

const EVERYTHING = Symbol('everything');
type Reads = Set<PropertyKey>;

interface Props {
  def: DefinitionJson;
}

/** `Section`, drawn again only when a part of `def` it read or another prop changed. */
export function memoOnReadParts<P extends Props>(Section: ComponentType<P>): ComponentType<P> {
  // Per definition object: the parts read from it, and the proxy the section reads it through
  // (one per definition, so the section sees the same object for the same definition).
  const reads = new WeakMap<object, Reads>();
  const proxies = new WeakMap<object, DefinitionJson>();
  const readsOf = (def: object): Reads => {
    const known = reads.get(def);
    if (known) return known;
    const set: Reads = new Set();
    reads.set(def, set);
    return set;
  };
  const tracked = (def: DefinitionJson): DefinitionJson => {
    let proxy = proxies.get(def);
    if (proxy) return proxy;
    const set = readsOf(def);
    proxy = new Proxy(def, {
      get(target, key, receiver) {
        set.add(key);
        return Reflect.get(target, key, receiver);
      },
      has(target, key) {
        set.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        set.add(EVERYTHING);
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, key) {
        set.add(EVERYTHING);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    proxies.set(def, proxy);
    return proxy;
  };
  function Tracked(props: P) {
    return createElement(Section, { ...props, def: tracked(props.def) });
  }
  Tracked.displayName = `Tracked(${Section.displayName ?? Section.name})`;
  return memo(Tracked, (prev, next) => {
    for (const k of Object.keys(next) as (keyof P)[]) {
      if (k !== 'def' && !Object.is(prev[k], next[k])) return false;
    }
    if (Object.keys(prev).length !== Object.keys(next).length) return false;
    if (prev.def === next.def) return true;
    const read = reads.get(prev.def);
    if (!read || read.size === 0 || read.has(EVERYTHING)) return false;
    const before = prev.def as Record<PropertyKey, unknown>;
    const after = next.def as Record<PropertyKey, unknown>;
    for (const key of read) if (!Object.is(before[key], after[key])) return false;
    // Skipped: the next comparison starts from `next.def`, which the section has not read yet.
    const carried = readsOf(next.def);
    for (const key of read) carried.add(key);
    return true;
  }) as unknown as ComponentType<P>;
}
