import { describe, expect, test } from 'vitest';
import { SHIPPED_KEYS, shippedJson } from '../test/fixtures';
import {
  fieldLabel,
  formPages,
  pageHeading,
  referencePrefix,
  referencePrefixFor,
} from './definition.rules';
import { STATE_TAGS } from './definition.schema';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function broken(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def).problems.map((p) => `${p.code} ${p.path}`);
}

describe('form pages (C1)', () => {
  test('every field of the shipped forms is on exactly one page, in order', () => {
    for (const key of SHIPPED_KEYS) {
      const def = validateDefinition(shippedJson(key)).definition!;
      const onPages = formPages(def).flatMap((p) => p.fields);
      expect(onPages.sort()).toEqual(def.form.fields.map((f) => f.key).sort());
      for (const page of formPages(def)) {
        expect(page.title.nl).not.toBe('');
        expect(page.title.en).not.toBe('');
      }
    }
  });

  test('a field on no page, on two pages, or an unknown key is refused', () => {
    expect(broken((d) => d.form.pages[0].fields.pop())).toContain(
      'field_without_page form.fields.5',
    );
    expect(broken((d) => d.form.pages[1].fields.push('title'))).toContain(
      'duplicate_page_field form.pages.1.fields.2',
    );
    expect(broken((d) => d.form.pages[0].fields.push('shoeSize'))).toContain(
      'unknown_field form.pages.0.fields.6',
    );
    expect(broken((d) => (d.form.pages[1].key = d.form.pages[0].key))).toContain(
      'duplicate_page form.pages.1.key',
    );
  });

  test('without pages the form is one page with every field', () => {
    const def = structuredClone(shippedJson()) as Json;
    delete def.form.pages;
    const result = validateDefinition(def);
    expect(result.problems).toEqual([]);
    expect(formPages(result.definition!)).toEqual([
      { key: 'form', title: def.title, fields: def.form.fields.map((f: Json) => f.key) },
    ]);
  });
});

describe('a page’s title for staff', () => {
  const STAFF = { nl: 'Het initiatief', en: 'The initiative' };

  test('the schema takes one in Dutch and English, and refuses a bare string or one language', () => {
    expect(broken((d) => (d.form.pages[0].staffTitle = STAFF))).toEqual([]);
    expect(broken((d) => (d.form.pages[0].staffTitle = 'Het initiatief'))).toContain(
      'invalid_shape form.pages.0.staffTitle',
    );
    expect(broken((d) => (d.form.pages[0].staffTitle = { nl: 'Het initiatief' }))).toContain(
      'invalid_shape form.pages.0.staffTitle.en',
    );
  });

  test('is the heading for staff; the applicant reads the title, as staff do without one', () => {
    const def = structuredClone(shippedJson()) as Json;
    def.form.pages[0].staffTitle = STAFF;
    const [withOne, without] = formPages(validateDefinition(def).definition!);
    expect(pageHeading(withOne!, 'staff')).toEqual(STAFF);
    expect(pageHeading(withOne!, 'applicant')).toEqual({
      nl: 'Uw initiatief',
      en: 'Your initiative',
    });
    expect(pageHeading(without!, 'staff')).toEqual(without!.title);
  });
});

describe('a question’s label for staff', () => {
  const STAFF = { nl: 'Naam van het initiatief', en: 'Name of the initiative' };

  test('the schema takes one in Dutch and English on a question and on a list’s own question', () => {
    expect(broken((d) => (d.form.fields[0].staffLabel = STAFF))).toEqual([]);
    const rows = (d: Json) => d.form.fields.find((f: Json) => f.key === 'budgetLines');
    expect(
      broken((d) => (rows(d).fields[0].staffLabel = { nl: 'Uitgave', en: 'Expense' })),
    ).toEqual([]);
  });

  test('refuses a bare string, one language, or one where it does not belong', () => {
    expect(broken((d) => (d.form.fields[0].staffLabel = 'Naam van het initiatief'))).toContain(
      'invalid_shape form.fields.0.staffLabel',
    );
    expect(
      broken((d) => (d.form.fields[0].staffLabel = { nl: 'Naam van het initiatief' })),
    ).toContain('invalid_shape form.fields.0.staffLabel.en');
    // A page has a title for staff, not a label.
    expect(broken((d) => (d.form.pages[0].staffLabel = STAFF))).toContain(
      'invalid_shape form.pages.0',
    );
  });

  test('is the label for staff; the applicant reads the label, as staff do without one', () => {
    const def = structuredClone(shippedJson()) as Json;
    def.form.fields[0].staffLabel = STAFF;
    const [withOne, without] = validateDefinition(def).definition!.form.fields;
    expect(fieldLabel(withOne!, 'staff')).toEqual(STAFF);
    expect(fieldLabel(withOne!, 'applicant')).toEqual({
      nl: 'Naam van uw initiatief',
      en: 'Name of your initiative',
    });
    expect(fieldLabel(without!, 'staff')).toEqual(without!.label);
  });
});

describe('state tags (C3)', () => {
  test('the shipped states carry only vocabulary tags, and the ones the shell relies on', () => {
    for (const key of SHIPPED_KEYS) {
      const def = validateDefinition(shippedJson(key)).definition!;
      const all = Object.values(def.states).flatMap((s) => s.tags ?? []);
      for (const tag of all) expect(STATE_TAGS).toContain(tag);
      expect(def.states[def.initial]!.tags).toContain('draft');
      for (const tag of ['draft', 'open', 'closed', 'pending_decision', 'granted']) {
        expect(all).toContain(tag);
      }
    }
  });

  test('an unknown tag is refused by name', () => {
    expect(broken((d) => d.states.submitted.tags.push('waiting'))).toContain(
      'unknown_tag states.submitted.tags.2',
    );
  });

  test('final states are closed and others open; the initial state is a draft', () => {
    expect(broken((d) => (d.states.rejected.tags = []))).toContain(
      'missing_tag states.rejected.tags',
    );
    expect(broken((d) => (d.states.submitted.tags = ['pending_decision']))).toContain(
      'missing_tag states.submitted.tags',
    );
    expect(broken((d) => d.states.granted.tags.push('closed'))).toEqual(
      expect.arrayContaining(['bad_tag states.granted.tags']),
    );
    expect(broken((d) => (d.states.draft.tags = ['open']))).toContain(
      'missing_tag states.draft.tags',
    );
  });

  test('contradicting or repeated tags are refused', () => {
    expect(broken((d) => d.states.info_requested.tags.push('pending_decision'))).toContain(
      'bad_tag states.info_requested.tags',
    );
    expect(broken((d) => d.states.draft.tags.push('granted'))).toContain(
      'bad_tag states.draft.tags',
    );
    expect(broken((d) => d.states.submitted.tags.push('open'))).toContain(
      'duplicate_tag states.submitted.tags.2',
    );
  });
});

describe('event outcomes (C4) and payload labels', () => {
  test('every shipped event says what happened, and every payload field has a label', () => {
    for (const key of SHIPPED_KEYS) {
      const def = validateDefinition(shippedJson(key)).definition!;
      for (const [type, event] of Object.entries(def.events)) {
        expect(event.label?.nl, type).toBeTruthy();
        expect(event.outcome?.nl, type).toMatch(/\.$/);
        expect(event.outcome?.en, type).toMatch(/\.$/);
        const props = (event.payload?.properties ?? {}) as Record<string, Json>;
        for (const [name, prop] of Object.entries(props)) {
          expect(prop['x-label']?.nl, `${type}.${name}`).toBeTruthy();
          expect(prop['x-label']?.en, `${type}.${name}`).toBeTruthy();
          if (prop.enum) {
            for (const value of prop.enum) expect(prop['x-enumLabels']?.[value]?.nl).toBeTruthy();
          }
        }
      }
    }
  });

  test('an outcome must be in both languages', () => {
    expect(broken((d) => (d.events.SUBMIT.outcome = { nl: 'Ingediend.' }))).toContain(
      'invalid_shape events.SUBMIT.outcome.en',
    );
  });
});

describe('reference prefix', () => {
  test('each shipped workflow numbers its applications under letters of its own', () => {
    const prefixes = SHIPPED_KEYS.map((key) =>
      referencePrefix(validateDefinition(shippedJson(key)).definition!),
    );
    expect(prefixes).toEqual(['BI', 'KB']);
  });

  test('a definition without one keeps the prefix every reference had before: BI', () => {
    const def = structuredClone(shippedJson()) as Json;
    delete def.referencePrefix;
    expect(referencePrefix(validateDefinition(def).definition!)).toBe('BI');
  });

  test('a new key suggests its initials, or its first two letters', () => {
    expect(referencePrefixFor('klein-buurtbudget')).toBe('KB');
    expect(referencePrefixFor('bewonersinitiatief-zuid-2027')).toBe('BZ');
    expect(referencePrefixFor('wijkfeest')).toBe('WI');
    expect(referencePrefixFor('a-b-c-d-e-f-g')).toBe('ABCDE');
    expect(referencePrefixFor('x')).toBe('XX');
  });

  test('anything but two to five capitals is refused, at its path', () => {
    for (const bad of ['bi', 'B', 'ABCDEF', 'B-I', 'Bİ', '']) {
      expect(broken((def) => (def.referencePrefix = bad))).toContainEqual(
        expect.stringMatching(/ referencePrefix$/),
      );
    }
    const def = structuredClone(shippedJson()) as Json;
    def.referencePrefix = 'kb';
    expect(validateDefinition(def).problems[0]?.text?.nl).toBe(
      'De letters vóór het kenmerk zijn twee tot vijf hoofdletters, zoals KB.',
    );
  });
});
