/**
 * One reading of the supporters' rule for everyone: the step that checks it, the form that counts
 * while it is filled in, the staff's pages (readSupporters), and the policy editor, which reads a
 * draft that was never validated (supportersRules).
 */
import { describe, expect, test } from 'vitest';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { completeData, facts, shippedJson } from '../test/fixtures';
import { runGuard } from './guards';
import { readSupporters, supportersRule, supportersRules } from './supporters-rule';
import { emptyContext, type MachineEvent } from './vocabulary.context';

const TABLE = {
  field: 'district',
  postcodes: { Delfshaven: ['3021', '3022', '3023'], 'Kralingen-Crooswijk': ['3061', '3062'] },
};

type Json = { states: Record<string, { on?: Record<string, unknown> }> } & Record<string, unknown>;

/** Version 1 (it asks for the district) with the district table keyed by that question. */
function keyedByQuestion(): { json: Json; def: WorkflowDefinition } {
  const json = shippedJson() as Json;
  for (const [state, event] of [
    ['draft', 'SUBMIT'],
    ['info_requested', 'SUPPLEMENT'],
  ] as const) {
    const t = json.states[state]!.on![event] as { guard: { type: string; params: unknown }[] };
    t.guard.find((g) => g.type === 'supportersAtLeast')!.params = {
      count: 3,
      minAge: 12,
      sameDistrict: TABLE,
    };
  }
  const result = validateDefinition(structuredClone(json));
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return { json, def: result.definition };
}

const supporters = [
  { name: 'Priya Ramdin', postcode: '3022 AB', age: 34 },
  { name: 'Sanne de Wit', postcode: '3061 AB', age: 29 },
  { name: 'Ayşe Yıldız-Çelik', postcode: '3023 CD', age: 41 },
  { name: 'Noor Bakker', postcode: '3021 AF', age: 11 },
  { name: 'Kees Bakker', postcode: '3062 XY', age: 45 },
];

const submit = (district = 'Delfshaven'): MachineEvent => ({
  type: 'SUBMIT',
  payload: {},
  nowMs: 0,
  today: '2026-03-03',
  actorId: 'u1',
  roles: ['applicant'],
  // The regulation's district is not the one the form names: the question decides.
  facts: { ...facts, regulation: { ...facts.regulation, district } },
});

describe('a district table keyed by a question of the form', () => {
  const { def } = keyedByQuestion();
  const rule = supportersRule(def)!;

  test("the form's answer names the district, whatever the regulation's district", () => {
    const kralingen = readSupporters(def, rule, supporters, {
      data: { district: 'Kralingen-Crooswijk' },
      regulationDistrict: 'Delfshaven',
    });
    expect(kralingen.district?.label).toEqual({
      nl: 'Kralingen-Crooswijk',
      en: 'Kralingen-Crooswijk',
    });
    expect(kralingen.verdicts).toEqual(['otherDistrict', null, 'otherDistrict', 'tooYoung', null]);
    expect(kralingen.counted).toBe(2);
    const delfshaven = readSupporters(def, rule, supporters, { data: { district: 'Delfshaven' } });
    expect(delfshaven.verdicts).toEqual([null, 'otherDistrict', null, 'tooYoung', 'otherDistrict']);
    // Not answered yet: no district to hold them to.
    expect(readSupporters(def, rule, supporters, { regulationDistrict: 'Delfshaven' })).toEqual({
      district: null,
      verdicts: [null, null, null, 'tooYoung', null],
      counted: 4,
    });
  });

  test('the step decides as the reading says, for the form and for confirmed supporters', () => {
    const params: Record<string, unknown> = { ...supportersRules(def)[0] };
    for (const district of ['Delfshaven', 'Kralingen-Crooswijk']) {
      const data = completeData({ district, supporters });
      const reading = readSupporters(def, rule, supporters, { data });
      const decided = runGuard('supportersAtLeast', params, def, emptyContext(data), submit());
      expect(decided.ok).toBe(reading.counted >= rule.count);
      const e = submit('Kralingen-Crooswijk');
      e.facts = { ...e.facts!, confirmedSupporters: supporters };
      const confirmed = runGuard('supportersAtLeast', params, def, emptyContext(data), e);
      expect(confirmed.ok).toBe(reading.counted >= rule.count);
    }
    const refused = runGuard(
      'supportersAtLeast',
      params,
      def,
      emptyContext(completeData({ district: 'Kralingen-Crooswijk', supporters })),
      submit(),
    );
    expect(refused.ok ? '' : refused.issues[0]!.text!.nl).toContain(
      'minstens 3 nodig van bewoners uit Kralingen-Crooswijk van 12 jaar of ouder; nu zijn het er 2.',
    );
  });
});

describe('supportersRules reads a draft that was never validated', () => {
  test('as the validated definition, guard by guard', () => {
    const { json, def } = keyedByQuestion();
    expect(supportersRules(json)).toEqual(supportersRules(def));
    expect(supportersRules(def)).toEqual([
      { count: 3, minAge: 12, sameDistrict: TABLE },
      { count: 3, minAge: 12, sameDistrict: TABLE },
    ]);
    expect(supportersRule(json)).toEqual(supportersRule(def));
  });

  test('what is missing or not of its kind is read as absent', () => {
    const draft = {
      states: {
        draft: {
          on: {
            SUBMIT: [
              { target: 'submitted', guard: { type: 'supportersAtLeast', params: { count: 'x' } } },
              { target: 'submitted', guard: [null, { type: 'supportersAtLeast' }] },
            ],
            WITHDRAW: 'withdrawn',
          },
        },
        info_requested: {
          on: {
            SUPPLEMENT: {
              guard: {
                type: 'supportersAtLeast',
                params: {
                  count: 5,
                  minAge: 16,
                  sameDistrict: { postcodes: { Noord: ['3032', 7] } },
                },
              },
            },
          },
        },
        odd: { on: [] },
        worse: 'nothing',
      },
    };
    expect(supportersRules(draft)).toEqual([
      { count: 0, minAge: 12 },
      { count: 0, minAge: 12 },
      { count: 5, minAge: 16, sameDistrict: { postcodes: { Noord: ['3032'] } } },
    ]);
    expect(supportersRule(draft)?.minAge).toBe(16);
    expect(supportersRule({})).toBeNull();
    expect(supportersRule({ states: null })).toBeNull();
  });
});
