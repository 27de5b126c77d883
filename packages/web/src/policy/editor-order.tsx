import { Button } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { type Obj, obj, pathId, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
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
 * queue, the filters and the diagram show them in. Focus follows the item to its new place
 * (the other button at the edge) and the new place is announced.
 */
export function useKeyOrder(def: DefinitionJson, update: Update, part: 'states' | 'events') {
  const { e } = useEditorText();
  const keys = Object.keys(obj(def[part]));
  const order = keys.join('|');
  const [moved, setMoved] = useState<{ id: string; text: string; order: string | null } | null>(
    null,
  );
  useEffect(() => {
    if (!moved?.order || moved.order !== order) return;
    document.getElementById(moved.id)?.focus();
    setMoved({ ...moved, order: null });
  }, [moved, order]);

  // A render function, not a component: a component made here anew on every render would be
  // mounted anew too, and the button that has the focus would lose it.
  function orderButtons(name: string, what: string) {
    const i = keys.indexOf(name);
    return (
      <div className="policy-inline">
        {(['up', 'down'] as const).map((dir) => {
          const to = dir === 'up' ? i - 1 : i + 1;
          return (
            <Button
              key={dir}
              id={`${pathId(`${part}.${name}`)}-${dir}`}
              appearance="secondary-action-button"
              disabled={to < 0 || to >= keys.length}
              onClick={() => {
                update((d) => {
                  d[part] = moveKey(obj(d[part]), i, to);
                });
                const edge = to === 0 || to === keys.length - 1;
                const next = edge ? (dir === 'up' ? 'down' : 'up') : dir;
                const after = [...keys];
                after.splice(i, 1);
                after.splice(to, 0, name);
                setMoved({
                  order: after.join('|'),
                  id: `${pathId(`${part}.${name}`)}-${next}`,
                  text: e('tr.moved', { what, n: to + 1, total: keys.length }),
                });
              }}
            >
              {e(dir === 'up' ? 'tr.up' : 'tr.down', { what })}
            </Button>
          );
        })}
      </div>
    );
  }

  const announcement = (
    <p role="status" aria-live="polite" className="policy-visually-hidden">
      {moved?.text ?? ''}
    </p>
  );
  return { orderButtons, announcement };
}
