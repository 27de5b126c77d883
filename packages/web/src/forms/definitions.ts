import type { WorkflowDefinition } from '@initiatief/engine';
import { useCallback } from 'react';
import { api, type DefinitionVocabulary } from '../api/client';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';

/**
 * Screens render from the definition an application is pinned to: its form, its state and
 * event labels, its tags. Published versions never change, so each is fetched once per visit.
 */
const definitions = new Map<string, Promise<WorkflowDefinition>>();

export function loadDefinition(ref: { key: string; version: number }): Promise<WorkflowDefinition> {
  const id = `${ref.key}@${ref.version}`;
  let hit = definitions.get(id);
  if (!hit) {
    hit = api.definition(ref.key, ref.version);
    // A failed fetch is not remembered: the next screen tries again.
    hit.catch(() => definitions.delete(id));
    definitions.set(id, hit);
  }
  return hit;
}

let vocabularies: Promise<DefinitionVocabulary[]> | null = null;
let vocabulariesAt = 0;
// A policy officer may publish a new version during a visit; a minute is fresh enough.
const VOCABULARY_TTL_MS = 60_000;

export function loadVocabularies(): Promise<DefinitionVocabulary[]> {
  if (!vocabularies || Date.now() - vocabulariesAt > VOCABULARY_TTL_MS) {
    vocabulariesAt = Date.now();
    vocabularies = api.definitionVocabularies();
    vocabularies.catch(() => {
      vocabularies = null;
    });
  }
  return vocabularies;
}

export type Localized = { nl: string; en: string };

type StateEntry = DefinitionVocabulary['states'][number];
type EventEntry = DefinitionVocabulary['events'][number];
/** A state as the API's vocabulary describes it. */
export type StateInfo = Omit<StateEntry, 'name'>;

export interface Vocabulary {
  all: DefinitionVocabulary[];
  /** A state of the version an application is pinned to; its name as label when unknown. */
  state(ref: { key: string; version: number } | undefined, name: string): StateInfo;
  event(ref: { key: string; version: number } | undefined, type: string): Omit<EventEntry, 'type'>;
  /**
   * States of every version, by name, in the definitions' own order (the newest version's order
   * and label win): what a filter offers and a queue sorts by.
   */
  states(): StateEntry[];
}

function find(all: DefinitionVocabulary[], ref: { key: string; version: number } | undefined) {
  if (!ref) return undefined;
  return all.find((d) => d.key === ref.key && d.version === ref.version);
}

export function vocabularyOf(all: DefinitionVocabulary[]): Vocabulary {
  return {
    all,
    state(ref, name) {
      const s = find(all, ref)?.states.find((x) => x.name === name);
      if (s) return { label: s.label, tags: s.tags, final: s.final };
      // An older list without a pinned version: the newest version that knows the state.
      for (const d of [...all].reverse()) {
        const hit = d.states.find((x) => x.name === name);
        if (hit) return { label: hit.label, tags: hit.tags, final: hit.final };
      }
      return { label: { nl: name, en: name }, tags: [], final: false };
    },
    event(ref, type) {
      const e =
        find(all, ref)?.events.find((x) => x.type === type) ??
        [...all].reverse().flatMap((d) => d.events.find((x) => x.type === type) ?? [])[0];
      return e
        ? { label: e.label, historyLabel: e.historyLabel, outcome: e.outcome }
        : { label: { nl: type, en: type }, historyLabel: { nl: type, en: type }, outcome: null };
    },
    states() {
      const byName = new Map<
        string,
        { name: string; label: Localized; tags: string[]; final: boolean; rank: number }
      >();
      // Newest versions first, so their labels and order win.
      const newestFirst = [...all].sort((a, b) => b.version - a.version);
      for (const d of newestFirst) {
        d.states.forEach((s, i) => {
          if (!byName.has(s.name)) byName.set(s.name, { ...s, rank: i });
          else {
            const known = byName.get(s.name)!;
            known.tags = [...new Set([...known.tags, ...s.tags])];
          }
        });
      }
      return [...byName.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...s }) => s);
    },
  };
}

/** The vocabulary of every published version, and the user's language's text of a label. */
export function useVocabulary() {
  const { locale } = useI18n();
  const loaded = useLoad(async () => vocabularyOf(await loadVocabularies()), []);
  const text = useCallback((l: Localized) => l[locale], [locale]);
  return { vocabulary: loaded.data, error: loaded.error, text };
}
