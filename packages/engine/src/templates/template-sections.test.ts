import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { shippedJson } from '../test/fixtures';
import { placeholdersInWords } from './template-names';
import { malformedPlaceholders, renderTemplate, sectionProblems } from './templates';

const TEXT =
  'Vul uw aanvraag aan vóór {{supplementDueDate}}. {{#online}}Dat kan via {{applicationUrl}}. {{/online}}U kunt ook bellen.{{^online}} Noem het kenmerk {{reference}}.{{/online}}';
const VARS = {
  supplementDueDate: '16 maart 2026',
  applicationUrl: 'https://example.test/aanvragen/1',
  reference: 'BI-2026-000123',
};

describe('sections that depend on whether the applicant can log in', () => {
  test('an applicant who can log in reads the link, not the part for those who cannot', () => {
    expect(renderTemplate(TEXT, VARS, { online: true })).toBe(
      'Vul uw aanvraag aan vóór 16 maart 2026. Dat kan via https://example.test/aanvragen/1. U kunt ook bellen.',
    );
  });

  test('one who cannot log in reads no web address, and no double space is left', () => {
    expect(renderTemplate(TEXT, VARS, { online: false })).toBe(
      'Vul uw aanvraag aan vóór 16 maart 2026. U kunt ook bellen. Noem het kenmerk BI-2026-000123.',
    );
  });

  test('without a condition given, the text reads as for one who can log in', () => {
    expect(renderTemplate(TEXT, VARS)).toBe(renderTemplate(TEXT, VARS, { online: true }));
  });

  test('a section that is a whole paragraph leaves no empty paragraph behind', () => {
    const body =
      'Beste Ayşe,\n\n{{#online}}Volg uw aanvraag op {{applicationUrl}}.{{/online}}\n\nGroet';
    expect(renderTemplate(body, VARS, { online: false })).toBe('Beste Ayşe,\n\n\n\nGroet');
    expect(renderTemplate(body, VARS, { online: true })).toBe(
      'Beste Ayşe,\n\nVolg uw aanvraag op https://example.test/aanvragen/1.\n\nGroet',
    );
  });

  test('a section spans lines and paragraphs', () => {
    const body = 'A.\n\n{{^online}}Bel ons.\n\nOf kom langs.{{/online}}\n\nB.';
    expect(renderTemplate(body, {}, { online: false })).toBe(
      'A.\n\nBel ons.\n\nOf kom langs.\n\nB.',
    );
    expect(renderTemplate(body, {}, { online: true })).toBe('A.\n\n\n\nB.');
  });

  test('markers are no malformed placeholders; a broken marker is', () => {
    expect(malformedPlaceholders(TEXT)).toEqual([]);
    expect(malformedPlaceholders('{{#online}Dat kan.{{/online}}')).toEqual(['{{#online}']);
  });

  test('what is wrong with a text’s sections', () => {
    expect(sectionProblems(TEXT)).toEqual([]);
    expect(sectionProblems('{{#betaald}}x{{/betaald}}')).toEqual([
      { code: 'unknown_condition', piece: '{{#betaald}}' },
    ]);
    expect(sectionProblems('{{#online}}x')).toEqual([
      { code: 'unclosed_section', piece: '{{#online}}' },
    ]);
    expect(sectionProblems('x{{/online}}')).toEqual([
      { code: 'unopened_section', piece: '{{/online}}' },
    ]);
    expect(sectionProblems('{{#online}}a{{^online}}b{{/online}}')).toEqual([
      { code: 'nested_section', piece: '{{^online}}' },
    ]);
    expect(sectionProblems('Bel ons.{{#online}} \n{{/online}}')).toEqual([
      { code: 'empty_section', piece: '{{#online}}' },
    ]);
  });

  test('in words, a marker is named by what it means', () => {
    expect(placeholdersInWords('{{#online}}Zie {{applicationUrl}}{{/online}}', 'nl')).toBe(
      '«alleen als de aanvrager kan inloggen»Zie «link naar de aanvraag»«einde»',
    );
    expect(placeholdersInWords('{{^online}}Bel{{/online}}', 'en')).toBe(
      '«only if the applicant cannot log in»Bel«end»',
    );
  });
});

describe('the definition’s check of sections', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the test breaks a definition on purpose
  function problemsWith(body: string, code: string): any[] {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks a definition on purpose
    const def = structuredClone(shippedJson()) as any;
    def.templates.mails.acknowledgement.nl.body = body;
    return validateDefinition(def).problems.filter((p) => p.code === code);
  }

  test('a well-formed section passes', () => {
    const def = structuredClone(shippedJson()) as {
      templates: { mails: Record<string, { nl: { body: string } }> };
    };
    def.templates.mails.acknowledgement!.nl.body = TEXT;
    expect(validateDefinition(def).problems).toEqual([]);
  });

  test('an unknown condition is named in words, with how to write it', () => {
    const [p, ...more] = problemsWith('{{#betaald}}Betaald.{{/betaald}}', 'unknown_condition');
    expect(more).toEqual([]);
    expect(p.path).toBe('templates.mails.acknowledgement.nl.body');
    expect(p.text.nl).toBe(
      'De mail “Wij hebben uw aanvraag ontvangen («kenmerk»)” (tekst, Nederlands) bevat {{#betaald}}: zo’n voorwaarde bestaat niet. Gebruik {{#online}} (alleen als de aanvrager kan inloggen) of {{^online}} (alleen als de aanvrager dat niet kan), en sluit af met {{/online}}.',
    );
    expect(p.text.en).toMatch(/^The mail “We have received your application/);
  });

  test('a section not closed says where to close it', () => {
    const [p] = problemsWith('Beste,\n\n{{^online}}Bel ons.', 'unclosed_section');
    expect(p.text.nl).toContain(
      'het deel dat begint met {{^online}} wordt niet afgesloten. Zet {{/online}} waar het deel eindigt.',
    );
  });

  test('an end without a start, a section inside another and an empty one are refused', () => {
    expect(problemsWith('Bel ons.{{/online}}', 'unopened_section')).toHaveLength(1);
    const [empty] = problemsWith('Bel ons.{{^online}}{{/online}}', 'empty_section');
    expect(empty.text.nl).toContain(
      'het deel dat begint met {{^online}} is leeg. Zet er tekst in, of haal {{^online}} en {{/online}} weg.',
    );
    expect(problemsWith('{{#online}}a {{^online}}b{{/online}}', 'nested_section')).toHaveLength(1);
  });
});
