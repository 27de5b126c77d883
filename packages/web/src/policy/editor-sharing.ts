/**
 * Structural sharing for the definition editor. A change is made on a copy of the definition;
 * afterwards every part of the copy that equals the same part before is swapped for the part
 * before, so an unchanged state, question or text keeps its identity and its form (memoised on
 * the parts it reads, see editor-memo.ts) is not drawn again on every keystroke.
 */
import type { DefinitionJson } from './policy-api';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `after` with each part equal to the same part of `before` replaced by that part of `before`;
 * `before` itself when nothing changed. Key order counts (the order of states is a change).
 * `after` is the caller's fresh copy: it is changed in place.
 */
export function keepUnchanged<T extends Json>(before: Json, after: T): T {
  if (before === after) return after;
  if (Array.isArray(before) && Array.isArray(after)) {
    let same = before.length === after.length;
    for (let i = 0; i < after.length; i++) {
      const kept = i < before.length ? keepUnchanged(before[i], after[i]) : after[i];
      if (kept !== before[i]) same = false;
      after[i] = kept;
    }
    return same ? (before as T) : after;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = Object.keys(after);
    const beforeKeys = Object.keys(before);
    let same = keys.length === beforeKeys.length;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (same && beforeKeys[i] !== k) same = false;
      if (!Object.hasOwn(before, k)) {
        same = false;
        continue;
      }
      const kept = keepUnchanged(before[k], after[k]);
      if (kept !== before[k]) same = false;
      (after as Record<string, Json>)[k] = kept;
    }
    return same ? (before as T) : after;
  }
  return (Object.is(before, after) ? before : after) as T;
}

/** Applies a change (written as mutation) to a copy of `def`, sharing what it left alone. */
export function changed(def: DefinitionJson, change: (d: DefinitionJson) => void): DefinitionJson {
  const copy = structuredClone(def);
  change(copy);
  return keepUnchanged(def, copy);
}
