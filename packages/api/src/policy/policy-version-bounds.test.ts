import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

// A workflow version is a PostgreSQL integer. A larger one (still a safe JavaScript integer)
// reached the query and came back as a 500 (probed over HTTP); now 422 naming the field.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit?.close());

const key = '/api/policy/definitions/bewonersinitiatief';
const BIG = 2_147_483_648;

describe('a version beyond any that can exist', () => {
  test.each([
    ['GET', `${key}/versions/${BIG}`, 'version', undefined],
    ['PUT', `${key}/versions/99999999999`, 'version', { definition: {} }],
    ['DELETE', `${key}/versions/${BIG}`, 'version', undefined],
    ['POST', `${key}/versions/${BIG}/publish`, 'version', {}],
    ['POST', `${key}/versions/${BIG}/retire`, 'version', undefined],
    ['GET', `${key}/diff?from=1&to=${BIG}`, 'to', undefined],
    ['POST', `${key}/drafts`, 'fromVersion', { fromVersion: BIG }],
    ['POST', `${key}/migrations/dry-run`, 'toVersion', { fromVersion: 1, toVersion: BIG }],
    ['POST', `${key}/migrations`, 'fromVersion', { fromVersion: BIG, toVersion: 3 }],
    [
      'POST',
      '/api/policy/definitions',
      'from.version',
      { key: 'wijkfeest', title: { nl: 'W', en: 'W' }, from: { key: 'x', version: BIG } },
    ],
    ['GET', `/api/definitions/bewonersinitiatief/versions/${BIG}`, 'version', undefined],
  ])('%s %s: 422 naming %s', async (method, path, field, json) => {
    const res = await call(kit.app, method, path, {
      cookie: kit.cookies.policy,
      json,
      headers: { 'if-match': '"r1"', 'accept-language': 'en' },
    });
    expect(res.status, await res.clone().text()).toBe(422);
    const body = await readJson(res);
    expect(body.invalidParams).toContainEqual({
      name: field,
      reason: 'This number is too large; no such version exists.',
    });
  });

  test('a regulation on such a version, new or changed: 422, nothing stored', async () => {
    const before = await kit.t.db.selectFrom('regulations').select('id').execute();
    const patch = await call(kit.app, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
      cookie: kit.cookies.policy,
      json: { workflowKey: 'bewonersinitiatief', workflowVersion: BIG },
    });
    expect(patch.status, await patch.clone().text()).toBe(422);
    const created = await call(kit.app, 'POST', '/api/policy/regulations', {
      cookie: kit.cookies.policy,
      json: {
        code: 'GROOT-1',
        district: 'Noord',
        year: 2027,
        title: 'Te groot',
        ceilingCents: 100_000,
        maxAmountCents: 10_000,
        opensOn: '2027-01-01',
        closesOn: '2027-12-31',
        workflowKey: 'x'.repeat(61),
        workflowVersion: BIG,
      },
    });
    expect(created.status).toBe(422);
    const names = (await readJson(created)).invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['workflowKey', 'workflowVersion']));
    expect(await kit.t.db.selectFrom('regulations').select('id').execute()).toEqual(before);
  });
});
