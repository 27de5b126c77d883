/**
 * The regulation decides the district. Version 1 of the shipped workflow still asks for it in
 * its form: a new application gets it from the regulation, so no caller has to name the field;
 * version 2 has no such field, and a new application's data stays empty.
 */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { applicant, facts, shippedJson, T0 } from '../test/fixtures';
import { createApplication } from './runtime';

const v1 = validateDefinition(shippedJson()).definition!;
const v2 = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json')).definition!;
const inCharlois = { ...facts, regulation: { ...facts.regulation, district: 'Charlois' } };

describe("a new application and its regulation's district", () => {
  test('a form that asks for the district gets the regulation’s', () => {
    const created = createApplication(v1, { now: T0, actor: applicant, facts: inCharlois });
    expect(created.snapshot.context.data).toEqual({ district: 'Charlois' });
  });

  test('a form without the field gets nothing', () => {
    const created = createApplication(v2, { now: T0, actor: applicant, facts: inCharlois });
    expect(created.snapshot.context.data).toEqual({});
  });

  test('a value the caller gave, a district the field does not offer, or none: left alone', () => {
    const given = createApplication(v1, {
      now: T0,
      actor: applicant,
      facts: inCharlois,
      data: { district: 'Delfshaven' },
    });
    expect(given.snapshot.context.data).toEqual({ district: 'Delfshaven' });
    const elsewhere = {
      ...facts,
      regulation: { ...facts.regulation, district: 'Rozenburg-Noord' },
    };
    expect(
      createApplication(v1, { now: T0, actor: applicant, facts: elsewhere }).snapshot.context.data,
    ).toEqual({});
    expect(
      createApplication(v1, { now: T0, actor: applicant, facts }).snapshot.context.data,
    ).toEqual({});
  });
});
