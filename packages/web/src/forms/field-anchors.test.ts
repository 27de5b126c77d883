import { readFileSync } from 'node:fs';
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { fieldId } from '../api/client';
import { anchorOf, pathsOf, targetOfAnchor } from './field-anchors';

const SHIPPED = new URL(
  '../../../../workflows/bewonersinitiatief/definition.v12.json',
  import.meta.url,
);

type Text = { nl: string; en: string };
interface Json {
  form: { fields: { key: string; label: Text; staffLabel?: Text; fields?: { key: string }[] }[] };
}

/** The shipped form, changed by `transform`, checked by the engine as a draft is. */
function form(transform?: (json: Json) => void): WorkflowDefinition {
  const json: Json = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  transform?.(json);
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const def = form();
const data = { budgetLines: [{}, {}], supporters: [{}], quotes: ['a', 'b'] };
const paths = pathsOf(def, data);

describe('a field’s word in an address', () => {
  it('the word of its label in the language, never its key', () => {
    expect(anchorOf(def, 'nl', 'title')).toBe('naam-van-uw-initiatief');
    expect(anchorOf(def, 'en', 'title')).toBe('name-of-your-initiative');
    expect(anchorOf(def, 'nl', 'budgetLines')).toBe('begroting');
    expect(anchorOf(def, 'en', 'budgetLines')).toBe('budget');
    expect(anchorOf(def, 'nl', 'iban')).toBe('iban-rekeningnummer');
    expect(anchorOf(def, 'nl', 'adult')).toBe('ik-ben-18-jaar-of-ouder');
    for (const path of paths) {
      for (const locale of ['nl', 'en'] as const)
        expect(anchorOf(def, locale, path)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      // The Dutch word has none of the keys (English code) in it; IBAN and postcode are Dutch too.
      const word = anchorOf(def, 'nl', path);
      for (const key of path.split('.').filter((k) => !/^\d+$/.test(k)))
        if (!['iban', 'postcode'].includes(key))
          expect(word, path).not.toContain(key.toLowerCase());
    }
  });

  it('as the desk reads the label, for the desk', () => {
    expect(anchorOf(def, 'nl', 'title', true)).toBe('naam-van-het-initiatief');
    expect(anchorOf(def, 'nl', 'adult', true)).toBe('de-aanvrager-is-18-jaar-of-ouder');
  });

  it('a list’s line and its field, a list’s total, a file, as the person reads them', () => {
    expect(anchorOf(def, 'nl', 'budgetLines.1.amountCents')).toBe('begroting-regel-2-bedrag');
    expect(anchorOf(def, 'en', 'budgetLines.1.amountCents')).toBe('budget-line-2-amount');
    expect(anchorOf(def, 'nl', 'data.budgetLines.0.description')).toBe(
      'begroting-regel-1-omschrijving',
    );
    expect(anchorOf(def, 'nl', 'budgetLines.total')).toBe('begroting-totaal');
    expect(anchorOf(def, 'en', 'budgetLines.total')).toBe('budget-total');
    expect(anchorOf(def, 'nl', 'quotes.1')).toBe('offertes-en-andere-stukken-2');
  });

  it('one word names one field on the page, in either language', () => {
    const words = new Map<string, string>();
    for (const path of paths)
      for (const locale of ['nl', 'en'] as const)
        for (const staff of [false, true]) {
          const word = anchorOf(def, locale, path, staff);
          expect(words.get(word) ?? path, word).toBe(path);
          words.set(word, path);
        }
  });

  it('two fields with the same label: the later gets a number; no letters: its place', () => {
    const twins = form((json) => {
      json.form.fields[1]!.label = { nl: 'Naam van uw initiatief!', en: 'Name of your initiative' };
      json.form.fields[3]!.label = { nl: '—', en: '地点' };
    });
    expect(anchorOf(twins, 'nl', 'title')).toBe('naam-van-uw-initiatief');
    expect(anchorOf(twins, 'nl', 'description')).toBe('naam-van-uw-initiatief-2');
    expect(anchorOf(twins, 'en', 'description')).toBe('name-of-your-initiative-2');
    expect(anchorOf(twins, 'nl', 'location')).toBe('vraag-4');
    expect(anchorOf(twins, 'en', 'location')).toBe('question-4');
    expect(targetOfAnchor(twins, 'naam-van-uw-initiatief-2', pathsOf(twins, {}))).toBe(
      'description',
    );
  });

  it('a path of no field of the form as it is', () => {
    expect(anchorOf(def, 'nl', 'receivedOn')).toBe('receivedOn');
  });
});

describe('the field an address’s word names', () => {
  it('its word in either language, as either reader reads it: the same field', () => {
    for (const path of paths)
      for (const locale of ['nl', 'en'] as const)
        for (const staff of [false, true])
          expect(targetOfAnchor(def, anchorOf(def, locale, path, staff), paths)).toBe(path);
  });

  it('an old address with the field’s id (#f-budgetLines) still lands on it', () => {
    expect(targetOfAnchor(def, fieldId('budgetLines'), paths)).toBe('budgetLines');
    expect(targetOfAnchor(def, 'f-budgetLines-1-amountCents', paths)).toBe(
      'budgetLines.1.amountCents',
    );
    expect(fieldId(targetOfAnchor(def, 'f-iban', paths)!)).toBe('f-iban');
  });

  it('an encoded word, a line not there, a word of nothing: nothing', () => {
    expect(targetOfAnchor(def, encodeURIComponent('begroting'), paths)).toBe('budgetLines');
    expect(targetOfAnchor(def, 'begroting-regel-9-bedrag', paths)).toBeNull();
    expect(targetOfAnchor(def, 'nergens', paths)).toBeNull();
    expect(targetOfAnchor(def, '%E0%A4%A', paths)).toBeNull();
  });
});
