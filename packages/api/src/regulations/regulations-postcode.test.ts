import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegulation, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

// The desk files an application for a resident under the regulation of her district. Which
// district a postcode lies in comes from the district table of each regulation's workflow (its
// supporters rule, bewonersinitiatief 12 and later); the API holds no table of its own.

let kit: Kit;
let feijenoord: string;
let charlois: string;
beforeAll(async () => {
  // The kit's own regulation (Delfshaven) starts on version 1, which has no district table.
  kit = await setupKit();
  const v13 = { key: 'bewonersinitiatief', version: 13 };
  feijenoord = await createRegulation(kit.t, v13, { district: 'Feijenoord' });
  charlois = await createRegulation(kit.t, v13, { district: 'Charlois' });
  // The small budget's workflow has no district table: its regulation matches no postcode.
  await createRegulation(
    kit.t,
    { key: 'klein-buurtbudget', version: 10 },
    { district: 'Feijenoord' },
  );
  // Not open yet: not offered.
  await createRegulation(kit.t, v13, {
    district: 'Hoogvliet',
    opensOn: '2027-01-01',
    closesOn: '2027-12-31',
  });
});
afterAll(() => kit.close());

/** Asked as the clerk, another persona's session, or (null) none. */
const ask = (query: string, cookie: string | null = kit.cookies.clerk) =>
  call(kit.app, 'GET', `/api/regulations/by-postcode?${query}`, cookie ? { cookie } : {});

async function found(postcode: string) {
  const res = await ask(`postcode=${encodeURIComponent(postcode)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return readJson(res);
}

describe("the desk finds the regulation of a resident's district by postcode", () => {
  test("the regulation whose workflow's table puts the postcode in its district", async () => {
    expect(await found('3074 AB')).toEqual({
      postcode: '3074 AB',
      district: 'Feijenoord',
      regulationIds: [feijenoord],
    });
    expect(await found('3083ab')).toEqual({
      postcode: '3083 AB',
      district: 'Charlois',
      regulationIds: [charlois],
    });
  });

  test('a district without an open regulation on a table is named, with none to choose', async () => {
    // Rozenburg: in the table, but no regulation there.
    expect(await found('3181 AB')).toEqual({
      postcode: '3181 AB',
      district: 'Rozenburg',
      regulationIds: [],
    });
    // Delfshaven has a regulation, on a workflow without a table: it says nothing of postcodes.
    expect(await found('3022 AB')).toEqual({
      postcode: '3022 AB',
      district: 'Delfshaven',
      regulationIds: [],
    });
    // Hoogvliet's regulation opens next year.
    expect((await found('3191 AB')).regulationIds).toEqual([]);
    // Outside every district the tables know.
    expect(await found('9999 ZZ')).toEqual({
      postcode: '9999 ZZ',
      district: null,
      regulationIds: [],
    });
  });

  test('staff only: no session is 401, a resident 403', async () => {
    expect((await ask('postcode=3074AB', null)).status).toBe(401);
    expect((await ask('postcode=3074AB', kit.cookies.resident)).status).toBe(403);
    expect((await ask('postcode=3074AB', kit.cookies.assessor)).status).toBe(200);
  });

  test('what is no postcode is refused as problem+json, odd bytes with 400', async () => {
    const problem = async (res: Response, status: number) => {
      expect(res.status, await res.clone().text()).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return readJson(res);
    };
    const invalid = await problem(await ask('postcode=3074'), 422);
    expect(invalid.invalidParams.map((p: { name: string }) => p.name)).toEqual(['postcode']);
    await problem(await ask(''), 422);
    for (const odd of ['3074%1BAB', '3074%00AB', '3074%E2%80%AEAB', '3074%C3%28AB', '%E0%A4%A']) {
      const body = await problem(await ask(`postcode=${odd}`), 400);
      expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['query.postcode']);
    }
    // A parameter the operation does not take.
    await problem(await ask('postcode=3074AB&district=Feijenoord'), 400);
  });
});
