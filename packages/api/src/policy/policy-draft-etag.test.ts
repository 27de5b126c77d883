/**
 * No lost edits (issue 14): a draft carries a revision (ETag); a save with an If-Match that is
 * out of date is refused with 412 and says who saved in between, and when; a save without
 * If-Match is refused with 428, so no client can overwrite by leaving the header out.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
let other = '';
const base = '/api/policy/definitions/bewonersinitiatief';

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'], name: 'Fatima Tweede' });
  other = await loginAs(kit.app, user.email!);
});
afterAll(() => kit.close());

describe('two tabs on one draft', () => {
  test('the later save of an older revision gets 412 with who saved and when', async () => {
    const created = await call(kit.app, 'POST', `${base}/drafts`, {
      cookie: kit.cookies.policy,
      json: { fromVersion: 1 },
    });
    expect(created.status).toBe(201);
    const draft = await readJson(created);
    const path = `${base}/versions/${draft.version}`;

    // Both tabs read the same revision.
    const first = await call(kit.app, 'GET', path, { cookie: kit.cookies.policy });
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"r${draft.revision}"`);
    expect(
      await call(kit.app, 'GET', path, { cookie: other }).then((r) => r.headers.get('etag')),
    ).toBe(etag);

    // The other officer saves first.
    const theirs = structuredClone(draft.definition);
    theirs.title.nl = 'Hun titel';
    const saved = await call(kit.app, 'PUT', path, {
      cookie: other,
      json: { definition: theirs },
      headers: { 'if-match': etag },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const body = await readJson(saved);
    expect(saved.headers.get('etag')).toBe(`"r${draft.revision + 1}"`);
    expect(body).toMatchObject({
      revision: draft.revision + 1,
      savedBy: { name: 'Fatima Tweede' },
    });

    // This tab saves on the old revision: refused, nothing overwritten.
    const mine = structuredClone(draft.definition);
    mine.title.nl = 'Mijn titel';
    const stale = await call(kit.app, 'PUT', path, {
      cookie: kit.cookies.policy,
      json: { definition: mine },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    const problem = await readJson(stale);
    expect(problem).toMatchObject({
      code: 'precondition_failed',
      revision: draft.revision + 1,
      savedBy: { name: 'Fatima Tweede' },
    });
    expect(problem.savedAt).toBe(body.savedAt);
    expect(problem.detail).toMatch(/^Fatima Tweede heeft dit concept intussen opgeslagen \(/);
    const stored = await readJson(await call(kit.app, 'GET', path, { cookie: kit.cookies.policy }));
    expect(stored.definition.title.nl).toBe('Hun titel');

    // After reloading, the save goes through.
    const retry = await call(kit.app, 'PUT', path, {
      cookie: kit.cookies.policy,
      json: { definition: mine },
      headers: { 'if-match': `"r${stored.revision}"` },
    });
    expect(retry.status).toBe(200);
    // An If-Match that is no ETag of ours is refused too.
    const garbage = await call(kit.app, 'PUT', path, {
      cookie: kit.cookies.policy,
      json: { definition: mine },
      headers: { 'if-match': '"abc"' },
    });
    expect(garbage.status).toBe(412);
    // So is a revision beyond any a row can hold (it used to reach the query: 500), on the
    // draft and on a published version alike.
    for (const at of [path, `${base}/versions/1`]) {
      for (const ifMatch of ['"r99999999999999999999"', '"2147483648"', 'W/"r1e3"']) {
        const huge = await call(kit.app, 'PUT', at, {
          cookie: kit.cookies.policy,
          json: { definition: mine },
          headers: { 'if-match': ifMatch },
        });
        expect(huge.status, `${at} ${ifMatch}: ${await huge.clone().text()}`).toBe(412);
        expect(huge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
  });

  test('a save without If-Match (or with *) is 428 and changes nothing', async () => {
    // The draft of the test before (one draft per workflow at a time).
    const { items } = await readJson(
      await call(kit.app, 'GET', '/api/policy/definitions', { cookie: kit.cookies.policy }),
    );
    const { version } = items.find(
      (d: { key: string; status: string }) =>
        d.key === 'bewonersinitiatief' && d.status === 'draft',
    );
    const draft = await readJson(
      await call(kit.app, 'GET', `${base}/versions/${version}`, { cookie: kit.cookies.policy }),
    );
    const path = `${base}/versions/${draft.version}`;
    const changed = structuredClone(draft.definition);
    changed.title.nl = 'Zonder If-Match';
    for (const headers of [{}, { 'if-match': '*' }] as Record<string, string>[]) {
      const res = await call(kit.app, 'PUT', path, {
        cookie: kit.cookies.policy,
        json: { definition: changed },
        headers,
      });
      expect(res.status).toBe(428);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // The current ETag comes along, but the client must have read the draft to use it.
      expect(res.headers.get('etag')).toBe(`"r${draft.revision}"`);
      expect(await readJson(res)).toMatchObject({
        status: 428,
        code: 'precondition_required',
      });
    }
    const stored = await readJson(await call(kit.app, 'GET', path, { cookie: kit.cookies.policy }));
    expect(stored.revision).toBe(draft.revision);
    expect(stored.definition.title.nl).toBe(draft.definition.title.nl);
    // A published version stays 409 with or without If-Match: it cannot change at all.
    const published = await call(kit.app, 'PUT', `${base}/versions/1`, {
      cookie: kit.cookies.policy,
      json: { definition: changed },
    });
    expect(published.status).toBe(409);
  });

  test('the document says If-Match is required and describes 428', async () => {
    const doc = await readJson(await call(kit.app, 'GET', '/api/openapi.json'));
    const put = doc.paths['/api/policy/definitions/{key}/versions/{version}'].put;
    expect(put.responses['428']).toBeDefined();
    expect(put.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'if-match', required: true }),
    );
  });
});
