/**
 * The statechart as a graph (states and arrows with labels), tolerant of a draft that is not
 * valid yet, and its comparison with an earlier version: what is new, and what was removed.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { labelOf } from './editor-kit';
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
  /** In both, but what it does changed: its actions, or the text of a letter or mail it sends. */
  changed?: boolean;
  /** A fingerprint of what the arrow does (its actions and the texts they send), to compare. */
  content?: string;
}

export interface GraphState {
  name: string;
  label: string;
  final: boolean;
  added?: boolean;
  removed?: boolean;
  /** In both, but its name, or what it does on entering or leaving it, changed. */
  changed?: boolean;
  content?: string;
}

export interface Graph {
  initial: string;
  states: GraphState[];
  edges: Edge[];
}

/** What is marked in a diagram compared with an earlier version. */
export type Marks = { added?: boolean; removed?: boolean; changed?: boolean };

/** A short fingerprint of a text (FNV-1a): equal texts, equal fingerprints. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * What a list of actions does, with the texts of the letters (`issueDocument`) and mails
 * (`sendNotice`) it sends: the same actions sending a changed text are changed too.
 */
function actionsContent(def: DefinitionJson, actions: unknown): string {
  const templates = isObj(def.templates) ? def.templates : {};
  const list = Array.isArray(actions) ? actions : [];
  const texts = list.map((a) => {
    const params = isObj(a) && isObj(a.params) ? a.params : {};
    const group =
      isObj(a) && a.type === 'issueDocument'
        ? 'letters'
        : isObj(a) && a.type === 'sendNotice'
          ? 'mails'
          : undefined;
    const key = typeof params.template === 'string' ? params.template : undefined;
    return group && key ? (isObj(templates[group]) ? templates[group][key] : undefined) : null;
  });
  return JSON.stringify([list, texts]);
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
  // A name not yet translated is shown in the other language, never as its code.
  const labelOfEvent = (type: string) => labelOf(events[type], locale, type);
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
        const content = fingerprint(actionsContent(def, isObj(b) ? b.actions : undefined));
        for (const to of targetsOf(b)) {
          if (names.includes(to))
            edges.push({ id: `e${edges.length}`, from: name, to, label: text, timer, content });
        }
        // A step or timer that only does something (pays an advance, sends a reminder) stays
        // in its state: its own arrow back to it, in the diagram and in its text alike.
        if (targetsOf(b).length === 0)
          edges.push({ id: `e${edges.length}`, from: name, to: name, label: text, timer, content });
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
      // The state itself without its arrows (they are compared on their own): its names, and
      // what it does on entering and leaving, with the texts it sends.
      const { on: _on, after: _after, always: _always, ...own } = isObj(s) ? s : {};
      const content = fingerprint(
        JSON.stringify([
          own,
          actionsContent(def, isObj(s) ? s.entry : undefined),
          actionsContent(def, isObj(s) ? s.exit : undefined),
        ]),
      );
      return { name, label: labelOf(s, locale, name), final: s?.type === 'final', content };
    }),
    edges,
  };
}

/**
 * `graph` compared with `old`: new states and arrows are marked added; states and arrows of
 * `old` that are gone are put back, marked removed, so the diagram can draw them struck through;
 * those in both whose content differs (a letter's text, an action) are marked changed.
 */
export function compareGraphs(graph: Graph, old: Graph): Graph {
  const keyOf = (e: Edge) => `${e.from}>${e.to}>${e.label}`;
  const oldEdges = new Set(old.edges.map(keyOf));
  const oldContents = new Set(old.edges.map((e) => `${keyOf(e)}>${e.content ?? ''}`));
  const newEdges = new Set(graph.edges.map(keyOf));
  const names = new Set(graph.states.map((st) => st.name));
  const states = [
    ...graph.states.map((st) => {
      const was = old.states.find((o) => o.name === st.name);
      return { ...st, added: !was, changed: Boolean(was && was.content !== st.content) };
    }),
    ...old.states.filter((o) => !names.has(o.name)).map((o) => ({ ...o, removed: true })),
  ];
  const edges = [
    ...graph.edges.map((e) => {
      const added = !oldEdges.has(keyOf(e));
      return { ...e, added, changed: !added && !oldContents.has(`${keyOf(e)}>${e.content ?? ''}`) };
    }),
    ...old.edges
      .filter((e) => !newEdges.has(keyOf(e)))
      .map((e, i) => ({ ...e, id: `r${i}`, removed: true })),
  ];
  return { ...graph, states, edges };
}

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  /** Each arrow's route and its label's box as elkjs placed it: on the arrow (inline). */
  edges: { id: string; points: Point[]; label?: Box & { lines: string[] } }[];
}

/** Font sizes of the diagram (CSS px at 100 %); the layout measures its texts with them. */
export const STATE_FONT = 14;
export const LABEL_FONT = 12;
export const LABEL_LINE = 15;
/** A label longer than this wraps onto more lines, so one long label does not widen it all. */
const LABEL_MAX = 170;

/** The width of a text in px at `size`: measured by the caller (a canvas), or estimated. */
export type Measure = (text: string, size: number) => number;
export const estimate: Measure = (text, size) => text.length * size * 0.56;

/** `text` in lines of at most `max` px wide, broken between words. */
export function wrapText(text: string, max: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * The graph laid out by elkjs (loaded only when a diagram is shown: it is large): top to bottom
 * in the definition's own order of states (so the start state is on top and a step back to an
 * earlier status is the arrow that goes up), every label on its own arrow, a state's arrows
 * back to itself at its sides. `prefix` gives the words before a marked label ("nieuw: ").
 */
export async function layoutGraph(
  graph: Graph,
  measure: Measure,
  prefix: (x: Marks) => string,
): Promise<Layout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const lines = new Map(
    graph.edges.map((e) => [
      e.id,
      wrapText(`${prefix(e)}${e.label}`, LABEL_MAX, LABEL_FONT, measure),
    ]),
  );
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.spacing.nodeNodeBetweenLayers': '50',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeLabel': '4',
    },
    children: graph.states.map((s) => ({
      id: s.name,
      width: Math.max(90, measure(`${prefix(s)}${s.label}`, STATE_FONT) + 32),
      height: 44,
      // Options of a node, not of the graph: elkjs reads them there. Arrows back to the same
      // state go at its sides, one beside the other (not nested), each with its label.
      layoutOptions: {
        'elk.layered.edgeRouting.selfLoopDistribution': 'NORTH_SOUTH',
        'elk.layered.edgeRouting.selfLoopOrdering': 'SEQUENCED',
      },
    })),
    edges: graph.edges.map((e) => {
      const text = lines.get(e.id) ?? [''];
      return {
        id: e.id,
        sources: [e.from],
        targets: [e.to],
        labels: [
          {
            text: e.label,
            width: Math.max(...text.map((l) => measure(l, LABEL_FONT))) + 10,
            height: text.length * LABEL_LINE + 4,
            // On the arrow itself, not beside it where it might belong to the next arrow.
            layoutOptions: { 'elk.edgeLabels.inline': 'true' },
          },
        ],
      };
    }),
  };
  const result: ElkNode = await new ELK().layout(input);
  const nodes = new Map<string, Box>();
  for (const c of result.children ?? [])
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const edges = (result.edges ?? []).map((e) => {
    const section = e.sections?.[0];
    const points = section
      ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      : [];
    const l = e.labels?.[0];
    const label = l
      ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 }
      : undefined;
    return { id: e.id, points, label: label && { ...label, lines: lines.get(e.id) ?? [] } };
  });
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}
