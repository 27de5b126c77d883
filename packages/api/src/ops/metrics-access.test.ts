/** Issue 19, finding 9: /metrics behind a token; HSTS only with an https PUBLIC_URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /metrics', () => {
  it('with METRICS_TOKEN: 401 without or with a wrong token, 200 with it', async () => {
    const app = createTestApp({ db: t.db, config: { metricsToken: TOKEN } });
    expect((await call(app, 'GET', '/metrics')).status).toBe(401);
    const wrong = await call(app, 'GET', '/metrics', {
      headers: { authorization: 'Bearer metrics-token-0123456789abcdeX' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const right = await call(app, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.status).toBe(200);
  });

  it('in production without a token it is not served', async () => {
    const app = createTestApp({ db: t.db, config: { nodeEnv: 'production' } });
    expect((await call(app, 'GET', '/metrics')).status).toBe(404);
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent when PUBLIC_URL is plain http', async () => {
    const app = createTestApp({ db: t.db, config: { publicUrl: 'http://localhost:3000' } });
    const res = await call(app, 'GET', '/healthz');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('is sent when PUBLIC_URL is https', async () => {
    const app = createTestApp({ db: t.db, config: { publicUrl: 'https://initiatief.example' } });
    const res = await app.request('/healthz');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
