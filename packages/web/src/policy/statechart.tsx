import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { delayText } from './delay-text';
import { useEditorText } from './editor-messages';
import { useRefText } from './editor-ref-text';
import type { DefinitionJson } from './policy-api';
import {
  compareGraphs,
  estimate,
  type GuardText,
  graphOf,
  type Layout,
  layoutGraph,
  type Marks,
  type Measure,
} from './statechart-graph';
import { PAD, StatechartSvg } from './statechart-svg';
import { TextChanges } from './statechart-text-changes';

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

const ZOOM_STEP = 1.25;
const ZOOM_MIN = 0.3;
const ZOOM_MAX = 3;
/** Fitting never shrinks text below this share: wider than that, the diagram scrolls. */
const FIT_MIN = 0.6;
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
  /**
   * An earlier version: what is new in `definition` is drawn in green and marked "nieuw", what
   * changed (an action, a letter's text) in green and marked "gewijzigd"; changed texts are
   * also listed in words.
   */
  before?: DefinitionJson;
}) {
  const { p, e: t, locale } = useEditorText();
  const refText = useRefText(definition);
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
  // The layout depends on the labels and their marks, not on the fingerprints of the contents.
  const signature = JSON.stringify(graph, (k, v) => (k === 'content' ? undefined : v));
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The scroll area's width, to fit the diagram in; 0 until it is known. */
  const [boxWidth, setBoxWidth] = useState(0);
  /** A zoom factor the officer chose; null: fit the width. */
  const [zoom, setZoom] = useState<number | null>(null);
  /** The point of the diagram in the middle of the view, kept there when the zoom changes. */
  const keep = useRef<number | null>(null);

  /** The words before a label that say what changed: "nieuw: ", "gewijzigd: " or nothing. */
  const mark = (x: Marks) =>
    x.removed
      ? `${t('diagram.removed')}: `
      : x.added
        ? `${p('diagram.new')}: `
        : x.changed
          ? `${t('diagram.changed')}: `
          : '';

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
          <StatechartSvg
            graph={graph}
            layout={layout}
            current={current}
            scale={scale}
            desc={desc}
            mark={mark}
          />
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
            <li className="utrecht-unordered-list__item">{t('diagram.legendChanged')}</li>
            <li className="utrecht-unordered-list__item">{t('diagram.legendRemoved')}</li>
            <li className="utrecht-unordered-list__item">{t('diagram.legendTimer')}</li>
          </ul>
          {removedText.map((line) => (
            <p key={line} className="utrecht-paragraph">
              {line}
            </p>
          ))}
          <TextChanges definition={definition} before={before} />
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
                    {s.changed ? ` (${t('diagram.changed')})` : ''}
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
