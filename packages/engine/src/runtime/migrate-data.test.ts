/**
 * Moving a running application to version 2 of the shipped workflow, which has no district
 * field (the regulation decides it): the field leaves the application's data, named by its label
 * and kept in the history, and the application goes on under the new version's rules.
 */
import { describe, expect, test } from 'vitest';
import type { Effect } from '../core/engine.types';
import type { EngineError } from '../core/engine-error';
import { validateDefinition } from '../definition/definition.validate';
import { validateFormData } from '../form/form.validate';
import { applicant, assessor, completeData, facts, shippedJson, T0 } from '../test/fixtures';
import { migrate } from './migrate';
import { dataForNewVersion } from './migrate-data';
import { createApplication, step } from './runtime';

const v1 = validateDefinition(shippedJson()).definition!;
const v2 = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json')).definition!;
const policy = { id: 'u-policy', roles: ['policy' as const] };

function infoRequestedOnV1() {
  const a = createApplication(v1, { now: T0, actor: applicant, facts, data: completeData() });
  const b = step(v1, a.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
  const c = step(
    v1,
    b.snapshot,
    { type: 'REQUEST_INFO', payload: { message: 'Offerte?', periodDays: 14 } },
    { now: T0, actor: assessor, facts },
  );
  const timers = c.effects
    .filter((e): e is Extract<Effect, { type: 'timer.schedule' }> => e.type === 'timer.schedule')
    .map((e) => ({ timerId: e.timerId, event: e.event, dueAt: e.dueAt }));
  return { snapshot: c.snapshot, timers };
}

describe('migrating to a version with fewer fields', () => {
  test('the district leaves the data, named by its label, its value kept in the history', () => {
    const { snapshot, timers } = infoRequestedOnV1();
    // Version 1's data does not pass version 2's form: the resident could never send it again.
    expect(validateFormData(v2, snapshot.context.data).issues.map((i) => i.path)).toEqual([
      'data.district',
    ]);
    const now = new Date(T0.getTime() + 86_400_000);
    const r = migrate(
      v1,
      v2,
      snapshot,
      {},
      {
        now,
        actor: policy,
        actorName: 'Pieter Beleidsmedewerker',
        facts,
        timers,
      },
    );
    expect(r.snapshot.context.data.district).toBeUndefined();
    expect(validateFormData(v2, r.snapshot.context.data)).toEqual({ ok: true, issues: [] });
    expect(r.explanation.droppedFields).toEqual([
      expect.objectContaining({ path: 'district', label: { nl: 'Wijk', en: 'District' } }),
    ]);
    expect(r.explanation.text.at(-1)?.nl).toBe(
      'Versie 2 heeft geen veld ‘Wijk’: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.',
    );
    expect(r.history.payload).toMatchObject({ droppedData: { district: 'Noord' } });

    // Under version 2 the answer needs an explanation or a file, and then goes on.
    const at = { now, actor: applicant, facts };
    const empty = (() => {
      try {
        step(v2, r.snapshot, { type: 'SUPPLEMENT', payload: {} }, at);
      } catch (e) {
        return e as EngineError;
      }
    })();
    expect(empty?.code).toBe('invalid_payload');
    expect(empty?.issues?.map((i) => i.message)).toEqual([
      'give at least one of: message, attachments',
    ]);
    const answered = step(
      v2,
      r.snapshot,
      { type: 'SUPPLEMENT', payload: { message: 'De offerte zit in de bijlage.' } },
      at,
    );
    expect(answered.state).toBe('submitted');
  });

  test('a field of each row of a list goes the same way; the other fields stay', () => {
    const fewer = structuredClone(v2);
    const supporters = fewer.form.fields.find((f) => f.key === 'supporters');
    if (supporters?.type !== 'list') throw new Error('no supporters list');
    supporters.fields = supporters.fields.filter((f) => f.key !== 'postcode');
    const data = completeData({ district: undefined });
    delete data.district;
    const r = dataForNewVersion(v1, fewer, data);
    expect(r.dropped.map((d) => d.path)).toEqual(['supporters.postcode']);
    expect(r.dropped[0]!.value).toEqual(
      (data.supporters as { postcode: string }[]).map((s) => s.postcode),
    );
    expect(r.dropped[0]!.text.nl).toContain('‘Postcode’ in ‘Handtekeningen van buurtbewoners’');
    expect((r.data.supporters as Record<string, unknown>[])[0]).toEqual({ name: 'An', age: 34 });
    expect(r.data.title).toBe(data.title);
  });

  test('an answer that is no longer a choice leaves the data, named by its words', () => {
    const fewer = structuredClone(v1);
    const district = fewer.form.fields.find((f) => f.key === 'district');
    if (district?.type !== 'select' || !district.options) throw new Error('no district choices');
    district.options = district.options.filter((o) => o !== 'Noord');
    const data = completeData({ district: 'Noord' });
    // Kept as it was, the answer would be refused by every later check of the new form.
    expect(validateFormData(fewer, data).issues.map((i) => i.path)).toEqual(['data.district']);
    const r = dataForNewVersion(v1, fewer, data);
    expect(r.data.district).toBeUndefined();
    expect(r.dropped).toEqual([
      {
        path: 'district',
        label: { nl: 'Wijk', en: 'District' },
        value: 'Noord',
        text: {
          nl: 'Versie 1 heeft ‘Noord’ niet meer als keuze bij ‘Wijk’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.',
          en: 'Version 1 no longer has ‘Noord’ as a choice for ‘District’: the answer leaves the application and stays in its history.',
        },
      },
    ]);
    // A choice that is still offered stays.
    expect(dataForNewVersion(v1, fewer, completeData({ district: 'Charlois' })).dropped).toEqual(
      [],
    );
  });

  test('in a list, only the rows whose choice is gone lose it, named once by its old words', () => {
    const withChoice = (options: string[]) => {
      const def = structuredClone(v1);
      const supporters = def.form.fields.find((f) => f.key === 'supporters');
      if (supporters?.type !== 'list') throw new Error('no supporters list');
      supporters.fields.push({
        key: 'lives',
        type: 'select',
        label: { nl: 'Woont in de buurt', en: 'Lives nearby' },
        options,
        optionLabels: { ja: { nl: 'Ja', en: 'Yes' }, nee: { nl: 'Nee', en: 'No' } },
        required: false,
      });
      return def;
    };
    const data = completeData();
    const rows = (data.supporters as Record<string, unknown>[]).map((row, i) => ({
      ...row,
      lives: i === 0 ? 'ja' : 'nee',
    }));
    const r = dataForNewVersion(withChoice(['ja', 'nee']), withChoice(['ja']), {
      ...data,
      supporters: rows,
    });
    const after = r.data.supporters as Record<string, unknown>[];
    expect(after[0]!.lives).toBe('ja');
    expect(after.slice(1).every((row) => !('lives' in row))).toBe(true);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0]!.path).toBe('supporters.lives');
    expect(r.dropped[0]!.value).toEqual(rows.slice(1).map(() => 'nee'));
    expect(r.dropped[0]!.text.nl).toBe(
      'Versie 1 heeft ‘Nee’ niet meer als keuze bij ‘Woont in de buurt’ in ‘Handtekeningen van buurtbewoners’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.',
    );
    expect(r.dropped[0]!.text.en).toContain('no longer has ‘No’ as a choice for ‘Lives nearby’');
  });

  test('the same form: nothing changes', () => {
    const data = completeData();
    expect(dataForNewVersion(v1, v1, data)).toEqual({ data, dropped: [] });
  });
});

describe('a choice list Ja/Nee and a yes/no question between versions', () => {
  const ACCESSIBLE = { nl: 'Toegankelijk', en: 'Accessible' };
  /** Version 1's form with the question `accessible` of the given kind. */
  const withAccessible = (field: Record<string, unknown>) => {
    const def = structuredClone(v1);
    def.form.fields.push({
      key: 'accessible',
      label: ACCESSIBLE,
      required: false,
      ...field,
    } as (typeof def.form.fields)[number]);
    return def;
  };
  const choiceList = withAccessible({
    type: 'select',
    options: ['j', 'n', 'deels'],
    optionLabels: {
      j: { nl: 'Ja', en: 'Yes' },
      n: { nl: 'Nee', en: 'No' },
      deels: { nl: 'Gedeeltelijk', en: 'Partly' },
    },
  });
  const yesNo = withAccessible({ type: 'yesno' });

  test('a choice whose words are Ja or Nee becomes that answer, and back', () => {
    for (const [choice, answer] of [
      ['j', true],
      ['n', false],
    ] as const) {
      const r = dataForNewVersion(choiceList, yesNo, completeData({ accessible: choice }));
      expect(r.dropped).toEqual([]);
      expect(r.data.accessible).toBe(answer);
      expect(validateFormData(yesNo, r.data).ok).toBe(true);
      const back = dataForNewVersion(yesNo, choiceList, completeData({ accessible: answer }));
      expect(back).toEqual({ data: completeData({ accessible: choice }), dropped: [] });
    }
  });

  test('any other choice leaves the data, named by its old words', () => {
    const r = dataForNewVersion(choiceList, yesNo, completeData({ accessible: 'deels' }));
    expect(r.data.accessible).toBeUndefined();
    expect(validateFormData(yesNo, r.data).ok).toBe(true);
    expect(r.dropped).toEqual([
      {
        path: 'accessible',
        label: ACCESSIBLE,
        value: 'deels',
        text: {
          nl: 'Versie 1 heeft ‘Gedeeltelijk’ niet meer als keuze bij ‘Toegankelijk’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.',
          en: 'Version 1 no longer has ‘Partly’ as a choice for ‘Accessible’: the answer leaves the application and stays in its history.',
        },
      },
    ]);
  });

  test('a yes/no answer a choice list has no choice for leaves the data as Ja or Nee', () => {
    const other = withAccessible({ type: 'select', options: ['altijd', 'soms'] });
    const r = dataForNewVersion(yesNo, other, completeData({ accessible: false }));
    expect(r.data.accessible).toBeUndefined();
    expect(r.dropped[0]?.value).toBe(false);
    expect(r.dropped[0]?.text.nl).toBe(
      'Versie 1 heeft ‘Nee’ niet meer als keuze bij ‘Toegankelijk’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.',
    );
  });

  test('a yes/no answer stays; no answer stays none', () => {
    expect(dataForNewVersion(yesNo, yesNo, completeData({ accessible: false })).data).toEqual(
      completeData({ accessible: false }),
    );
    const text = withAccessible({ type: 'text' });
    expect(dataForNewVersion(text, yesNo, completeData({ accessible: '  ' })).dropped).toEqual([]);
  });

  test('in a list, each row’s Ja or Nee is read anew, other answers leave once each', () => {
    const withLives = (field: Record<string, unknown>) => {
      const def = structuredClone(v1);
      const supporters = def.form.fields.find((f) => f.key === 'supporters');
      if (supporters?.type !== 'list') throw new Error('no supporters list');
      supporters.fields.push({
        key: 'lives',
        label: { nl: 'Woont in de buurt', en: 'Lives nearby' },
        required: false,
        ...field,
      } as (typeof supporters.fields)[number]);
      return def;
    };
    const data = completeData();
    const answers = ['ja', 'nee', 'weet niet', 'weet niet'];
    const rows = (data.supporters as Record<string, unknown>[]).map((row, i) => ({
      ...row,
      lives: answers[i],
    }));
    const r = dataForNewVersion(withLives({ type: 'text' }), withLives({ type: 'yesno' }), {
      ...data,
      supporters: rows,
    });
    const after = (r.data.supporters as Record<string, unknown>[]).map((row) => row.lives);
    expect(after).toEqual([true, false, undefined, undefined]);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0]).toMatchObject({
      path: 'supporters.lives',
      value: ['weet niet', 'weet niet'],
    });
    expect(r.dropped[0]!.text.nl).toBe(
      'Versie 1 heeft ‘weet niet’ niet meer als keuze bij ‘Woont in de buurt’ in ‘Handtekeningen van buurtbewoners’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.',
    );
  });
});
