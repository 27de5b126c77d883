import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { shippedJson } from '../test/fixtures';
import { countSupporters, sameName } from './supporters';
import { supportersRule } from './supporters-rule';

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
    expect(countSupporters(list, 12)).toEqual({
      counted: 2,
      tooYoung: [1],
      noAge: [3, 4, 5],
      applicant: [],
      noPostcode: [],
      otherDistrict: [],
    });
    expect(countSupporters([], 12)).toEqual({
      counted: 0,
      tooYoung: [],
      noAge: [],
      applicant: [],
      noPostcode: [],
      otherDistrict: [],
    });
  });

  test("a line with the applicant's own name never counts, whatever her age", () => {
    const list = [
      { name: 'Henk Visser', age: 67 },
      { name: ' ayşe  yıldız-çelik ', age: 41 },
      { name: 'Ayşe Yıldız', age: 41 },
      { name: 'AYŞE YILDIZ-ÇELIK', age: 10 },
    ];
    expect(countSupporters(list, 12, 'Ayşe Yıldız-Çelik')).toEqual({
      counted: 2,
      tooYoung: [],
      noAge: [],
      applicant: [1, 3],
      noPostcode: [],
      otherDistrict: [],
    });
    // Without her name (a simulator, a step without people) every line is read as it is.
    expect(countSupporters(list, 12).counted).toBe(3);
  });
});

describe('sameName', () => {
  test('the same letters in another case, accents, composition or spacing are one name', () => {
    expect(sameName('Ayşe Yıldız-Çelik', '  ayşe   yıldız-çelik')).toBe(true);
    expect(sameName('Ayşe Yıldız-Çelik', 'Ayse Yildiz-Celik')).toBe(true);
    expect(sameName('Ayşe Yıldız-Çelik', 'AYŞE YILDIZ-ÇELİK')).toBe(true);
    // "ş" typed as s with a combining cedilla (U+0327), as some keyboards and paste do.
    expect(sameName('Ay\u0073\u0327e', 'Ayşe')).toBe(true);
    expect(sameName('Fatima El Amrani', 'Fatima el Amrani')).toBe(true);
    expect(sameName('Fatima El Amrani', 'Fatima El-Amrani')).toBe(false);
    expect(sameName('Jan de Vries', 'Jan de Vries-Bakker')).toBe(false);
  });
});
