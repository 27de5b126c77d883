import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, createUser, loginAs, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

// A web build as Vite leaves it: hashed files under assets/ with precompressed copies.
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let t: TestDatabase;
let app: TestApp;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'initiatief-static-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="nl"><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(dist, 'assets/index-AbC123.js'), script);
  writeFileSync(join(dist, 'assets/index-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets/index-AbC123.js.gz'), gzipSync(script));
  t = await createTestDatabase();
  app = createTestApp({ db: t.db, config: { webDist: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web build', () => {
  test('hashed assets go out precompressed and cached for a year', async () => {
    const res = await app.request('/assets/index-AbC123.js', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  test('gzip for a client without brotli, plain for one without either', async () => {
    const gz = await app.request('/assets/index-AbC123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/assets/index-AbC123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  test('the page itself and client routes are revalidated on every visit, never shared', async () => {
    for (const path of ['/', '/aanvragen/123']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-cache');
      expect(res.headers.get('vary'), path).toContain('Cookie');
      expect(await res.text(), path).toContain('<html lang="nl">');
    }
  });

  test('the page carries the session, so the first render knows who is logged in', async () => {
    const sessionJson = (html: string) =>
      JSON.parse(
        /<script type="application\/json" id="app-session">(.*?)<\/script>/.exec(html)![1]!,
      );
    const visitor = await (await app.request('/aanvragen')).text();
    expect(sessionJson(visitor)).toEqual({ user: null, actingFor: null });

    // A name that tries to close the element stays inside it, as JSON.
    const name = 'Ayşe Yıldız-Çelik </script><script>alert(1)</script>';
    const user = await createUser(t.db, { name });
    const cookie = await loginAs(app, user.email!);
    const page = await (await app.request('/aanvragen', { headers: { Cookie: cookie } })).text();
    expect(page).not.toContain('</script><script>');
    const session = sessionJson(page);
    expect(session.user).toMatchObject({ id: user.id, name, roles: ['applicant'] });
    // The same as the API answers.
    const api = await (await app.request('/api/session', { headers: { Cookie: cookie } })).json();
    expect(session).toEqual(api);

    const stale = await (
      await app.request('/', { headers: { Cookie: 'sid=not-a-session' } })
    ).text();
    expect(sessionJson(stale)).toEqual({ user: null, actingFor: null });
  });
});
