import type { WorkflowDefinition } from '@initiatief/engine';
import { useEffect, useRef, useState } from 'react';
import type { Application, HistoryEntry } from '../api/client';
import { eventLabel, historyLabelOf, type Localized, stateOf } from './definition-text';
import { type GoneMessageKey, goneCatalogues } from './step-gone-messages';

/**
 * After a 412 the person reloads from the step's form. When the reloaded application no longer
 * offers that step (someone else took it, or another), the form goes with the reload, and the
 * focus with it: it would fall back to the page's start. This keeps which step asked, and once
 * the page holds the reloaded application without it, the page says so (`goneSentence`) at `ref`,
 * a focusable element in its status region, and the focus moves there.
 */
export function useStepGone(app: Application | undefined) {
  const asked = useRef<{ type: string; from: Application } | null>(null);
  const [gone, setGone] = useState<{ type: string; in: Application } | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const reload = asked.current;
    if (!app || !reload || reload.from === app) return;
    asked.current = null;
    if (!app.allowedEvents.some((e) => e.type === reload.type)) {
      setGone({ type: reload.type, in: app });
    }
  }, [app]);
  useEffect(() => {
    if (gone) ref.current?.focus();
  }, [gone]);

  return {
    ref,
    /**
     * The step that went, while the page shows the application it went in (the next reload or
     * step ends it); null when none did.
     */
    gone: gone && gone.in === app ? gone.type : null,
    /** The reload of the form for `type`: notes the step, then reloads. */
    reloadFor: (type: string, reload: () => Promise<void>) => async () => {
      if (app) asked.current = { type, from: app };
      await reload();
    },
  };
}

/** Why `type` cannot be taken any more: the newest step in the history and the state now. */
export function goneSentence(
  def: WorkflowDefinition | undefined,
  type: string,
  app: Application,
  history: HistoryEntry[],
): Localized {
  const newest = history.reduce<HistoryEntry | undefined>(
    (a, h) => (!a || h.seq > a.seq ? h : a),
    undefined,
  );
  const state = stateOf(def, app.state).label;
  const say = (locale: 'nl' | 'en') => {
    const c = (key: GoneMessageKey, vars: Record<string, string> = {}) =>
      goneCatalogues[locale][key].replace(/\{(\w+)\}/g, (m, n: string) => vars[n] ?? m);
    const happened = newest ? historyLabelOf(def, newest.event)[locale] : '';
    const why = !newest
      ? c('gone.changed')
      : newest.actor.name
        ? c('gone.by', { name: newest.actor.name, happened })
        : c('gone.byNobody', { happened });
    return [
      c('gone.step', { step: eventLabel(def, type)[locale] }),
      why,
      c('gone.state', { state: state[locale] }),
    ].join(' ');
  };
  return { nl: say('nl'), en: say('en') };
}
