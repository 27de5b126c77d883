/**
 * Version 9 of the bewonersinitiatief and version 8 of the klein buurtbudget: every step has a
 * name for the history (`historyLabel`), what happened in the past tense ("Aanvulling gestuurd"),
 * where the history named it by its button ("Aanvullen"). Besides, only their letters and mails
 * (`templates`) may change. Earlier versions are published and stay as they are.
 */
import { eventHistoryLabel, validateDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { shippedFile } from './shipped-versions.fixture';

const PAIRS = [
  ['bewonersinitiatief', 8, 9],
  ['klein-buurtbudget', 7, 8],
] as const;

/** A definition without what the new version may change: each step's history name, the templates. */
function withoutHistoryLabelsAndTemplates(def: unknown): unknown {
  const copy = structuredClone(def) as {
    version?: number;
    templates?: unknown;
    events: Record<string, { historyLabel?: unknown }>;
  };
  delete copy.version;
  delete copy.templates;
  for (const event of Object.values(copy.events)) delete event.historyLabel;
  return copy;
}

describe.each(PAIRS)(
  '%s: version %i to %i names each step by what happened',
  (key, before, after) => {
    const old = shippedFile(key, before);
    const next = shippedFile(key, after);

    test('the new version is valid and numbered as its file', () => {
      expect(next.version).toBe(after);
      expect(validateDefinition(next).problems).toEqual([]);
    });

    test('every step has a history name in Dutch and English, unlike the button', () => {
      const types = Object.keys(next.events);
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) {
        const event = next.events[type]!;
        const history = event.historyLabel;
        expect(history?.nl.trim(), `${type} nl`).toBeTruthy();
        expect(history?.en.trim(), `${type} en`).toBeTruthy();
        // Neither the button's words nor a sentence: a short name of what happened.
        expect(history?.nl, type).not.toBe(event.label?.nl);
        expect(history?.en, type).not.toBe(event.label?.en);
        expect(history?.nl, type).not.toMatch(/\.$/);
        // Read by resident and staff alike: never "uw" or "ik" (first or second person).
        expect(history?.nl, type).not.toMatch(/\b(uw|u|ik|mijn)\b/i);
        expect(history?.en, type).not.toMatch(/\b(your|you|I|my)\b/);
        expect(eventHistoryLabel(next, type)).toEqual(history);
      }
      // The examples the history now reads.
      expect(next.events.SUPPLEMENT?.historyLabel).toEqual({
        nl: 'Aanvulling gestuurd',
        en: 'Additional information sent',
      });
      expect(next.events.REQUEST_INFO?.historyLabel).toEqual({
        nl: 'Om aanvulling gevraagd',
        en: 'More information requested',
      });
    });

    test('the previous version has none: its history reads by the labels, as before', () => {
      for (const [type, event] of Object.entries(old.events)) {
        expect(event.historyLabel, type).toBeUndefined();
        expect(eventHistoryLabel(old, type)).toEqual(event.label);
      }
    });

    test('nothing else changed but the history names and the templates', () => {
      expect(Object.keys(next.events)).toEqual(Object.keys(old.events));
      expect(withoutHistoryLabelsAndTemplates(next)).toEqual(withoutHistoryLabelsAndTemplates(old));
    });
  },
);
