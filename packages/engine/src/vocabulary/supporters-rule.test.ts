import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { shippedJson } from '../test/fixtures';
import { supportersRule } from './guards';

describe('supportersRule', () => {
  test('the shipped workflows: four of twelve or older, and none for the small budget', () => {
    const bi = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json'));
    expect(supportersRule(bi.definition!)).toEqual({ count: 4, minAge: 12 });
    const small = validateDefinition(shippedJson('klein-buurtbudget', 'definition.v2.json'));
    expect(supportersRule(small.definition!)).toBeNull();
  });
});
