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

  test('the same form: nothing changes', () => {
    const data = completeData();
    expect(dataForNewVersion(v1, v1, data)).toEqual({ data, dropped: [] });
  });
});
