/**
 * The statechart as a graph (states and arrows with labels), tolerant of a draft that is not
 * valid yet, and its comparison with an earlier version: what is new, and what was removed.
 */
import type { DefinitionJson } from './policy-api';

export interface Edge {
  id: string;
  from: string;
  to: string;
  label: string;
  /** A timer's arrow is dashed; a step's is solid. */
  timer?: boolean;
  /** New against the version it is compared with. */
  added?: boolean;
  /** In the version it is compared with, but no longer in this one. */
  removed?: boolean;
}

export interface Graph {
  initial: string;
  states: { name: string; label: string; final: boolean; added?: boolean; removed?: boolean }[];
  edges: Edge[];
}

/** Guards in words, for the labels on arrows; `event` is the step of the arrow (none for a timer). */
export type GuardText = (guard: unknown, event?: string) => string;

function guardList(t: unknown): unknown[] {
  const g = isObj(t) ? t.guard : undefined;
  return Array.isArray(g) ? g : g ? [g] : [];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (isObj(value) && typeof value.target === 'string') return [value.target];
  return [];
}

/** States and transitions of a definition, tolerant of a draft that is not valid yet. */
export function graphOf(
  def: DefinitionJson,
  locale: 'nl' | 'en',
  timerLabel: (d: string) => string,
  guardText: GuardText = () => '',
): Graph {
  const states = isObj(def.states) ? def.states : {};
  const events = isObj(def.events) ? def.events : {};
  const names = Object.keys(states);
  const edges: Edge[] = [];
  const labelOfEvent = (type: string) => {
    const l = isObj(events[type]) ? (events[type] as Obj).label : undefined;
    return isObj(l) && typeof l[locale] === 'string' ? (l[locale] as string) : type;
  };
  for (const name of names) {
    const s = states[name];
    if (!isObj(s)) continue;
    const add = (label: string, value: unknown, timer = false, event?: string) => {
      const branches = Array.isArray(value) ? value : [value];
      // Guards every option of this step shares explain nothing; the ones that differ do.
      const lists = branches.map((b) => guardList(b).map((g) => JSON.stringify(g)));
      branches.forEach((b, i) => {
        const own = guardList(b).filter((_g, n) =>
          lists.some((l, j) => j !== i && !l.includes(lists[i]![n]!)),
        );
        const words = own.map((g) => guardText(g, event)).join('; ');
        const text = words ? `${label} [${words}]` : label;
        for (const to of targetsOf(b)) {
          if (names.includes(to))
            edges.push({ id: `e${edges.length}`, from: name, to, label: text, timer });
        }
        // A timer that only sends something (a reminder) stays: its own arrow back to its state.
        if (timer && targetsOf(b).length === 0)
          edges.push({ id: `e${edges.length}`, from: name, to: name, label: text, timer });
      });
    };
    if (isObj(s.on))
      for (const [type, t] of Object.entries(s.on)) add(labelOfEvent(type), t, false, type);
    if (isObj(s.after))
      for (const [delay, t] of Object.entries(s.after)) add(timerLabel(delay), t, true);
    if (s.always !== undefined) add('→', s.always);
  }
  return {
    initial: typeof def.initial === 'string' ? def.initial : '',
    states: names.map((name) => {
      const s = states[name] as Obj;
      const label = isObj(s?.meta) && isObj(s.meta.label) ? s.meta.label[locale] : undefined;
      return { name, label: typeof label === 'string' ? label : name, final: s?.type === 'final' };
    }),
    edges,
  };
}

/**
 * `graph` compared with `old`: new states and arrows are marked added; states and arrows of
 * `old` that are gone are put back, marked removed, so the diagram can draw them struck through.
 */
export function compareGraphs(graph: Graph, old: Graph): Graph {
  const keyOf = (e: Edge) => `${e.from}>${e.to}>${e.label}`;
  const oldEdges = new Set(old.edges.map(keyOf));
  const newEdges = new Set(graph.edges.map(keyOf));
  const names = new Set(graph.states.map((st) => st.name));
  const states = [
    ...graph.states.map((st) => ({ ...st, added: !old.states.some((o) => o.name === st.name) })),
    ...old.states.filter((o) => !names.has(o.name)).map((o) => ({ ...o, removed: true })),
  ];
  const edges = [
    ...graph.edges.map((e) => ({ ...e, added: !oldEdges.has(keyOf(e)) })),
    ...old.edges
      .filter((e) => !newEdges.has(keyOf(e)))
      .map((e, i) => ({ ...e, id: `r${i}`, removed: true })),
  ];
  return { ...graph, states, edges };
}
