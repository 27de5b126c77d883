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
import { delayText } from './delay-text';
import { useEditorText } from './editor-messages';
import { useRefText } from './editor-params';
import type { DefinitionJson } from './policy-api';
import { compareGraphs, type Graph, type GuardText, graphOf } from './statechart-graph';

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
    // "nieuw: " or "verwijderd: " goes before a changed label: room for it.
    children: graph.states.map((s) => ({
      id: s.name,
      width: Math.max(90, (s.label.length + (s.added || s.removed ? 12 : 0)) * CHAR + 28),
      height: 44,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: [
        {
          text: e.label,
          width: (e.label.length + (e.added || e.removed ? 12 : 0)) * 6.2 + 8,
          height: 16,
        },
      ],
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
  const { p, e: t, locale } = useEditorText();
  const refText = useRefText(definition);
  const id = useId();
  const graph = useMemo(() => {
    const guardText: GuardText = (g, event) => refText('guards', g, event);
    // The dashed arrow marks a timer; the words name it (no glyph: not every font has one).
    const timer = (def: DefinitionJson) => (d: string) =>
      p('states.timer', { delay: delayText(def, d, locale) });
    const g = graphOf(definition, locale, timer(definition), guardText);
    return before ? compareGraphs(g, graphOf(before, locale, timer(before), guardText)) : g;
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
  const removedStates = graph.states.filter((s) => s.removed);
  const removedEdges = graph.edges.filter((e) => e.removed);
  const removedText = [
    removedStates.length
      ? t('diagram.removedStates', { states: removedStates.map((s) => s.label).join(', ') })
      : '',
    removedEdges.length
      ? t('diagram.removedSteps', {
          steps: removedEdges
            .map((e) => `${labelOf(e.from)}: ${e.label} → ${labelOf(e.to)}`)
            .join('; '),
        })
      : '',
  ].filter(Boolean);
  /** The words before a label that say what changed: "nieuw: ", "verwijderd: " or nothing. */
  const mark = (x: { added?: boolean; removed?: boolean }) =>
    x.removed ? `${t('diagram.removed')}: ` : x.added ? `${p('diagram.new')}: ` : '';
  const desc = `${p('diagram.desc', {
    states: graph.states.length - removedStates.length,
    transitions: graph.edges.length - removedEdges.length,
    initial: labelOf(graph.initial),
    current: current ? p('diagram.current', { state: labelOf(current) }) : '',
  })}${removedText.length ? ` ${removedText.join(' ')}` : ''}`;

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
            {layout.edges.map((e) => {
              const edge = edgeOf(e.id);
              return (
                <g key={e.id} data-removed={edge?.removed || undefined}>
                  <polyline
                    points={e.points.map((pt) => `${pt.x},${pt.y}`).join(' ')}
                    fill="none"
                    stroke={edge?.removed ? '#b3261e' : edge?.added ? '#1e7d32' : '#555'}
                    strokeWidth={edge?.added || edge?.removed ? 2.5 : 1.5}
                    strokeDasharray={edge?.removed ? '2 4' : edge?.timer ? '5 4' : undefined}
                    markerEnd={`url(#${id}-arrow)`}
                  />
                  {e.label && (
                    <text
                      x={e.label.x}
                      y={e.label.y}
                      fontSize="11"
                      fill={edge?.removed ? '#8c1d18' : edge?.added ? '#14532d' : '#1a1a1a'}
                      textDecoration={edge?.removed ? 'line-through' : undefined}
                    >
                      {edge ? mark(edge) : ''}
                      {e.label.text}
                    </text>
                  )}
                </g>
              );
            })}
            {graph.states.map((s) => {
              const n = layout.nodes.get(s.name);
              if (!n) return null;
              const isCurrent = s.name === current;
              return (
                <g
                  key={s.name}
                  data-state={s.name}
                  data-removed={s.removed || undefined}
                  aria-current={isCurrent ? 'step' : undefined}
                >
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
                        : s.removed
                          ? '#b3261e'
                          : s.added
                            ? '#1e7d32'
                            : s.name === graph.initial
                              ? '#00689e'
                              : '#444'
                    }
                    strokeWidth={isCurrent ? 4 : s.final ? 3 : 1.5}
                    strokeDasharray={s.removed ? '4 4' : s.final && !isCurrent ? '0' : undefined}
                  />
                  <text
                    x={n.x + n.width / 2}
                    y={n.y + (isCurrent ? 19 : 27)}
                    textAnchor="middle"
                    fontSize="13"
                    fontWeight={isCurrent ? 700 : 400}
                    fill={isCurrent ? '#fff' : s.removed ? '#8c1d18' : '#1a1a1a'}
                    textDecoration={s.removed ? 'line-through' : undefined}
                  >
                    {mark(s)}
                    {s.label}
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
      {before && (
        <div className="policy-diagram__legend">
          <p className="utrecht-paragraph">
            <strong>{t('diagram.legend')}</strong>
          </p>
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">{t('diagram.legendNew')}</li>
            <li className="utrecht-unordered-list__item">{t('diagram.legendRemoved')}</li>
            <li className="utrecht-unordered-list__item">{t('diagram.legendTimer')}</li>
          </ul>
          {removedText.map((line) => (
            <p key={line} className="utrecht-paragraph">
              {line}
            </p>
          ))}
        </div>
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
                    {s.removed ? ` (${t('diagram.removed')})` : ''}
                  </TableHeaderCell>
                  <TableCell>
                    {out.length === 0
                      ? '–'
                      : out.map((e) => `${mark(e)}${e.label} → ${labelOf(e.to)}`).join('; ')}
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
