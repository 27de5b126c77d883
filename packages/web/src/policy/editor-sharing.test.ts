import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import v13 from '../../../../workflows/bewonersinitiatief/definition.v13.json';
import { memoOnReadParts } from './editor-memo';
import { changed, keepUnchanged } from './editor-sharing';
import type { DefinitionJson } from './policy-api';

/** A copy of a shipped definition as the editor holds it: JSON, not validated. */
const draft = () => structuredClone(v13) as unknown as DefinitionJson;
// biome-ignore lint/suspicious/noExplicitAny: the definition is read as JSON
type Json = Record<string, any>;

describe('a change shares the parts of the definition it left alone', () => {
  it('typing the English name copies only the name: the states, form and texts stay the same objects', () => {
    const before = draft() as Json;
    const after = changed(before as DefinitionJson, (d) => {
      (d as Json).title.en = 'Resident initiative grant South';
    }) as Json;
    expect(after).not.toBe(before);
    expect(after.title).not.toBe(before.title);
    expect(after.title).toEqual({ ...before.title, en: 'Resident initiative grant South' });
    for (const part of ['states', 'events', 'form', 'delays', 'templates', 'description']) {
      expect(after[part]).toBe(before[part]);
    }
    // The written text is what a full copy gives.
    const full = structuredClone(before);
    full.title.en = 'Resident initiative grant South';
    expect(JSON.stringify(after, null, 2)).toBe(JSON.stringify(full, null, 2));
  });

  it("a state's label copies that state only, the other states stay", () => {
    const before = draft() as Json;
    const [first, second] = Object.keys(before.states);
    const after = changed(before as DefinitionJson, (d) => {
      (d as Json).states[first!].meta.label.nl = 'Nieuw';
    }) as Json;
    expect(after.states).not.toBe(before.states);
    expect(after.states[first!]).not.toBe(before.states[first!]);
    expect(after.states[first!].on).toBe(before.states[first!].on);
    expect(after.states[second!]).toBe(before.states[second!]);
  });

  it('a change to the order of keys, a removal and a change of type are changes', () => {
    const before = { a: { x: 1 }, b: [1, 2], c: 'c' };
    const reordered = keepUnchanged(before, { b: [1, 2], a: { x: 1 }, c: 'c' });
    expect(reordered).not.toBe(before);
    expect(Object.keys(reordered)).toEqual(['b', 'a', 'c']);
    expect(reordered.a).toBe(before.a);
    expect(reordered.b).toBe(before.b);
    expect(keepUnchanged(before, { a: { x: 1 }, b: [1, 2] })).not.toBe(before);
    expect(keepUnchanged(before, { a: { x: 1 }, b: [1], c: 'c' }).b).toEqual([1]);
    expect(keepUnchanged(before, { a: [1], b: [1, 2], c: 'c' }).a).toEqual([1]);
    expect(keepUnchanged(before, structuredClone(before))).toBe(before);
  });
});

/** A section that reads the name and the states. */
function Names({ def }: { def: DefinitionJson; update: () => void }) {
  const d = def as Json;
  return createElement('p', null, `${d.title.nl} ${Object.keys(d.states).length}`);
}

/** A section that reads every part. */
function All({ def }: { def: DefinitionJson }) {
  return createElement('p', null, Object.keys(def).join());
}

describe('a section is drawn again only when a part it read changed', () => {
  const update = () => {};
  // React's memo: `compare(prev, next)` true means the section is not drawn again.
  const compareOf = (section: unknown) =>
    (section as { compare(a: unknown, b: unknown): boolean }).compare;

  it('skips a change elsewhere, draws a change of what it read, also after skipping', () => {
    const Section = memoOnReadParts(Names);
    const compare = compareOf(Section);
    const def = draft();
    expect(renderToString(createElement(Section, { def, update }))).toContain('Subsidie');
    const texts = changed(def, (d) => {
      (d as Json).templates = {};
    });
    expect(compare({ def, update }, { def: texts, update })).toBe(true);
    // Skipped once: what it read from the earlier definition still counts for the next one.
    const delays = changed(texts, (d) => {
      (d as Json).delays = {};
    });
    expect(compare({ def: texts, update }, { def: delays, update })).toBe(true);
    const renamed = changed(texts, (d) => {
      (d as Json).title.nl = 'Anders';
    });
    expect(compare({ def: texts, update }, { def: renamed, update })).toBe(false);
    const states = changed(texts, (d) => {
      delete (d as Json).states[Object.keys((d as Json).states)[0]!];
    });
    expect(compare({ def: texts, update }, { def: states, update })).toBe(false);
    expect(compare({ def, update }, { def, update: () => {} })).toBe(false);
  });

  it('a section that read every part (Object.keys of the definition) is always drawn again', () => {
    const Section = memoOnReadParts(All);
    const def = draft();
    renderToString(createElement(Section, { def }));
    const texts = changed(def, (d) => {
      (d as Json).templates = {};
    });
    expect(compareOf(Section)({ def }, { def: texts })).toBe(false);
  });
});
