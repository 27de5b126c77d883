import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

// A web build as Vite leaves it: hashed files under assets/ with precompressed copies.
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let t: TestDatabase;
let app: TestApp;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'initiatief-static-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="nl"><title>t</title></html>');
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

  test('the page itself and client routes are revalidated on every visit', async () => {
    for (const path of ['/', '/aanvragen/123']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<html lang="nl">');
    }
  });
});
