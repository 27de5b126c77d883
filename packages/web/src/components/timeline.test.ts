import { readFileSync } from 'node:fs';
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { fakeBrowser } from '../render-static.test-kit';
import { Timeline } from './timeline';

/**
 * A shipped version: 9 names each step by what happened (`historyLabel`), 8 does not yet; 10 keeps
 * the term of a request for information for staff (`x-audience`).
 */
function shipped(version: 8 | 9 | 10): WorkflowDefinition {
  const file = new URL(
    `../../../../workflows/bewonersinitiatief/definition.v${version}.json`,
    import.meta.url,
  );
  const result = validateDefinition(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const resident = { id: 'u-1', name: 'Sam de Vries', roles: ['applicant' as const] };
const assessor = { id: 'u-2', name: 'Noor Bakker', roles: ['assessor' as const] };
const system = { id: 'system', name: null, roles: ['system' as const] };
const row = (
  seq: number,
  event: string,
  fromState: string,
  toState: string,
  actor: HistoryEntry['actor'],
  payload: Record<string, unknown> = {},
): HistoryEntry => ({
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  seq,
  event,
  fromState,
  toState,
  actor,
  onBehalfOf: null,
  payload,
  at: `2026-03-0${seq}T09:00:00.000Z`,
});

/** Submitted, asked for more information, answered: the steps a resident reads back. */
const entries: HistoryEntry[] = [
  row(1, 'SUBMIT', 'draft', 'submitted', resident),
  row(2, 'REQUEST_INFO', 'submitted', 'info_requested', assessor, {
    message: 'Wilt u de offerte meesturen?',
  }),
  row(3, 'SUPPLEMENT', 'info_requested', 'submitted', resident, {
    message: 'De offerte zit erbij.',
  }),
];

/** Each step of the history as "heading | the meta line after its date", in `locale`. */
function steps(def: WorkflowDefinition, locale: 'nl' | 'en', rows = entries): string[] {
  fakeBrowser(locale);
  const html = renderToStaticMarkup(
    createElement(
      I18nProvider,
      null,
      createElement(Timeline, { entries: rows, definition: def, headingId: 'history-title' }),
    ),
  );
  const items = html.match(/<li[^>]*app-timeline__item[^>]*>.*?<\/li>/g) ?? [];
  return items.map((item) => {
    const text = (cls: string) =>
      (new RegExp(`class="[^"]*${cls}[^"]*"[^>]*>(.*?)</(h3|p)>`).exec(item)?.[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&#x27;/g, "'");
    // The meta line is "date · what happened" (or "date · Status: …"): keep what follows the date.
    return `${text('app-timeline__title')} | ${text('app-timeline__meta').split(' · ').slice(1).join(' · ')}`;
  });
}

describe('the history names each step by what happened', () => {
  test('a version with history names heads each step by them, the state it came into below', () => {
    const def = shipped(9);
    // Sent and supplement sent both return to Ingediend, and read apart at a glance.
    expect(steps(def, 'nl')).toEqual([
      'Aanvraag verstuurd | Status: Ingediend',
      'Om aanvulling gevraagd | Status: Aanvulling gevraagd',
      'Aanvulling gestuurd | Status: Ingediend',
    ]);
    expect(steps(def, 'en')).toEqual([
      'Application sent | Status: Submitted',
      'More information requested | Status: Information requested',
      'Additional information sent | Status: Submitted',
    ]);
  });

  test('a version without them names each step by its label, as before', () => {
    const def = shipped(8);
    expect(steps(def, 'nl')).toEqual([
      'Ingediend | Indienen',
      'Aanvulling gevraagd | Om aanvulling vragen',
      'Ingediend | Aanvullen',
    ]);
    // One step's history name in the new version; the others still by their labels.
    const one = structuredClone(def);
    one.events.SUPPLEMENT!.historyLabel = {
      nl: 'Aanvulling gestuurd',
      en: 'Additional information sent',
    };
    expect(steps(one, 'en').at(-1)).toBe('Additional information sent | Status: Submitted');
    expect(steps(one, 'en')[0]).toBe('Submitted | Submit');
  });

  test('the engine’s own steps read as the version’s steps do; an edit keeps its heading', () => {
    const engine: HistoryEntry[] = [
      row(1, 'CREATE', 'draft', 'draft', resident),
      row(2, 'UPDATE_DATA', 'draft', 'draft', resident),
      row(3, 'SUBMIT', 'draft', 'submitted', resident),
      row(4, 'MIGRATE_DEFINITION', 'submitted', 'submitted', assessor, {
        explanation: [{ nl: 'De stap heet nu anders.', en: 'The step has a new name.' }],
      }),
      row(5, 'xstate.after.supplementTerm.info_requested', 'info_requested', 'submitted', system),
    ];
    expect(steps(shipped(9), 'nl', engine)).toEqual([
      'Aanvraag gestart | Status: Concept',
      'Gegevens bijgewerkt | in de status Concept',
      'Aanvraag verstuurd | Status: Ingediend',
      'De gemeente heeft de werkwijze voor deze aanvraag bijgewerkt | Status: Ingediend',
      'Termijn verstreken | Status: Ingediend',
    ]);
    expect(steps(shipped(9), 'en', engine)[0]).toBe('Application started | Status: Draft');
    // A version without history names reads them as before.
    expect(steps(shipped(8), 'nl', engine)).toEqual([
      'Concept | Aanvraag gestart',
      'Gegevens bijgewerkt | in de status Concept',
      'Ingediend | Indienen',
      'Ingediend | De gemeente heeft de werkwijze voor deze aanvraag bijgewerkt',
      'Ingediend | Termijn verstreken',
    ]);
  });

  test('who took the step still follows for staff', () => {
    fakeBrowser('nl');
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(Timeline, {
          entries,
          definition: shipped(9),
          headingId: 'h',
          showActor: true,
        }),
      ),
    );
    expect(html).toMatch(/Status: Aanvulling gevraagd · Noor Bakker<\/p>/);
  });

  test('what was entered still stands under the step', () => {
    fakeBrowser('nl');
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(Timeline, { entries, definition: shipped(9), headingId: 'h' }),
      ),
    );
    expect(html).toContain('Wilt u de offerte meesturen?');
    expect(html).toContain('De offerte zit erbij.');
  });

  test('the day the desk said a supplement came in stands under its step', () => {
    const byPost = [
      ...entries.slice(0, 2),
      row(3, 'SUPPLEMENT', 'info_requested', 'submitted', resident, { receivedOn: '2026-03-02' }),
    ];
    for (const [locale, said] of [
      ['nl', 'Ontvangen op 2 maart 2026 (per post of aan de balie)'],
      ['en', 'Received on 2 March 2026 (by post or at a desk)'],
    ] as const) {
      fakeBrowser(locale);
      const html = renderToStaticMarkup(
        createElement(
          I18nProvider,
          null,
          createElement(Timeline, { entries: byPost, definition: shipped(9), headingId: 'h' }),
        ),
      );
      expect(html).toContain(said);
      expect(html.match(/Ontvangen op|Received on/g)).toHaveLength(1);
    }
  });
});

describe('a value the applicant does not read is marked for staff', () => {
  const asked = [
    row(1, 'REQUEST_INFO', 'submitted', 'info_requested', assessor, {
      message: 'Wilt u de offerte meesturen?',
      periodDays: 14,
    }),
  ];
  const html = (version: 9 | 10, locale: 'nl' | 'en', rows = asked) => {
    fakeBrowser(locale);
    return renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(Timeline, { entries: rows, definition: shipped(version), headingId: 'h' }),
      ),
    );
  };
  /** The lines under the step, tags stripped, as a screen reader reads them. */
  const lines = (markup: string) =>
    [...markup.matchAll(/<p class="[^"]*app-timeline__message[^"]*">(.*?)<\/p>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );

  test('the term in a version that keeps it for staff: the tag after it, read out with it', () => {
    const nl = html(10, 'nl');
    expect(lines(nl)).toEqual([
      'Wilt u de offerte meesturen?',
      'Termijn voor de aanvulling (dagen): 14 (alleen voor medewerkers)',
    ]);
    // Seen as a tag; the brackets are for the ear only.
    expect(nl).toMatch(
      /<span class="app-badge app-badge--audience">alleen voor medewerkers<\/span>/,
    );
    expect(nl).toMatch(/<span class="app-visually-hidden">\(<\/span>/);
    expect(lines(html(10, 'en'))).toEqual([
      'Wilt u de offerte meesturen?',
      'Period to supplement (days): 14 (staff only)',
    ]);
  });

  test('no tag where the version lets everyone read it, nor on what was asked', () => {
    expect(lines(html(9, 'nl'))).toEqual([
      'Wilt u de offerte meesturen?',
      'Termijn voor de aanvulling (dagen): 14',
    ]);
    expect(html(9, 'nl')).not.toContain('app-badge--audience');
  });

  test('the resident’s history has no term (the API leaves it out), so no tag either', () => {
    const without = [{ ...asked[0]!, payload: { message: 'Wilt u de offerte meesturen?' } }];
    const markup = html(10, 'nl', without);
    expect(lines(markup)).toEqual(['Wilt u de offerte meesturen?']);
    expect(markup).not.toContain('medewerkers');
  });
});
