import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { delayText } from './delay-text';
import { useEditorText } from './editor-messages';
import { useRefText } from './editor-params';
import type { DefinitionJson } from './policy-api';
import {
  compareGraphs,
  estimate,
  type GuardText,
  graphOf,
  LABEL_FONT,
  LABEL_LINE,
  type Layout,
  layoutGraph,
  type Measure,
  STATE_FONT,
} from './statechart-graph';

/** Text widths in the page's own font, so labels fit their boxes; an estimate without a canvas. */
function canvasMeasure(el: Element | null): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx || !el) return estimate;
  const family = getComputedStyle(el).fontFamily || 'sans-serif';
  return (text, size) => {
    ctx.font = `${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}

const PAD = 10;
const ZOOM_STEP = 1.25;
const ZOOM_MIN = 0.3;
const ZOOM_MAX = 3;
/** Fitting never shrinks text below this share: wider than that, the diagram scrolls. */
const FIT_MIN = 0.6;
const box = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x,
  y: b.y,
  width: b.width,
  height: b.height,
});
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

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
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The scroll area's width, to fit the diagram in; 0 until it is known. */
  const [boxWidth, setBoxWidth] = useState(0);
  /** A zoom factor the officer chose; null: fit the width. */
  const [zoom, setZoom] = useState<number | null>(null);
  /** The point of the diagram in the middle of the view, kept there when the zoom changes. */
  const keep = useRef<number | null>(null);

  /** The words before a label that say what changed: "nieuw: ", "verwijderd: " or nothing. */
  const mark = (x: { added?: boolean; removed?: boolean }) =>
    x.removed ? `${t('diagram.removed')}: ` : x.added ? `${p('diagram.new')}: ` : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph's content, not its identity
  useEffect(() => {
    let live = true;
    layoutGraph(graph, canvasMeasure(rootRef.current), mark)
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
  const desc = `${p('diagram.desc', {
    states: graph.states.length - removedStates.length,
    transitions: graph.edges.length - removedEdges.length,
    initial: labelOf(graph.initial),
    current: current ? p('diagram.current', { state: labelOf(current) }) : '',
  })}${removedText.length ? ` ${removedText.join(' ')}` : ''}`;

  const shown = layout !== null;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!shown || !el) return;
    const read = () => setBoxWidth(el.clientWidth);
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);

  const full = { width: (layout?.width ?? 0) + 2 * PAD, height: (layout?.height ?? 0) + 2 * PAD };
  const fit = boxWidth > 0 ? clamp(boxWidth / full.width, FIT_MIN, 1) : 1;
  const scale = zoom ?? fit;
  const zoomTo = (next: number | null) => {
    const el = scrollRef.current;
    if (el) keep.current = (el.scrollLeft + el.clientWidth / 2) / scale;
    setZoom(next === null ? null : clamp(next, ZOOM_MIN, ZOOM_MAX));
  };
  // After a zoom the same point stays in the middle; fitted, the start state is in view.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !layout) return;
    if (zoom === null) {
      const start = layout.nodes.get(graph.initial);
      el.scrollLeft = start ? Math.max(0, (start.x + PAD) * scale - 24) : 0;
    } else if (keep.current !== null) el.scrollLeft = keep.current * scale - el.clientWidth / 2;
    keep.current = null;
  }, [scale, zoom, layout, graph.initial]);
  const onKey = (ev: KeyboardEvent) => {
    const to = { '+': scale * ZOOM_STEP, '=': scale * ZOOM_STEP, '-': scale / ZOOM_STEP }[ev.key];
    if (to !== undefined) zoomTo(to);
    else if (ev.key === '0') zoomTo(null);
    else return;
    ev.preventDefault();
  };

  return (
    <div className="policy-diagram" ref={rootRef}>
      {layout && (
        <fieldset className="policy-plain-fieldset policy-diagram__zoom">
          <legend className="policy-visually-hidden">{p('diagram.zoom')}</legend>
          <Button appearance="secondary-action-button" onClick={() => zoomTo(scale / ZOOM_STEP)}>
            {p('diagram.zoomOut')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => zoomTo(scale * ZOOM_STEP)}>
            {p('diagram.zoomIn')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => zoomTo(null)}>
            {p('diagram.zoomFit')}
          </Button>
          <p className="policy-diagram__size" aria-live="polite">
            {p('diagram.zoomLevel', { percent: Math.round(scale * 100) })}
          </p>
        </fieldset>
      )}
      {layout ? (
        // Keyboard users scroll a wide diagram too: the scroll area takes focus (+, − and 0 zoom).
        // A named group, not a landmark: the page's own section of the diagram is the landmark,
        // and a second one of the same name (or one per diagram) would not be unique.
        // biome-ignore lint/a11y/useSemanticElements: a scroll area, not form controls (fieldset)
        <div
          ref={scrollRef}
          className="policy-diagram__scroll"
          role="group"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
          tabIndex={0}
          aria-label={p('diagram.title')}
          onKeyDown={onKey}
        >
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
                  data-self={edge && edge.from === edge.to ? true : undefined}
                >
                  <polyline
                    points={e.points.map((pt) => `${pt.x},${pt.y}`).join(' ')}
                    fill="none"
                    stroke={edge?.removed ? '#b3261e' : edge?.added ? '#1e7d32' : '#555'}
                    strokeWidth={edge?.added || edge?.removed ? 2.5 : 1.5}
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
                    fill={edge?.removed ? '#8c1d18' : edge?.added ? '#14532d' : '#1a1a1a'}
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
        </div>
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
                      : out
                          .map((e) =>
                            e.to === e.from
                              ? `${mark(e)}${t('diagram.stays', { step: e.label, state: s.label })}`
                              : `${mark(e)}${e.label} → ${labelOf(e.to)}`,
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
