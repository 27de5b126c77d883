import { Button } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useEditorText } from './editor-messages';

interface Moved {
  /** The id of the button that gets the focus once the list has been drawn in `order`. */
  id: string;
  /** The new place in words, for screen readers. */
  text: string;
  /** The order the list has after the move; null once the focus has been moved. */
  order: string | null;
}

/**
 * Up and down buttons that move an item of a list in the definition one place: states, steps,
 * a transition's conditions and actions. Focus follows the item to its new place (at the edge
 * the other button, since a disabled one cannot hold it) and the new place is announced.
 *
 * The list is drawn again only once the definition has the new order, so the focus waits for
 * the names to be in that order. `names` are the items in their current order (a state's name,
 * a condition's type); `idOf` gives the id the buttons of the item with that name at that place
 * start with; `move` changes the definition.
 */
export function useReorder({
  names,
  idOf,
  move,
}: {
  names: readonly string[];
  idOf(name: string, index: number): string;
  move(from: number, to: number): void;
}) {
  const { e } = useEditorText();
  const order = names.join('|');
  const [moved, setMoved] = useState<Moved | null>(null);
  useEffect(() => {
    if (!moved?.order || moved.order !== order) return;
    document.getElementById(moved.id)?.focus();
    setMoved({ ...moved, order: null });
  }, [moved, order]);

  // A render function, not a component: a component made here anew on every render would be
  // mounted anew too, and the button that has the focus would lose it.
  function moveButtons(index: number, what: string) {
    const name = names[index] ?? '';
    return (['up', 'down'] as const).map((dir) => {
      const to = dir === 'up' ? index - 1 : index + 1;
      return (
        <Button
          key={dir}
          id={`${idOf(name, index)}-${dir}`}
          appearance="secondary-action-button"
          disabled={to < 0 || to >= names.length}
          onClick={() => {
            move(index, to);
            const edge = to === 0 || to === names.length - 1;
            const next = edge ? (dir === 'up' ? 'down' : 'up') : dir;
            const after = [...names];
            after.splice(index, 1);
            after.splice(to, 0, name);
            setMoved({
              order: after.join('|'),
              id: `${idOf(name, to)}-${next}`,
              text: e('tr.moved', { what, n: to + 1, total: names.length }),
            });
          }}
        >
          {e(dir === 'up' ? 'tr.up' : 'tr.down', { what })}
        </Button>
      );
    });
  }

  const announcement = (
    <p role="status" aria-live="polite" className="policy-visually-hidden">
      {moved?.text ?? ''}
    </p>
  );
  return { moveButtons, announcement };
}
