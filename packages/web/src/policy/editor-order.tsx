import { type Obj, obj, pathId, type Update } from './editor-kit';
import { useReorder } from './editor-reorder';
import type { DefinitionJson } from './policy-api';

/** The same object with the key at `from` moved to `to`: a definition's order is its keys'. */
export function moveKey(record: Obj, from: number, to: number): Obj {
  const entries = Object.entries(record);
  const [item] = entries.splice(from, 1);
  if (item) entries.splice(to, 0, item);
  return Object.fromEntries(entries);
}

/**
 * Up and down buttons that change the order of a definition's states or steps, the order the
 * queue, the filters and the diagram show them in (see useReorder for focus and announcement).
 */
export function useKeyOrder(def: DefinitionJson, update: Update, part: 'states' | 'events') {
  const keys = Object.keys(obj(def[part]));
  const { moveButtons, announcement } = useReorder({
    names: keys,
    idOf: (name) => pathId(`${part}.${name}`),
    move: (from, to) =>
      update((d) => {
        d[part] = moveKey(obj(d[part]), from, to);
      }),
  });
  const orderButtons = (name: string, what: string) => (
    <div className="policy-inline">{moveButtons(keys.indexOf(name), what)}</div>
  );
  return { orderButtons, announcement };
}
