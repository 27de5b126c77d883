import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { useEffect, useId, useMemo, useState } from 'react';
import { useRefText } from './editor-params';
import type { DefinitionJson } from './policy-api';
import { usePolicyText } from './policy-messages';

interface Edge {
  id: string;
  from: string;
  to: string;
  label: string;
  /** A timer's arrow is dashed; a step's is solid. */
  timer?: boolean;
  /** New against the version it is compared with. */
  added?: boolean;
}

interface Graph {
  initial: string;
  states: { name: string; label: string; final: boolean; added?: boolean }[];
  edges: Edge[];
}

/** Guards in words, for the labels on arrows. */
export type GuardText = (guard: unknown) => string;

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
    const add = (label: string, value: unknown, timer = false) => {
      const branches = Array.isArray(value) ? value : [value];
      // Guards every option of this step shares explain nothing; the ones that differ do.
      const lists = branches.map((b) => guardList(b).map((g) => JSON.stringify(g)));
      branches.forEach((b, i) => {
        const own = guardList(b).filter((_g, n) =>
          lists.some((l, j) => j !== i && !l.includes(lists[i]![n]!)),
        );
        const words = own.map(guardText).join('; ');
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
    if (isObj(s.on)) for (const [type, t] of Object.entries(s.on)) add(labelOfEvent(type), t);
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

interface Point {
  x: number;
  y: number;
}
interface Layout {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  edges: { id: string; points: Point[]; label?: { x: number; y: number; text: string } }[];
}

const CHAR = 7.2;

async function layoutGraph(graph: Graph): Promise<Layout> {
  // elkjs is large; it loads only when a diagram is shown.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
    },
    children: graph.states.map((s) => ({
      id: s.name,
      width: Math.max(90, s.label.length * CHAR + 28),
      height: 44,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: [{ text: e.label, width: e.label.length * 6.2 + 8, height: 16 }],
    })),
  };
  const result: ElkNode = await elk.layout(input);
  const nodes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const c of result.children ?? []) {
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  }
  const edges = (result.edges ?? []).map((e) => {
    const section = e.sections?.[0];
    const points = section
      ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      : [];
    const l = e.labels?.[0];
    return {
      id: e.id,
      points,
      label: l ? { x: l.x ?? 0, y: (l.y ?? 0) + 12, text: l.text ?? '' } : undefined,
    };
  });
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}

/**
 * The statechart laid out by elkjs as an SVG image with a title and description, and the same
 * content as a table for everyone who cannot see the picture. `current` is highlighted by colour,
 * a thicker border and the words "current status".
 */
export function Statechart({
  definition,
  current,
  before,
}: {
  definition: DefinitionJson;
  current?: string;
  /** An earlier version: what is new in `definition` is drawn in green and marked "nieuw". */
  before?: DefinitionJson;
}) {
  const { p, locale } = usePolicyText();
  const refText = useRefText(definition);
  const id = useId();
  const graph = useMemo(() => {
    const guardText: GuardText = (g) => refText('guards', g);
    const timer = (d: string) => `⏱ ${p('states.timer', { delay: d })}`;
    const g = graphOf(definition, locale, timer, guardText);
    if (!before) return g;
    const old = graphOf(before, locale, timer, guardText);
    const oldEdges = new Set(old.edges.map((e) => `${e.from}>${e.to}>${e.label}`));
    return {
      ...g,
      states: g.states.map((st) => ({ ...st, added: !old.states.some((o) => o.name === st.name) })),
      edges: g.edges.map((e) => ({ ...e, added: !oldEdges.has(`${e.from}>${e.to}>${e.label}`) })),
    };
  }, [definition, before, locale, p, refText]);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [failed, setFailed] = useState(false);
  const signature = JSON.stringify(graph);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph's content, not its identity
  useEffect(() => {
    let live = true;
    layoutGraph(graph)
      .then((l) => {
        if (live) {
          setLayout(l);
          setFailed(false);
        }
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [signature]);

  const labelOf = (name: string) => graph.states.find((s) => s.name === name)?.label ?? name;
  const edgeOf = (edgeId: string) => graph.edges.find((e) => e.id === edgeId);
  const desc = p('diagram.desc', {
    states: graph.states.length,
    transitions: graph.edges.length,
    initial: labelOf(graph.initial),
    current: current ? p('diagram.current', { state: labelOf(current) }) : '',
  });

  return (
    <div className="policy-diagram">
      {layout ? (
        // Keyboard users scroll a wide diagram too: the scroll area takes focus.
        <section
          className="policy-diagram__scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
          tabIndex={0}
          aria-label={p('diagram.title')}
        >
          <svg
            role="img"
            aria-labelledby={`${id}-t ${id}-d`}
            viewBox={`-10 -10 ${layout.width + 20} ${layout.height + 20}`}
            width={layout.width + 20}
            height={layout.height + 20}
            className="policy-diagram__svg"
          >
            <title id={`${id}-t`}>{p('diagram.title')}</title>
            <desc id={`${id}-d`}>{desc}</desc>
            <defs>
              <marker
                id={`${id}-arrow`}
                viewBox="0 0 10 10"
                refX="10"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#333" />
              </marker>
            </defs>
            {layout.edges.map((e) => (
              <g key={e.id}>
                <polyline
                  points={e.points.map((pt) => `${pt.x},${pt.y}`).join(' ')}
                  fill="none"
                  stroke={edgeOf(e.id)?.added ? '#1e7d32' : '#555'}
                  strokeWidth={edgeOf(e.id)?.added ? 2.5 : 1.5}
                  strokeDasharray={edgeOf(e.id)?.timer ? '5 4' : undefined}
                  markerEnd={`url(#${id}-arrow)`}
                />
                {e.label && (
                  <text
                    x={e.label.x}
                    y={e.label.y}
                    fontSize="11"
                    fill={edgeOf(e.id)?.added ? '#14532d' : '#1a1a1a'}
                  >
                    {edgeOf(e.id)?.added ? `${p('diagram.new')}: ` : ''}
                    {e.label.text}
                  </text>
                )}
              </g>
            ))}
            {graph.states.map((s) => {
              const n = layout.nodes.get(s.name);
              if (!n) return null;
              const isCurrent = s.name === current;
              return (
                <g key={s.name} data-state={s.name} aria-current={isCurrent ? 'step' : undefined}>
                  <rect
                    x={n.x}
                    y={n.y}
                    width={n.width}
                    height={n.height}
                    rx={s.final ? 20 : 6}
                    fill={isCurrent ? '#00689e' : '#fff'}
                    stroke={
                      isCurrent
                        ? '#00324d'
                        : s.added
                          ? '#1e7d32'
                          : s.name === graph.initial
                            ? '#00689e'
                            : '#444'
                    }
                    strokeWidth={isCurrent ? 4 : s.final ? 3 : 1.5}
                    strokeDasharray={s.final && !isCurrent ? '0' : undefined}
                  />
                  <text
                    x={n.x + n.width / 2}
                    y={n.y + (isCurrent ? 19 : 27)}
                    textAnchor="middle"
                    fontSize="13"
                    fontWeight={isCurrent ? 700 : 400}
                    fill={isCurrent ? '#fff' : '#1a1a1a'}
                  >
                    {s.added ? `${p('diagram.new')}: ${s.label}` : s.label}
                  </text>
                  {isCurrent && (
                    <text
                      x={n.x + n.width / 2}
                      y={n.y + 35}
                      textAnchor="middle"
                      fontSize="10"
                      fill="#fff"
                    >
                      {p('diagram.currentMark')}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </section>
      ) : (
        <p role="status" className="utrecht-paragraph">
          {failed ? p('diagram.failed') : p('diagram.loading')}
        </p>
      )}
      <details className="policy-diagram__text">
        <summary>{p('diagram.text')}</summary>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{p('diagram.from')}</TableHeaderCell>
              <TableHeaderCell scope="col">{p('diagram.to')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {graph.states.map((s) => {
              const out = graph.edges.filter((e) => e.from === s.name);
              return (
                <TableRow key={s.name}>
                  <TableHeaderCell scope="row">
                    {s.label}
                    {s.name === graph.initial ? ` (${p('states.initial').toLowerCase()})` : ''}
                    {s.final ? ` (${p('diagram.final')})` : ''}
                    {s.name === current ? ` (${p('diagram.currentMark')})` : ''}
                    {s.added ? ` (${p('diagram.new')})` : ''}
                  </TableHeaderCell>
                  <TableCell>
                    {out.length === 0
                      ? '–'
                      : out
                          .map(
                            (e) =>
                              `${e.added ? `${p('diagram.new')}: ` : ''}${e.label} → ${labelOf(e.to)}`,
                          )
                          .join('; ')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </details>
    </div>
  );
}
