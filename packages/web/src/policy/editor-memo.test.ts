import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import v13 from '../../../../workflows/bewonersinitiatief/definition.v13.json';
import { memoOnReadParts } from './editor-memo';
import { changed } from './editor-sharing';
import type { DefinitionJson } from './policy-api';

const draft = () => structuredClone(v13) as unknown as DefinitionJson;
// biome-ignore lint/suspicious/noExplicitAny: the definition is read as JSON
type Json = Record<string, any>;

/** Like a state's editor: reads its own state and the steps' names. */
function OneState({ def, name }: { def: DefinitionJson; name: string }) {
  const d = def as Json;
  return createElement('p', null, `${d.states[name].meta.label.nl} ${Object.keys(d.events)}`);
}

/** Reads every state (Object.keys of the states). */
function AllStates({ def }: { def: DefinitionJson; name: string }) {
  return createElement('p', null, Object.keys((def as Json).states).join());
}

// React's memo: `compare(prev, next)` true means the component is not drawn again.
const compareOf = (c: unknown) => (c as { compare(a: unknown, b: unknown): boolean }).compare;

describe('a part followed deep: a state is drawn again only when its own state changed', () => {
  const def = draft();
  const [first, second] = Object.keys((def as Json).states) as [string, string];
  const relabel = (d: DefinitionJson, name: string, nl: string) =>
    changed(d, (c) => {
      (c as Json).states[name].meta.label.nl = nl;
    });

  it('skips a change to another state, also after skipping; draws its own and a step’s name', () => {
    const State = memoOnReadParts(OneState, { deep: ['states'], instanceOf: (p) => p.name });
    const compare = compareOf(State);
    // Both drawn from the same definition: each notes only what it read itself.
    expect(renderToString(createElement(State, { def, name: first }))).toContain('<p>');
    renderToString(createElement(State, { def, name: second }));
    const other = relabel(def, second, 'Anders');
    expect(compare({ def, name: first }, { def: other, name: first })).toBe(true);
    const again = relabel(other, second, 'Nog anders');
    expect(compare({ def: other, name: first }, { def: again, name: first })).toBe(true);
    expect(
      compare({ def: other, name: first }, { def: relabel(other, first, 'Eigen'), name: first }),
    ).toBe(false);
    const steps = changed(other, (c) => {
      (c as Json).events.EXTRA = { label: { nl: 'Extra', en: 'Extra' } };
    });
    expect(compare({ def: other, name: first }, { def: steps, name: first })).toBe(false);
    expect(compare({ def, name: first }, { def, name: second })).toBe(false);
  });

  it('without `deep`, or when every state was read, any state’s change draws it again', () => {
    const whole = memoOnReadParts(OneState);
    renderToString(createElement(whole, { def, name: first }));
    const other = relabel(def, second, 'Anders');
    expect(compareOf(whole)({ def, name: first }, { def: other, name: first })).toBe(false);
    const all = memoOnReadParts(AllStates, { deep: ['states'], instanceOf: (p) => p.name });
    renderToString(createElement(all, { def, name: first }));
    expect(compareOf(all)({ def, name: first }, { def: other, name: first })).toBe(false);
  });
});
