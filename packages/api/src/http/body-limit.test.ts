import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { declaredBodyLimit } from './body-limit.middleware';

// Over a real node:http server: the declared length and the chunked body take different paths.
const LIMIT = 1000;
let server: ReturnType<typeof serve>;
let port = 0;

beforeAll(async () => {
  const app = new Hono();
  app.use(
    '*',
    declaredBodyLimit(LIMIT, (c) => c.json({ refused: true }, 413)),
  );
  app.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/echo',
        method: 'POST',
        headers: chunked
          ? { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }
          : { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (chunked) {
      // Two chunks, so the counting path has to add them up.
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      req.end(body.slice(half));
    } else {
      req.end(body);
    }
  });
}

describe('the body limit', () => {
  test('passes a body within the declared limit, which the handler still reads whole', async () => {
    expect(await post('a'.repeat(LIMIT), false)).toEqual({ status: 200, text: '{"length":1000}' });
  });

  test('refuses a declared length over the limit', async () => {
    expect((await post('a'.repeat(LIMIT + 1), false)).status).toBe(413);
  });

  test('counts a chunked body without a length: within passes, over is refused', async () => {
    expect(await post('b'.repeat(LIMIT), true)).toEqual({ status: 200, text: '{"length":1000}' });
    expect((await post('b'.repeat(LIMIT + 1), true)).status).toBe(413);
  });
});
