import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from './client-error';

// A probe found requests that Node's parser refuses answered with an empty 400 or 431: no
// problem+json, no request id, nothing in the log to find them by.

let server: Server;
let port: number;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  const app = new Hono().get('/', (c) => c.text('ok'));
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => logged.push(JSON.parse(line)) },
  );
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve()) as Server;
  });
  answerClientErrors(server, logger);
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and reads the whole answer. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe('requests the HTTP parser refuses', () => {
  it('headers over the limit: 431 problem+json with a request id that is in the log', async () => {
    const answer = parse(
      await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 431, code: 'header_too_large' });
    const id = answer.body.instance as string;
    expect(answer.headers['x-request-id']).toBe(id);
    expect(logged.some((l) => l.requestId === id && l.code === 'HPE_HEADER_OVERFLOW')).toBe(true);
  });

  it('a control byte in a header: 400 problem+json', async () => {
    const answer = parse(
      await raw(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0001b\r\n\r\n', 'latin1')),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, code: 'malformed_request' });
    expect(logged.some((l) => l.requestId === answer.body.instance)).toBe(true);
  });

  it('a well-formed request is the app’s, as before', async () => {
    const answer = await raw('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 200')).toBe(true);
  });
});
