/**
 * Races. On PostgreSQL (TEST_DATABASE_URL) the requests run on a pool of 20 connections, so the
 * transactions truly overlap and the row locks and the budgets CHECK do the work. PGlite has a
 * single connection: the same requests are serialised there, which still checks the outcome
 * (exactly one winner, never over the ceiling) but not the locking itself.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgres } from '../db/database';
import { call, createTestApp, type TestApp } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
/** An app on a wider pool (PostgreSQL) so that requests overlap in the database. */
let wide: TestApp;
let closeWide: () => Promise<void> = async () => {};

beforeAll(async () => {
  kit = await setupKit();
  if (kit.t.kind === 'postgres' && kit.t.url) {
    const database = openPostgres(kit.t.url, 20);
    wide = createTestApp({ db: database.db, clock: kit.clock });
    closeWide = () => database.close();
  } else {
    wide = kit.app;
  }
});
afterAll(async () => {
  await closeWide();
  await kit.close();
});

function post(app: TestApp, cookie: string, id: string, json: unknown, headers = {}) {
  return call(app, 'POST', `/api/applications/${id}/events`, { cookie, json, headers });
}

describe('races', () => {
  test('50 parallel identical events with the same If-Match: exactly one succeeds', async () => {
    const app = await applicationIn(kit, 'submitted');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(
          wide,
          kit.cookies.assessor,
          app.id,
          { type: 'ASSESS', payload: ASSESS_GRANT },
          {
            'If-Match': `"${app.version}"`,
          },
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The losers see a stale version (or, having lost before the lock, the state has moved on).
    expect(statuses.filter((s) => s !== 200).every((s) => s === 412)).toBe(true);
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('event')
      .where('application_id', '=', app.id)
      .where('event', '=', 'ASSESS')
      .execute();
    expect(history).toHaveLength(1);
  });

  test('200 concurrent grants against a small ceiling: never over it, exactly as many as fit', async () => {
    const amount = 10_000;
    const fit = 25;
    const regulationId = await createRegulation(kit.t, kit.workflow, {
      ceilingCents: amount * fit,
    });
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const draft = await createDraft(kit, 'resident', {
        regulationId,
        data: demoFormData(kit.clock(), { amountsCents: [amount] }),
      });
      await step(kit, 'resident', draft.id, 'SUBMIT');
      await step(kit, 'assessor', draft.id, 'ASSESS', ASSESS_GRANT);
      ids.push(draft.id);
    }
    const results = await Promise.all(
      ids.map((id) => post(wide, kit.cookies.approver, id, { type: 'GRANT', payload: {} })),
    );
    const ok = results.filter((r) => r.status === 200).length;
    const refused = await Promise.all(
      results
        .filter((r) => r.status !== 200)
        .map(async (r) => {
          const body = await readJson(r);
          return [r.status, body.code, body.invalidParams?.[0]?.reason];
        }),
    );
    expect(ok).toBe(fit);
    expect(refused.every(([s, c]) => s === 409 && c === 'budget_exceeded')).toBe(true);
    // Whether the guard or the locked budget row refused: the same words, with both amounts.
    for (const [, , reason] of refused) {
      expect(reason).toBe(
        'Het bedrag (€ 100,00) is hoger dan wat er van het budget van de regeling nog over is (€ 0,00).',
      );
    }
    const budget = await kit.t.db
      .selectFrom('budgets')
      .selectAll()
      .where('regulation_id', '=', regulationId)
      .executeTakeFirstOrThrow();
    expect(budget.reserved_cents + budget.committed_cents).toBe(amount * fit);
    expect(budget.reserved_cents).toBeLessThanOrEqual(budget.ceiling_cents);
    const granted = await kit.t.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('regulation_id', '=', regulationId)
      .where('state', '=', 'granted')
      .executeTakeFirstOrThrow();
    expect(Number(granted.n)).toBe(fit);
  }, 180_000);

  test('idempotent retries in parallel never transition twice', async () => {
    const draft = await createDraft(kit);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(wide, kit.cookies.resident, draft.id, { type: 'SUBMIT' }, { 'Idempotency-Key': key }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(results.map((r) => readJson(r)));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('event')
      .where('application_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(history.map((h) => h.event)).toEqual(['CREATE', 'SUBMIT']);
  });

  test('parallel creates get distinct references', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        call(wide, 'POST', '/api/applications', {
          cookie: kit.cookies.resident,
          json: { regulationId: kit.regulationId },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const refs = await Promise.all(results.map(async (r) => (await readJson(r)).reference));
    expect(new Set(refs).size).toBe(30);
    for (const ref of refs) expect(ref).toMatch(/^BI-2026-\d{6}$/);
  });

  test('parallel claims: one assessor wins', async () => {
    const app = await applicationIn(kit, 'submitted');
    const [a, b] = await Promise.all([
      call(wide, 'POST', `/api/applications/${app.id}/claim`, { cookie: kit.cookies.assessor }),
      call(wide, 'POST', `/api/applications/${app.id}/claim`, { cookie: kit.cookies.assessor2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  test('a restart between commit and outbox delivery loses nothing: rows stay pending', async () => {
    const draft = await createDraft(kit);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(res.status).toBe(200);
    // The process "dies" here: nothing delivered the outbox. A new connection (a restarted
    // process) finds every message of the acknowledged step, still pending.
    let db = kit.t.db;
    let close = async () => {};
    if (kit.t.kind === 'postgres' && kit.t.url) {
      const reopened = openPostgres(kit.t.url, 1);
      db = reopened.db;
      close = () => reopened.close();
    }
    try {
      const rows = await db
        .selectFrom('outbox')
        .select(['status', 'kind'])
        .where('application_id', '=', draft.id)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      const app = await db
        .selectFrom('applications')
        .select(['state', 'version'])
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      expect(app).toEqual({ state: 'submitted', version: 2 });
    } finally {
      await close();
    }
  });
});
