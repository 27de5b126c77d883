/** The API over HTTP as one account, for the steps a browser test is not about. */
import { expect } from 'vitest';
import { PASSWORD, type TestServer } from './server';

// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions
export type ApiAs = (method: string, path: string, body?: unknown) => Promise<any>;

/** Logs in over HTTP and answers a caller that expects a 2xx answer (and fails the test if not). */
export async function apiAs(
  server: TestServer,
  email: string,
  password = PASSWORD,
): Promise<ApiAs> {
  const origin = server.url;
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return async (method, path, body) => {
    const r = await fetch(`${origin}${path}`, {
      method,
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(r.status, `${method} ${path}: ${await r.clone().text()}`).toBeLessThan(300);
    return r.status === 204 ? null : await r.json();
  };
}
