import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database';
import { call, createTestApp, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { isDatabaseUnavailable } from './db-unavailable';
import { Registry } from './metrics';

describe('metrics registry', () => {
  it('writes counters, gauges and histograms in the Prometheus text format', async () => {
    const r = new Registry();
    r.counter('a_total', 'A.').inc({ route: '/x', status: '200' }, 2);
    r.gauge('b', 'B.').set({}, 3);
    const h = r.histogram('c_seconds', 'C.', [0.1, 1]);
    h.observe({ m: 'GET' }, 0.05);
    h.observe({ m: 'GET' }, 0.5);
    h.observe({ m: 'GET' }, 5);
    r.counter('d_total', 'D.').inc({ q: 'a"b\\c\nd' });
    const text = await r.expose();
    expect(text).toContain('# TYPE a_total counter\na_total{route="/x",status="200"} 2\n');
    expect(text).toContain('# TYPE b gauge\nb 3\n');
    expect(text).toContain('c_seconds_bucket{m="GET",le="0.1"} 1');
    expect(text).toContain('c_seconds_bucket{m="GET",le="1"} 2');
    expect(text).toContain('c_seconds_bucket{m="GET",le="+Inf"} 3');
    expect(text).toContain('c_seconds_sum{m="GET"} 5.55');
    expect(text).toContain('c_seconds_count{m="GET"} 3');
    expect(text).toContain('d_total{q="a\\"b\\\\c\\nd"} 1');
  });
});

describe('GET /metrics', () => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await createTestDatabase();
    app = createTestApp({ db: t.db });
  });
  afterAll(() => t.close());

  it('counts requests by route pattern and status, with database gauges', async () => {
    await call(app, 'GET', '/api/applications/00000000-0000-4000-8000-000000000000');
    await call(app, 'GET', '/api/nothing-here');
    const res = await call(app, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(
      /initiatief_http_requests_total\{method="GET",route="\/api\/applications\/:id",status="401"\} \d+/,
    );
    expect(text).toMatch(/initiatief_http_requests_total\{[^}]*route="unmatched",status="404"\}/);
    expect(text).toMatch(/initiatief_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"\}/);
    expect(text).toContain('initiatief_database_up 1');
    expect(text).toContain('initiatief_outbox_messages{kind="mail",status="pending"} 0');
    expect(text).toContain('initiatief_timers_due 0');
  });
});

describe('database outage', () => {
  it('classifies connection errors, not query errors', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new AggregateError([], 'x', { cause: { code: 'ECONNREFUSED' } })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('answers 503 problem+json when PostgreSQL cannot be reached', async () => {
    // Port 1 on loopback: nothing listens, the pool's connect is refused at once.
    const down = openPostgres('postgres://postgres@127.0.0.1:1/none', 1);
    try {
      const app = createTestApp({ db: down.db });
      const res = await call(app, 'GET', '/api/me', { cookie: 'sid=whatever' });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('5');
      const body = await res.json();
      expect(body).toMatchObject({ code: 'unavailable', status: 503 });
      const metrics = await (await call(app, 'GET', '/metrics')).text();
      expect(metrics).toContain('initiatief_database_up 0');
    } finally {
      await down.close();
    }
  });
});
