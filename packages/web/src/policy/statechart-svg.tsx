import { useId } from 'react';
import { useEditorText } from './editor-messages';
import {
  type Graph,
  LABEL_FONT,
  LABEL_LINE,
  type Layout,
  type Marks,
  STATE_FONT,
} from './statechart-graph';

/** The margin around the drawing, in the diagram's own units. */
export const PAD = 10;
const box = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x,
  y: b.y,
  width: b.width,
  height: b.height,
});

/**
 * The statechart as laid out, drawn as an SVG image with a title and a description: arrows, each
 * arrow's label on white above every arrow, then the states. `current` is highlighted by colour,
 * a thicker border and the words "current status"; what is new or changed is drawn in green, what
 * was removed in red, its label preceded by `mark` ("nieuw: ", "gewijzigd: ", "verwijderd: ").
 */
export function StatechartSvg({
  graph,
  layout,
  current,
  scale,
  desc,
  mark,
}: {
  graph: Graph;
  layout: Layout;
  current?: string;
  /** The zoom factor: the image's size on the page against the diagram's own. */
  scale: number;
  /** The image's description: what it shows in words. */
  desc: string;
  /** The words before a label that say what changed: "nieuw: ", "verwijderd: " or nothing. */
  mark(x: Marks): string;
}) {
  const { p } = useEditorText();
  const id = useId();
  const edgeOf = (edgeId: string) => graph.edges.find((e) => e.id === edgeId);
  const full = { width: layout.width + 2 * PAD, height: layout.height + 2 * PAD };
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`${-PAD} ${-PAD} ${full.width} ${full.height}`}
      width={Math.round(full.width * scale)}
      height={Math.round(full.height * scale)}
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
          <g
            key={e.id}
            data-edge={e.id}
            data-removed={edge?.removed || undefined}
            data-changed={edge?.changed || undefined}
            data-self={edge && edge.from === edge.to ? true : undefined}
          >
            <polyline
              points={e.points.map((pt) => `${pt.x},${pt.y}`).join(' ')}
              fill="none"
              stroke={edge?.removed ? '#b3261e' : edge?.added || edge?.changed ? '#1e7d32' : '#555'}
              strokeWidth={edge?.added || edge?.changed || edge?.removed ? 2.5 : 1.5}
              strokeDasharray={edge?.removed ? '2 4' : edge?.timer ? '5 4' : undefined}
              markerEnd={`url(#${id}-arrow)`}
            />
          </g>
        );
      })}
      {/* Each label on its own arrow, on white, above every arrow: no line crosses it. */}
      {layout.edges.map((e) => {
        const edge = edgeOf(e.id);
        const label = e.label;
        if (!label) return null;
        return (
          <g key={e.id} data-label-of={e.id}>
            <rect {...box(label)} fill="#fff" rx="3" />
            <text
              y={label.y + 2 + LABEL_FONT}
              fontSize={LABEL_FONT}
              textAnchor="middle"
              fill={
                edge?.removed ? '#8c1d18' : edge?.added || edge?.changed ? '#14532d' : '#1a1a1a'
              }
              textDecoration={edge?.removed ? 'line-through' : undefined}
            >
              {label.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label
                <tspan key={i} x={label.x + label.width / 2} dy={i ? LABEL_LINE : 0}>
                  {i > 0 ? ` ${line}` : line}
                </tspan>
              ))}
            </text>
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
            data-changed={s.changed || undefined}
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
                    : s.added || s.changed
                      ? '#1e7d32'
                      : s.name === graph.initial
                        ? '#00689e'
                        : '#444'
              }
              strokeWidth={isCurrent ? 4 : s.final ? 3 : s.added || s.changed ? 2.5 : 1.5}
              strokeDasharray={s.removed ? '4 4' : s.final && !isCurrent ? '0' : undefined}
            />
            <text
              x={n.x + n.width / 2}
              y={n.y + (isCurrent ? 20 : 27)}
              textAnchor="middle"
              fontSize={STATE_FONT}
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
                fontSize="11"
                fill="#fff"
              >
                {p('diagram.currentMark')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
