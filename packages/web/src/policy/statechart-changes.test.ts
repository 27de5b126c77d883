import { describe, expect, it } from 'vitest';
import v10 from '../../../../workflows/bewonersinitiatief/definition.v10.json';
import v11 from '../../../../workflows/bewonersinitiatief/definition.v11.json';
import type { DefinitionJson } from './policy-api';
import { compareGraphs, graphOf } from './statechart-graph';
import { textChanges } from './statechart-text-changes';

const graph = (def: unknown) => graphOf(def as DefinitionJson, 'nl', (d) => d);

describe('the diagram against an earlier version whose texts alone changed', () => {
  // Version 11 of the resident initiatives changed only the settlement letter's text.
  const compared = compareGraphs(graph(v11), graph(v10));

  it('marks the transitions that send the changed letter as changed, and nothing as new', () => {
    expect(compared.states.some((s) => s.added || s.removed)).toBe(false);
    expect(compared.edges.some((e) => e.added || e.removed)).toBe(false);
    const changed = compared.edges.filter((e) => e.changed);
    expect(changed.length).toBeGreaterThan(0);
    // Exactly the arrows whose actions issue the settlement letter.
    const issuing = new Set<string>();
    for (const [name, s] of Object.entries(v11.states as Record<string, { on?: object }>))
      for (const t of Object.values(s.on ?? {}))
        for (const b of [t].flat())
          if (JSON.stringify(b).includes('"template":"settlement"')) issuing.add(name);
    expect(new Set(changed.map((e) => e.from))).toEqual(issuing);
  });

  it('the same version against itself marks nothing', () => {
    const same = compareGraphs(graph(v11), graph(structuredClone(v11)));
    expect(same.edges.some((e) => e.changed)).toBe(false);
    expect(same.states.some((s) => s.changed)).toBe(false);
  });

  it('a state renamed is changed; an arrow whose action changed is changed', () => {
    const def = {
      initial: 'a',
      states: {
        a: { meta: { label: { nl: 'A', en: 'A' } }, on: { GO: { target: 'b', actions: [] } } },
        b: { type: 'final' },
      },
    };
    const after = structuredClone(def);
    after.states.a.meta.label.nl = 'Anders';
    (after.states.a.on.GO.actions as unknown[]).push({ type: 'recordPayment' });
    const c = compareGraphs(graph(after), graph(def));
    expect(c.states.find((s) => s.name === 'a')?.changed).toBe(true);
    expect(c.states.find((s) => s.name === 'b')?.changed).toBe(false);
    expect(c.edges.map((e) => e.changed)).toEqual([true]);
  });

  it('names the changed letter in words, with where it is sent', () => {
    const changes = textChanges(v11 as DefinitionJson, v10 as DefinitionJson, 'nl');
    expect(changes.map((c) => `${c.group}.${c.key}`)).toEqual(['letters.settlement']);
    expect(changes[0]?.name).not.toMatch(/\{\{/);
    expect(changes[0]?.where.length).toBeGreaterThan(0);
    expect(changes[0]?.where[0]).toMatch(/ › /);
  });
});
