import { describe, expect, it } from 'vitest';
import v1 from '../../../../workflows/bewonersinitiatief/definition.json';
import v12 from '../../../../workflows/bewonersinitiatief/definition.v12.json';
import { keptBy, supportersByDistrict, supportersMinAge } from './editor-needs';
import type { DefinitionJson } from './policy-api';

/** A copy of a shipped definition as the editor holds it: JSON, not validated. */
const draft = (json: object) => structuredClone(json) as DefinitionJson;

/** The draft's SUBMIT guards of draft, to change as an officer does. */
function submitGuards(def: DefinitionJson): { type: string; params?: unknown }[] {
  return (def as { states: { draft: { on: { SUBMIT: { guard: [] } } } } }).states.draft.on.SUBMIT
    .guard;
}

describe("the editor's reading of the supporters' rule (the engine's, on a draft)", () => {
  it('reads the shipped rules: the age, and whether postcodes are read', () => {
    expect(supportersMinAge(draft(v1))).toBe(12);
    expect(supportersByDistrict(draft(v1))).toBe(false);
    expect(supportersMinAge(draft(v12))).toBe(12);
    expect(supportersByDistrict(draft(v12))).toBe(true);
    expect(keptBy(draft(v12), 'supporters', 'nl')).toEqual({
      message: 'form.keptSupporters',
      guard: 'supportersAtLeast',
    });
  });

  it('reads a draft half made: no count, an age as text, a table without postcodes', () => {
    const def = draft(v1);
    const supporters = submitGuards(def).find((g) => g.type === 'supportersAtLeast')!;
    supporters.params = { count: 'vier', minAge: '16', sameDistrict: { postcodes: {} } };
    // The other transition's rule (four of 16) is the strictest now.
    const other = (def as { states: Record<string, { on: Record<string, { guard: [] }> }> }).states
      .info_requested!.on.SUPPLEMENT!.guard as { type: string; params?: unknown }[];
    other.find((g) => g.type === 'supportersAtLeast')!.params = { count: 4, minAge: 16 };
    expect(supportersMinAge(def)).toBe(16);
    expect(supportersByDistrict(def)).toBe(false);
    // Any rule with a table reads the postcodes, strictest or not.
    supporters.params = { count: 1, sameDistrict: { postcodes: { Noord: ['3032'] } } };
    expect(supportersByDistrict(def)).toBe(true);
    for (const g of [submitGuards(def), other]) g.splice(0, g.length);
    expect(supportersMinAge(def)).toBeNull();
    expect(keptBy(def, 'supporters', 'nl')).toBeNull();
  });
});
