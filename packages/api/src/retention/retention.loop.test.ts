/**
 * The retention job on the shared claim loop: one run per interval for the installation, retried
 * with growing backoff when it fails, and taken over when the worker running it dies.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { silentLogger } from '../logging/logger';
import { parseExposition } from '../ops/metrics.parse';
import { call } from '../test/test-app';
import { startClaimLoop } from '../workers/claim-loop';
import { claimScheduledJob } from '../workers/scheduled-jobs.repository';
import { RETENTION_WARNING_TEMPLATE } from './retention.job';
import { RETENTION_JOB, retentionSource } from './retention.worker';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

function retentionLoop() {
  const deps = { ...kit.app.deps, clock: kit.clock, logger: silentLogger() };
  return startClaimLoop(retentionSource(deps, HOUR), {
    logger: silentLogger(),
    clock: kit.clock,
    loop: false,
    batchSize: 1,
    leaseMs: 15 * 60_000,
    backoffBaseMs: 60_000,
    backoffMaxMs: HOUR,
    random: () => 0.5,
  });
}

async function job() {
  return kit.t.db
    .selectFrom('scheduled_jobs')
    .selectAll()
    .where('name', '=', RETENTION_JOB)
    .executeTakeFirstOrThrow();
}

async function warningsFor(applicationId: string) {
  return kit.t.db
    .selectFrom('outbox')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('template_key', '=', RETENTION_WARNING_TEMPLATE)
    .execute();
}

/** The job's row as the migration left it, but due at the test clock's instant. */
async function dueNow() {
  await kit.t.db
    .updateTable('scheduled_jobs')
    .set({ next_attempt_at: kit.clock(), claimed_by: null, lease_until: null, attempts: 0 })
    .where('name', '=', RETENTION_JOB)
    .execute();
}

describe('retention on the claim loop', () => {
  test('a failing run is retried with a backoff that doubles; once it succeeds the next run is an interval later', async () => {
    const draft = await createDraft(kit);
    await kit.advance(170 * DAY); // inside the warning window of the default 180/14 days
    await dueNow();
    // A real failure in the run's transaction: the warning mail cannot be queued.
    await sql`
      create or replace function refuse_warning_for_test() returns trigger language plpgsql as $$
      begin
        if new.template_key = 'retention_warning' then
          raise exception 'outbox refused for this test';
        end if;
        return new;
      end $$`.execute(kit.t.db);
    await sql`
      create trigger refuse_warning_for_test before insert on outbox
      for each row execute function refuse_warning_for_test()`.execute(kit.t.db);

    const loop = retentionLoop();
    const delays: number[] = [];
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const triedAt = kit.clock().getTime();
        expect(await loop.drain()).toBe(1);
        const row = await job();
        expect(row).toMatchObject({ attempts: attempt, claimed_by: null });
        expect(row.last_error).toContain('outbox refused');
        const next = new Date(row.next_attempt_at).getTime();
        delays.push(next - triedAt);
        kit.clock.set(new Date(next - 1));
        expect(await loop.drain()).toBe(0); // not before its backoff
        kit.clock.set(new Date(next));
      }
      // [d/2, d] with the jitter pinned at 0.5: 3/4 of 1, 2 and 4 minutes.
      expect(delays).toEqual([45_000, 90_000, 180_000]);
      expect(await warningsFor(draft.id)).toHaveLength(0);

      await sql`drop trigger refuse_warning_for_test on outbox`.execute(kit.t.db);
      const ranAt = kit.clock().getTime();
      expect(await loop.drain()).toBe(1);
      const row = await job();
      expect(row).toMatchObject({ attempts: 0, claimed_by: null, last_error: null });
      expect(new Date(row.next_attempt_at).getTime()).toBe(ranAt + HOUR);
      expect(await warningsFor(draft.id)).toHaveLength(1);
      expect(await loop.drain()).toBe(0); // one run per interval, however often it looks
    } finally {
      await loop.stop();
    }

    // The scrape names the loop's work: prom-client's format, read back family by family.
    const res = await call(kit.app, 'GET', '/metrics');
    const families = parseExposition(await res.text());
    const items = families.get('initiatief_worker_items_total');
    expect(items?.type).toBe('counter');
    const count = (result: string) =>
      items?.samples.find((s) => s.labels.worker === 'retention' && s.labels.result === result)
        ?.value;
    expect(count('retry')).toBe(3);
    expect(count('done')).toBe(1);
    const retained = families.get('initiatief_retention_drafts_total')?.samples ?? [];
    expect(retained.find((s) => s.labels.action === 'warned')?.value).toBeGreaterThanOrEqual(1);
  });

  test('a worker that dies during a run: its lease runs out and another worker runs it once', async () => {
    const draft = await createDraft(kit);
    await kit.advance(170 * DAY);
    await dueNow();
    const now = kit.clock();
    const claimed = await claimScheduledJob(kit.t.db, RETENTION_JOB, {
      now,
      workerId: 'dead',
      leaseUntil: new Date(now.getTime() + 15 * 60_000),
    });
    expect(claimed).toHaveLength(1);

    const loop = retentionLoop();
    try {
      expect(await loop.drain()).toBe(0); // the lease holds
      expect(await warningsFor(draft.id)).toHaveLength(0);
      kit.clock.advance(15 * 60_000);
      expect(await loop.drain()).toBe(1);
      expect(await loop.drain()).toBe(0);
    } finally {
      await loop.stop();
    }
    expect(await warningsFor(draft.id)).toHaveLength(1);
    const row = await job();
    expect(row).toMatchObject({ claimed_by: null, attempts: 0 });
    // The dead worker, back too late, cannot record its run over the new schedule.
    const source = retentionSource({ ...kit.app.deps, clock: kit.clock }, HOUR);
    expect(await source.process(claimed[0]!, { workerId: 'dead', until: () => now })).toBe('gone');
    expect(await warningsFor(draft.id)).toHaveLength(1);
  });
});
