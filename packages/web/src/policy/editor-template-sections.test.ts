import { renderTemplate, sectionProblems } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { wrapInSection } from './editor-template-sections';

describe('limiting the selected text to who can log in, or who cannot', () => {
  const text = 'Vul aan vóór {{supplementDueDate}}. Dat kan via {{applicationUrl}}. Of bel 14 010.';
  const start = text.indexOf('Dat kan');
  const end = text.indexOf(' Of bel');

  it('puts the selection between the markers, which the engine accepts', () => {
    const wrapped = wrapInSection(text, start, end, 'shown');
    expect(wrapped).toBe(
      'Vul aan vóór {{supplementDueDate}}. {{#online}}Dat kan via {{applicationUrl}}.{{/online}} Of bel 14 010.',
    );
    expect(sectionProblems(wrapped)).toEqual([]);
    expect(renderTemplate(wrapped, { supplementDueDate: '16 maart 2026' }, { online: false })).toBe(
      'Vul aan vóór 16 maart 2026. Of bel 14 010.',
    );
  });

  it('for who cannot log in; a selection made backwards; nothing selected', () => {
    expect(wrapInSection(text, end, start, 'hidden')).toContain(
      '{{^online}}Dat kan via {{applicationUrl}}.{{/online}}',
    );
    expect(wrapInSection('Bel ons.', 8, 8, 'shown')).toBe('Bel ons.{{#online}}{{/online}}');
    expect(wrapInSection('Bel ons.', 99, 120, 'shown')).toBe('Bel ons.{{#online}}{{/online}}');
  });
});
