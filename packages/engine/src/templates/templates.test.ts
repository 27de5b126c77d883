import { describe, expect, test } from 'vitest';
import { LETTER_KINDS } from '../core/engine.types';
import { validateDefinition } from '../definition/definition.validate';
import { loadShippedDefinition } from '../test/fixtures';
import {
  malformedPlaceholders,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templatePlaceholders,
} from './templates';

const def = loadShippedDefinition();

describe('renderTemplate', () => {
  test('fills placeholders, tolerates spaces, blanks unknown ones', () => {
    expect(
      renderTemplate('Beste {{applicantName}}, kenmerk {{ reference }}.{{nope}}', {
        applicantName: 'Fatima',
        reference: 'BI-2026-000123',
      }),
    ).toBe('Beste Fatima, kenmerk BI-2026-000123.');
    expect(renderTemplate('{{constructor}}{{toString}}', {})).toBe('');
  });

  test('placeholders in order of first use', () => {
    expect(templatePlaceholders('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  test('the variable list matches the contract', () => {
    expect(TEMPLATE_VARIABLES).toHaveLength(27);
    expect(TEMPLATE_VARIABLES).toContain('regulationTitle');
    expect(TEMPLATE_VARIABLES).toContain('accountIban');
    expect(TEMPLATE_VARIABLES).toContain('accountHolder');
    expect(TEMPLATE_VARIABLES).toContain('reclaimDueDate');
    expect(TEMPLATE_VARIABLES).toContain('municipalityIban');
    expect(TEMPLATE_VARIABLES).toContain('objectionDeadline');
    expect(TEMPLATE_VARIABLES).toContain('receivedDate');
  });
});

describe('strict placeholder syntax', () => {
  test('finds what looks like a placeholder but is not one', () => {
    expect(malformedPlaceholders('Kenmerk {{reference}.')).toEqual(['{{reference}']);
    expect(malformedPlaceholders('Bedrag {grantedAmount} euro')).toEqual(['{grantedAmount}']);
    expect(malformedPlaceholders('Beste {{ applicant name }},')).toEqual(['{{ applicant name }}']);
    expect(malformedPlaceholders('Beste {{ applicantName }},')).toEqual(['{{ applicantName }}']);
    expect(malformedPlaceholders('Beste {{applicantName}}, {{reference}}')).toEqual([]);
  });

  test('a definition with a malformed placeholder is refused with a sentence naming the template', () => {
    const broken = structuredClone(def);
    broken.templates.letters.grant!.nl.body = 'Kenmerk {{reference}. Bedrag {grantedAmount}.';
    const result = validateDefinition(broken);
    expect(result.ok).toBe(false);
    const found = result.problems.filter((p) => p.code === 'malformed_placeholder');
    expect(found.map((p) => p.path)).toEqual([
      'templates.letters.grant.nl.body',
      'templates.letters.grant.nl.body',
    ]);
    expect(found[0]!.text!.nl).toContain(
      'De brief “Besluit: subsidie verleend voor «titel» («kenmerk»)” (tekst, Nederlands) bevat {{reference}',
    );
    expect(found[1]!.text!.en).toContain('{grantedAmount}');
  });
});

describe('shipped templates', () => {
  const issued = new Map<string, string>();
  for (const state of Object.values(def.states)) {
    for (const value of Object.values({ ...state.on, ...state.after })) {
      for (const t of [value].flat()) {
        if (typeof t === 'string') continue;
        for (const a of t.actions ?? []) {
          if (a.type === 'issueDocument')
            issued.set(String(a.params?.template), String(a.params?.kind));
        }
      }
    }
  }

  test('every letter kind is issued somewhere', () => {
    expect(new Set(issued.values())).toEqual(new Set(LETTER_KINDS));
  });

  test.each(
    [...issued].filter(([, kind]) =>
      ['grant', 'rejection', 'not_considered', 'settlement'].includes(kind),
    ),
  )('decision letter %s states the objection deadline in both languages', (template) => {
    const letter = def.templates.letters[template]!;
    expect(letter.nl.body).toContain('{{objectionDeadline}}');
    expect(letter.en.body).toContain('{{objectionDeadline}}');
    expect(letter.nl.body).toContain('bezwaar');
    expect(letter.en.body).toContain('objection');
  });

  test('every letter and mail has a subject and body in nl and en, using known variables only', () => {
    const known = new Set<string>(TEMPLATE_VARIABLES);
    for (const group of [def.templates.letters, def.templates.mails]) {
      for (const pair of Object.values(group)) {
        for (const locale of ['nl', 'en'] as const) {
          expect(pair[locale].subject.length).toBeGreaterThan(5);
          expect(pair[locale].body.length).toBeGreaterThan(40);
          for (const v of templatePlaceholders(pair[locale].subject + pair[locale].body))
            expect(known.has(v)).toBe(true);
        }
      }
    }
  });
});
