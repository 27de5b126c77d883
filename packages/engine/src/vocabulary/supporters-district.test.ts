import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { completeData, facts, shippedJson } from '../test/fixtures';
import { runGuard } from './guards';
import { countSupporters, isApplicantLine, postcodeDigits, supporterVerdicts } from './supporters';
import { districtOfRule, supportersRule } from './supporters-rule';
import { emptyContext, type MachineEvent } from './vocabulary.context';
import { guardParams } from './vocabulary.params';

const KRALINGEN = ['3061', '3062', '3063'];

describe('countSupporters with a district', () => {
  test('only a postcode whose four digits lie in the district counts', () => {
    const list = [
      { name: 'An', postcode: '3061 AB', age: 34 },
      { name: 'Bo', postcode: '3062ab', age: 19 },
      { name: 'Cas', postcode: '3022 AB', age: 50 }, // Delfshaven
      { name: 'Dex', postcode: '', age: 40 },
      { name: 'Eva', postcode: '3063 XY', age: 11 }, // too young goes first
      { name: 'Fem', age: 22 },
    ];
    expect(countSupporters(list, 12, null, { districtPostcodes: KRALINGEN })).toEqual({
      counted: 2,
      tooYoung: [4],
      noAge: [],
      applicant: [],
      noPostcode: [3, 5],
      otherDistrict: [2],
    });
    // Without a table every postcode is read as it is.
    expect(countSupporters(list, 12).counted).toBe(5);
    // A district the table does not name has no postcodes: nobody counts.
    expect(countSupporters(list, 12, null, { districtPostcodes: [] }).counted).toBe(0);
  });

  test('the verdicts by position, for a form or the case page', () => {
    const verdicts = supporterVerdicts(
      [
        { name: 'Ayşe Yıldız', postcode: '3061 AB', age: 41 },
        { name: 'Ayşe Yıldız', postcode: '3022 AB', age: 41 },
      ],
      12,
      { applicantName: 'Ayse Yildiz', applicantPostcode: '3061 AB', districtPostcodes: KRALINGEN },
    );
    expect(verdicts).toEqual(['applicant', 'otherDistrict']);
  });
});

describe('the applicant herself: same name and her postcode', () => {
  test('a namesake at another postcode is somebody else', () => {
    const her = { name: 'Ayşe Yıldız-Çelik', postcode: '3061 AB', age: 41 };
    const namesake = { name: 'AYSE YILDIZ-CELIK', postcode: '3062 CD', age: 58 };
    expect(isApplicantLine(her, 'Ayşe Yıldız-Çelik', '3061ab')).toBe(true);
    expect(isApplicantLine(namesake, 'Ayşe Yıldız-Çelik', '3061 AB')).toBe(false);
    // Her postcode unknown: the name alone decides, as before.
    expect(isApplicantLine(namesake, 'Ayşe Yıldız-Çelik', null)).toBe(true);
    // A line without a postcode (yet) cannot be told from hers: it is hers.
    const noPostcode: { name: string; age: number } = { name: 'Ayşe', age: 41 };
    expect(isApplicantLine(noPostcode, 'Ayşe', '3061 AB')).toBe(true);
    expect(isApplicantLine({ name: 'Ayşe', postcode: ' ' }, 'Ayşe', '3061 AB')).toBe(true);
    const result = countSupporters([her, namesake], 12, 'Ayşe Yıldız-Çelik', {
      applicantPostcode: '3061 AB',
    });
    expect(result.applicant).toEqual([0]);
    expect(result.counted).toBe(1);
  });

  test('postcodeDigits reads the four digits however the postcode is written', () => {
    expect(postcodeDigits(' 3061 ab')).toBe('3061');
    expect(postcodeDigits('3061AB')).toBe('3061');
    expect(postcodeDigits('0611 AB')).toBeNull();
    expect(postcodeDigits('AB')).toBeNull();
    expect(postcodeDigits(3061)).toBeNull();
  });
});

describe('the table is validated in words', () => {
  const schema = guardParams.supportersAtLeast;
  const messages = (sameDistrict: unknown) => {
    const r = schema.safeParse({ count: 4, sameDistrict });
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  test('four digits, at least one per district, no postcode in two districts', () => {
    expect(messages({ postcodes: { Noord: ['3032', '3033'] } })).toEqual([]);
    expect(messages({ postcodes: { Noord: ['3032 AB'] } })).toEqual([
      'a postcode here is its four digits, such as 3061',
    ]);
    expect(messages({ postcodes: { Noord: [] } })).toEqual([
      'a district needs at least one postcode',
    ]);
    expect(messages({ postcodes: { Noord: ['3034'], 'Kralingen-Crooswijk': ['3034'] } })).toEqual([
      'postcode 3034 is named for both Noord and Kralingen-Crooswijk; a postcode belongs to one district',
    ]);
    expect(messages({ postcodes: {} })).toEqual(['the table names no district']);
  });

  test("with a district question, every district is one of that question's options", () => {
    const json = shippedJson('bewonersinitiatief', 'definition.json') as {
      states: Record<string, { on?: Record<string, unknown> }>;
    };
    const submit = json.states.draft!.on!.SUBMIT as { guard: { type: string; params: unknown }[] };
    const guard = submit.guard.find((g) => g.type === 'supportersAtLeast')!;
    guard.params = {
      count: 4,
      sameDistrict: { field: 'district', postcodes: { Noord: ['3032'], Kralingen: ['3061'] } },
    };
    const result = validateDefinition(json);
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) =>
      p.path.endsWith('sameDistrict.postcodes.Kralingen'),
    );
    expect(problem?.text?.nl).toBe(
      'De postcodetabel van de handtekeningen noemt de wijk Kralingen, maar die staat niet in de keuzelijst Wijk.',
    );
    guard.params = { count: 4, sameDistrict: { field: 'title', postcodes: { Noord: ['3032'] } } };
    const notAChoice = validateDefinition(json).problems.find((p) =>
      p.path.endsWith('sameDistrict.field'),
    );
    expect(notAChoice?.text?.en).toContain('is not a choice list');
  });
});

describe('the shipped table of bewonersinitiatief v12', () => {
  const result = validateDefinition(
    shippedJson('bewonersinitiatief', 'definition.v12.json' as 'definition.json'),
  );
  const def = result.definition!;
  const rule = supportersRule(def)!;

  test('is valid and names each district of version 1 once', () => {
    expect(result.problems).toEqual([]);
    const v1 = validateDefinition(shippedJson()).definition!;
    const field = v1.form.fields.find((f) => f.key === 'district') as { options: string[] };
    expect(Object.keys(rule.sameDistrict!.postcodes).sort()).toEqual([...field.options].sort());
    expect(districtOfRule(def, rule, {}, 'Kralingen-Crooswijk')?.postcodes).toContain('3034');
    expect(districtOfRule(def, rule, {}, undefined)).toBeNull();
  });

  test('a supporter from another district is not counted, and the refusal says why', () => {
    const data = completeData({
      supporters: [
        { name: 'An', postcode: '3061 AB', age: 34 },
        { name: 'Bo', postcode: '3062 CD', age: 41 },
        { name: 'Cees', postcode: '3063 EF', age: 70 },
        { name: 'Dilan', postcode: '3022 AB', age: 25 },
      ],
    });
    const event = (district: string): MachineEvent => ({
      type: 'SUBMIT',
      payload: {},
      nowMs: 0,
      today: '2026-03-03',
      actorId: 'u1',
      roles: ['applicant'],
      facts: { ...facts, regulation: { ...facts.regulation, district } },
    });
    const params = { count: 4, minAge: 12, sameDistrict: rule.sameDistrict };
    const refused = runGuard(
      'supportersAtLeast',
      params,
      def,
      emptyContext(data),
      event('Kralingen-Crooswijk'),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues[0]!.text!.nl).toContain(
      'er zijn er minstens 4 nodig van bewoners uit Kralingen-Crooswijk van 12 jaar of ouder; nu zijn het er 3. Wie volgens de postcode niet in Kralingen-Crooswijk woont, telt niet mee.',
    );
    expect(refused.issues[0]!.text!.en).toContain(
      'at least 4 are needed from residents of Kralingen-Crooswijk aged 12 or older; there are 3 now. Someone who does not live in Kralingen-Crooswijk by their postcode does not count.',
    );
    // Confirmed supporters are held to the same district.
    const confirmed = [
      { age: 30, postcode: '3061 AB' },
      { age: 30, postcode: '3061 AC' },
      { age: 30, postcode: '3062 AB' },
      { age: 30, postcode: '3011 AB' },
    ];
    const e = event('Kralingen-Crooswijk');
    e.facts = { ...e.facts!, confirmedSupporters: confirmed };
    expect(runGuard('supportersAtLeast', params, def, emptyContext(data), e).ok).toBe(false);
    e.facts.confirmedSupporters = [...confirmed, { age: 30, postcode: '3063 AB' }];
    expect(runGuard('supportersAtLeast', params, def, emptyContext(data), e).ok).toBe(true);
  });
});
