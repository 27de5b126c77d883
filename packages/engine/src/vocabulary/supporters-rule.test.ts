import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { shippedJson } from '../test/fixtures';
import { countSupporters, supportersRule } from './supporters';

describe('supportersRule', () => {
  test('the shipped workflows: four of twelve or older, and none for the small budget', () => {
    const bi = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json'));
    expect(supportersRule(bi.definition!)).toEqual({ count: 4, minAge: 12 });
    const small = validateDefinition(shippedJson('klein-buurtbudget', 'definition.v2.json'));
    expect(supportersRule(small.definition!)).toBeNull();
  });
});

describe('countSupporters', () => {
  test('counts whole ages from the minimum, and names the lines too young or without an age', () => {
    const list = [
      { name: 'Ayşe Yıldız-Çelik', age: 41 },
      { name: 'Noor', age: 11 },
      { name: 'Daan', age: 12 },
      { name: 'Sem' },
      { name: 'Fenna', age: '30' },
      null,
    ];
    expect(countSupporters(list, 12)).toEqual({ counted: 2, tooYoung: [1], noAge: [3, 4, 5] });
    expect(countSupporters([], 12)).toEqual({ counted: 0, tooYoung: [], noAge: [] });
  });
});
