import type { WorkflowDefinition } from '@initiatief/engine';
import { bare, pagesOf } from './form-pages';

/** The path of a list's total (the budget's), for its error and the summary's link to it. */
export function totalPath(listKey: string): string {
  return `${listKey}.total`;
}

/**
 * Problems in the order of the form as people see it: page by page, each page's fields in the
 * definition's order; within a list its own problem, then row by row in the row's field order,
 * then its total. Problems of no field (the whole application) come last, in the order given.
 */
export function inFormOrder<T>(
  def: WorkflowDefinition,
  problems: Record<string, T>,
): [path: string, value: T][] {
  const rank = new Map<string, number>();
  let n = 0;
  for (const page of pagesOf(def)) {
    for (const key of page.fields) if (!rank.has(key)) rank.set(key, n++);
  }
  for (const field of def.form.fields) if (!rank.has(field.key)) rank.set(field.key, n++);
  const sub = (top: string, key: string | undefined): number => {
    if (key === undefined) return -1;
    const field = def.form.fields.find((f) => f.key === top);
    const i = field?.type === 'list' ? field.fields.findIndex((f) => f.key === key) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const keyOf = (path: string): number[] => {
    const [top = '', row, field] = bare(path).split('.');
    const at = rank.get(top) ?? Number.MAX_SAFE_INTEGER;
    if (row === undefined) return [at, -1, -1];
    if (row === 'total') return [at, Number.MAX_SAFE_INTEGER, 0];
    const i = Number(row);
    return [at, Number.isInteger(i) ? i : Number.MAX_SAFE_INTEGER - 1, sub(top, field)];
  };
  return Object.entries(problems)
    .map((entry, given) => ({ entry, key: [...keyOf(entry[0]), given] }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const d = a.key[i]! - b.key[i]!;
        if (d !== 0) return d;
      }
      return 0;
    })
    .map((x) => x.entry);
}
