import {
  renderTemplate,
  sectionProblems,
  TEMPLATE_CONDITIONS,
  valueConditions,
} from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { sectionMarkers, wrapInSection } from './editor-template-sections';
import {
  SECTION_NAMES,
  sectionWords,
  VALUE_SECTION_NAMES,
  valueSectionsIn,
} from './template-section-words';

describe('limiting the selected text to who can log in, or who cannot', () => {
  const text = 'Vul aan vóór {{supplementDueDate}}. Dat kan via {{applicationUrl}}. Of bel 14 010.';
  const start = text.indexOf('Dat kan');
  const end = text.indexOf(' Of bel');

  it('puts the selection between the markers, which the engine accepts', () => {
    const wrapped = wrapInSection(text, start, end, 'shown', 'online');
    expect(wrapped).toBe(
      'Vul aan vóór {{supplementDueDate}}. {{#online}}Dat kan via {{applicationUrl}}.{{/online}} Of bel 14 010.',
    );
    expect(sectionProblems(wrapped)).toEqual([]);
    expect(renderTemplate(wrapped, { supplementDueDate: '16 maart 2026' }, { online: false })).toBe(
      'Vul aan vóór 16 maart 2026. Of bel 14 010.',
    );
  });

  it('for who cannot log in; a selection made backwards; nothing selected', () => {
    expect(wrapInSection(text, end, start, 'hidden', 'online')).toContain(
      '{{^online}}Dat kan via {{applicationUrl}}.{{/online}}',
    );
    expect(wrapInSection('Bel ons.', 8, 8, 'shown', 'online')).toBe(
      'Bel ons.{{#online}}{{/online}}',
    );
    expect(wrapInSection('Bel ons.', 99, 120, 'shown', 'online')).toBe(
      'Bel ons.{{#online}}{{/online}}',
    );
  });
});

describe('a part about paying back, and every other part the engine knows', () => {
  it('puts the payment request in a reclaim part, shown only when money is paid back', () => {
    const text = 'U ontvangt de rest. U betaalt {{reclaimAmount}} terug vóór {{reclaimDueDate}}.';
    const from = text.indexOf('U betaalt');
    const wrapped = wrapInSection(text, from, text.length, 'shown', 'reclaim');
    expect(wrapped).toBe(
      'U ontvangt de rest. {{#reclaim}}U betaalt {{reclaimAmount}} terug vóór {{reclaimDueDate}}.{{/reclaim}}',
    );
    expect(sectionProblems(wrapped)).toEqual([]);
    const paying = { reclaimAmount: '€ 200,00', reclaimDueDate: '1 juli 2026' };
    expect(renderTemplate(wrapped, paying, valueConditions(paying))).toBe(
      'U ontvangt de rest. U betaalt € 200,00 terug vóór 1 juli 2026.',
    );
    expect(renderTemplate(wrapped, {}, valueConditions({}))).toBe('U ontvangt de rest.');
    expect(sectionMarkers('reclaim', 'hidden')).toEqual(['{{^reclaim}}', '{{/reclaim}}']);
  });

  it('every section of the engine’s list has its own button and hint, in Dutch and English', () => {
    expect(SECTION_NAMES).toEqual(TEMPLATE_CONDITIONS);
    for (const lang of ['nl', 'en'] as const) {
      const all = SECTION_NAMES.map((name) => sectionWords(name, lang));
      // Distinct buttons and choices: each is found by its own name.
      expect(new Set(all.map((w) => w.button)).size).toBe(all.length);
      expect(new Set(all.map((w) => w.label)).size).toBe(all.length);
      for (const w of all) {
        expect(w.button).toContain('{lang}');
        expect(w.hint.length).toBeGreaterThan(40);
        expect(w.shown).not.toBe(w.hidden);
      }
    }
    expect(sectionWords('reclaim', 'nl').button).toBe('Deel over terugbetaling invoegen ({lang})');
    expect(sectionWords('reclaim', 'nl').withIt).toBe('Met terugbetaling');
    expect(sectionWords('reclaim', 'nl').withoutIt).toBe('Zonder terugbetaling');
    expect(sectionWords('advance', 'nl').button).toBe('Deel over een voorschot invoegen ({lang})');
    expect(sectionWords('advance', 'en').withoutIt).toBe('Without an advance');
    expect(sectionWords('reclaim', 'en').hint).toMatch(
      /only when the decision asks for money back/,
    );
  });

  it('a text’s sections that follow from its values, for the preview’s variants', () => {
    expect(VALUE_SECTION_NAMES).toContain('reclaim');
    expect(VALUE_SECTION_NAMES).toContain('advance');
    expect(valueSectionsIn('U krijgt {{#advance}}een voorschot{{/advance}}.')).toEqual(['advance']);
    expect(VALUE_SECTION_NAMES).not.toContain('online');
    expect(valueSectionsIn('A {{^reclaim}}b{{/reclaim}} {{#online}}c{{/online}}')).toEqual([
      'reclaim',
    ]);
    expect(valueSectionsIn('Geen delen, {{reclaimAmount}}.')).toEqual([]);
  });
});
