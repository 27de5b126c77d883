import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database';
import { call, createTestApp, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { isDatabaseUnavailable } from './db-unavailable';
import { parseExposition } from './metrics.parse';

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
    expect(text).toMatch(/initiatief_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\}/);
    expect(text).toContain('initiatief_database_up 1');
    expect(text).toContain('initiatief_outbox_messages{kind="mail",status="pending"} 0');
    expect(text).toContain('initiatief_timers_due 0');
  });

  it("is prom-client's exposition format: every family typed, every sample parses", async () => {
    const res = await call(app, 'GET', '/metrics');
    const families = parseExposition(await res.text());
    // The workers' families are registered in every process, so a scrape always names them.
    const expected: Record<string, string> = {
      initiatief_timers_processed_total: 'counter',
      initiatief_timer_lateness_seconds: 'histogram',
      initiatief_outbox_jobs_total: 'counter',
      initiatief_retention_drafts_total: 'counter',
      initiatief_worker_items_total: 'counter',
      initiatief_worker_lease_takeovers_total: 'counter',
      initiatief_worker_wakeups_total: 'counter',
      initiatief_http_requests_total: 'counter',
      initiatief_database_up: 'gauge',
    };
    for (const [name, type] of Object.entries(expected)) {
      expect(families.get(name)?.type, name).toBe(type);
    }
    const up = families.get('initiatief_database_up')?.samples ?? [];
    expect(up).toEqual([{ name: 'initiatief_database_up', labels: {}, value: 1 }]);
    const requests = families.get('initiatief_http_requests_total')?.samples ?? [];
    expect(requests.some((s) => s.labels.route === '/api/applications/:id')).toBe(true);
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
