import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { COMPRESS_FROM_BYTES } from './compress-json.middleware';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

describe('large JSON answers go out gzipped', () => {
  test('a workflow definition is gzipped for a client that accepts it, and reads back the same', async () => {
    await createDraft(kit);
    const { key, version } = kit.workflow;
    const path = `/api/definitions/${key}/versions/${version}`;
    const plain = await call(kit.app, 'GET', path, { cookie: kit.cookies.resident });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(COMPRESS_FROM_BYTES);

    const zipped = await call(kit.app, 'GET', path, {
      cookie: kit.cookies.resident,
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
  });

  test('a small answer is sent as it is', async () => {
    const res = await call(kit.app, 'GET', '/api/session', {
      cookie: kit.cookies.resident,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    // Caches must still keep it apart from a gzipped answer to the same address.
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(((await res.json()) as { user: { roles: string[] } }).user.roles).toContain('applicant');
  });

  test('a problem answer keeps its status and its type', async () => {
    const res = await call(kit.app, 'GET', '/api/definitions/nope/versions/1', {
      cookie: kit.cookies.resident,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
