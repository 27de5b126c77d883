/**
 * Fields the API refused to store (a NUL character pasted into a text, a number the form's rules
 * do not allow), held back so the rest of the draft still saves. Each is kept with the value
 * that was refused: once the person changes it, it is sent again.
 */
import type { ApplicationData } from '../../api/client';
import type { InvalidParam } from '../../api/http';
import { bare } from '../../forms/form-pages';

export interface Refusal {
  /** Bare dotted path: `description`, `budgetLines.0.description`. */
  path: string;
  /** The refused value, as JSON (`undefined` when the path held none). */
  value: string | undefined;
  /** The refusal's code (`malformed_request` names no label; the form adds it). */
  code: string | undefined;
  param: InvalidParam;
}

type Item = Record<string, unknown>;

function isItem(v: unknown): v is Item {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a bare path of the data, or undefined. */
export function valueAt(data: ApplicationData, path: string): unknown {
  let at: unknown = data;
  for (const part of path.split('.')) {
    if (Array.isArray(at)) at = at[Number(part)];
    else if (isItem(at)) at = at[part];
    else return undefined;
  }
  return at;
}

const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

/** Whether a field the API refused still holds the value it refused. */
export function stillRefused(data: ApplicationData, r: Refusal): boolean {
  return json(valueAt(data, r.path)) === r.value;
}

/**
 * The data to send: without the refused values that are still there. A top-level field is left
 * out (the API merges fields, so the stored value stays); a field of a list's item is left out
 * of that item; an item refused as a whole is left out of its list; anything deeper drops its
 * top-level field.
 */
export function withoutRefused(data: ApplicationData, refusals: Refusal[]): ApplicationData {
  const out: ApplicationData = { ...data };
  const held = refusals.filter((r) => stillRefused(data, r));
  const dropItems = new Map<string, Set<number>>();
  for (const { path } of held) {
    const [top = '', row, sub, ...deeper] = path.split('.');
    const list = out[top];
    const i = Number(row);
    if (row === undefined || !Array.isArray(list) || !Number.isInteger(i) || deeper.length) {
      delete out[top];
    } else if (sub === undefined) {
      dropItems.set(top, (dropItems.get(top) ?? new Set()).add(i));
    } else if (isItem(list[i])) {
      const copy = [...list];
      const { [sub]: _, ...rest } = list[i] as Item;
      copy[i] = rest;
      out[top] = copy;
    } else {
      delete out[top];
    }
  }
  for (const [top, rows] of dropItems) {
    const list = out[top];
    if (Array.isArray(list)) out[top] = list.filter((_, i) => !rows.has(i));
  }
  return out;
}

/**
 * The fields of a refusal that can be held back from what was sent: each named field that the
 * sent data holds and that was not held back already. None when the refusal names no field of
 * the data (the whole request, say): then nothing can be saved apart from it.
 */
export function newRefusals(
  sent: ApplicationData,
  code: string | undefined,
  params: InvalidParam[],
  known: Refusal[],
): Refusal[] {
  const out: Refusal[] = [];
  for (const param of params) {
    if (!/^data\./.test(param.name)) continue;
    const path = bare(param.name);
    const value = valueAt(sent, path);
    if (value === undefined) continue;
    if (known.some((r) => r.path === path) || out.some((r) => r.path === path)) continue;
    out.push({ path, value: json(value), code, param });
  }
  return out;
}
