/**
 * Rotterdam asks for the support of at least four other residents OF THE DISTRICT (domain notes).
 * From version 12 of the bewonersinitiatief the definition holds a table from district to the
 * four digits of its postcodes (`supportersAtLeast`'s `sameDistrict`): a supporter whose postcode
 * lies in another district does not count, and the refusal says so, naming the district. A
 * namesake of the applicant at another postcode is somebody else, and counts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import { call } from '../test/test-app';

const v12 = shippedFile('bewonersinitiatief', 12);
let kit: Kit;
let regulationId: string;
beforeAll(async () => {
  kit = await setupKit();
  regulationId = await createRegulation(
    kit.t,
    { key: v12.key, version: 12 },
    {
      district: 'Delfshaven',
    },
  );
}, 120_000);
afterAll(() => kit.close());

/** The demo form (four supporters in 3022, Delfshaven) with the last one at `postcode`. */
function withLast(postcode: string, name = 'Kees Bakker'): Record<string, unknown> {
  const data = onlyFormFields(v12, demoFormData(kit.clock()));
  const supporters = [...(data.supporters as Record<string, unknown>[])];
  // The demo's third supporter is 15: all four are twelve or older.
  supporters[3] = { name, postcode, age: 45 };
  return { ...data, supporters };
}

async function reasons(id: string): Promise<string> {
  const all: string[] = [];
  for (const language of ['nl', 'en']) {
    const res = await sendEvent(kit, 'resident', id, 'SUBMIT', undefined, {
      'Accept-Language': language,
    });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.guard).toBe('supportersAtLeast');
    all.push(...(problem.invalidParams as { reason: string }[]).map((p) => p.reason));
  }
  return all.join(' | ');
}

describe('supporters of the district only', () => {
  test('four supporters, one of them from Kralingen: refused, and told why in words', async () => {
    const draft = await createDraft(kit, 'resident', { regulationId, data: withLast('3061 AB') });
    const text = await reasons(draft.id);
    expect(text).toContain(
      'er zijn er minstens 4 nodig van bewoners uit Delfshaven van 12 jaar of ouder; nu zijn het er 3. Wie volgens de postcode niet in Delfshaven woont, telt niet mee.',
    );
    expect(text).toContain(
      'at least 4 are needed from residents of Delfshaven aged 12 or older; there are 3 now. Someone who does not live in Delfshaven by their postcode does not count.',
    );
  });

  test('the four in the district: the application goes in', async () => {
    const draft = await createDraft(kit, 'resident', { regulationId, data: withLast('3026 AB') });
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readJson(res)).state).toBe('submitted');
  });

  test("the applicant's namesake at another postcode counts; at her own postcode she does not", async () => {
    await kit.t.db
      .updateTable('users')
      .set({ postcode: '3025 AB' })
      .where('id', '=', kit.users.resident.id)
      .execute();
    const name = kit.users.resident.name;
    const mine = await createDraft(kit, 'resident', {
      regulationId,
      data: withLast('3025ab', name),
    });
    // The detail carries her postcode, so her form can tell her line from a namesake's.
    expect(mine.applicantPostcode).toBe('3025 AB');
    expect(await reasons(mine.id)).toContain('De aanvrager zelf telt niet mee.');
    const namesake = await createDraft(kit, 'resident', {
      regulationId,
      data: withLast('3026 CD', name),
    });
    const res = await sendEvent(kit, 'resident', namesake.id, 'SUBMIT');
    expect(res.status, await res.clone().text()).toBe(200);
  });
});

describe('the list of supporters on record says per supporter whether he counts', () => {
  test("confirmed, invited, the applicant, too young, another district: the engine's verdicts", async () => {
    const draft = await createDraft(kit, 'resident', { regulationId, data: withLast('3026 AB') });
    const add = async (json: Record<string, unknown>, persona: 'resident' | 'clerk' = 'clerk') => {
      const res = await call(kit.app, 'POST', `/api/applications/${draft.id}/supporters`, {
        cookie: kit.cookies[persona],
        json,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    await add({ name: 'Priya Ramdin', paper: true, postcode: '3022 AB', age: 34 });
    await add({ name: 'Sanne de Wit', paper: true, postcode: '3061 AB', age: 29 });
    await add({ name: 'Noor Bakker', paper: true, postcode: '3021 AF', age: 11 });
    await add({ name: 'Kees Bakker', email: 'kees.bakker@buurt.test' }, 'resident');
    const list = await readJson(
      await call(kit.app, 'GET', `/api/applications/${draft.id}/supporters`, {
        cookie: kit.cookies.assessor,
      }),
    );
    const verdicts = Object.fromEntries(
      (list.items as { name: string; verdict: string | null }[]).map((s) => [s.name, s.verdict]),
    );
    expect(verdicts).toEqual({
      'Priya Ramdin': null,
      'Sanne de Wit': 'otherDistrict',
      'Noor Bakker': 'tooYoung',
      'Kees Bakker': 'unconfirmed',
    });
    // The applicant reads the same verdicts on her own page (the web words them for her).
    const own = await readJson(
      await call(kit.app, 'GET', `/api/applications/${draft.id}/supporters`, {
        cookie: kit.cookies.resident,
      }),
    );
    expect(
      Object.fromEntries(
        (own.items as { name: string; verdict: string | null }[]).map((s) => [s.name, s.verdict]),
      ),
    ).toEqual(verdicts);
    expect(own).toMatchObject({ counted: 1, rule: { count: 4, minAge: 12 } });
    // What a supporter told the municipality to be counted is not hers to read; staff read it.
    for (const s of own.items as { postcode: unknown; age: unknown }[]) {
      expect(s).toMatchObject({ postcode: null, age: null });
    }
    expect(
      (list.items as { name: string; postcode: unknown; age: unknown }[]).find(
        (s) => s.name === 'Noor Bakker',
      ),
    ).toMatchObject({ postcode: '3021 AF', age: 11 });
    expect(list).toMatchObject({
      confirmed: 3,
      counted: 1,
      district: { name: 'Delfshaven', label: { nl: 'Delfshaven', en: 'Delfshaven' } },
      rule: { count: 4, minAge: 12 },
    });
    // What the step decides: one counts, so SUBMIT is refused for the supporters.
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(res.status).toBe(422);
    expect((await readJson(res)).guard).toBe('supportersAtLeast');
  });
});
