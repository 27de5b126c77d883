/**
 * "By deadline" sorts by the next deadline as each application's page shows it (migration 0041),
 * not by the decision term alone: a granted application's next deadline is the end of its
 * objection period, then its report. Time alone moves it from one to the next; the deadlines job
 * works it out again from the day the earlier passed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { silentLogger } from '../logging/logger';
import { REPO_ROOT } from '../paths';
import { call } from '../test/test-app';
import { DEADLINES_JOB, startDeadlinesWorker } from './deadlines.worker';

const DAY = 86_400_000;

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const stored = (id: string) =>
  kit.t.db
    .selectFrom('applications')
    .select([
      sql<string | null>`next_deadline_on::text`.as('next'),
      sql<string | null>`deadlines_recompute_on::text`.as('recompute'),
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

type Deadline = { key: string; date: string };
const deadlinesOf = async (id: string): Promise<Deadline[]> =>
  (
    await readJson(
      await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies.assessor }),
    )
  ).deadlines;

/** The ids of the staff's list sorted by deadline, with the next deadline each row shows. */
async function byDeadline(): Promise<{ id: string; nextDeadline: Deadline | null }[]> {
  const res = await call(kit.app, 'GET', '/api/applications?sort=deadline&limit=100', {
    cookie: kit.cookies.assessor,
  });
  expect(res.status).toBe(200);
  return (await readJson(res)).items;
}

/** Runs the job once, as a worker of the installation does when its hour comes. */
async function runJob() {
  await kit.t.db
    .updateTable('scheduled_jobs')
    .set({ next_attempt_at: kit.clock(), claimed_by: null, lease_until: null, attempts: 0 })
    .where('name', '=', DEADLINES_JOB)
    .execute();
  const worker = startDeadlinesWorker(
    { db: kit.t.db, clock: kit.clock, logger: silentLogger() },
    { loop: false },
  );
  expect(await worker.drain()).toBe(1);
}

describe('the next deadline, stored', () => {
  test('a step stores it with the day it must be worked out again; the job does that', async () => {
    const granted = await applicationIn(kit, 'granted');
    const deadlines = await deadlinesOf(granted.id);
    const objectionEnd = deadlines.find((d) => d.key === 'objection')!;
    const reportDue = deadlines.find((d) => d.key === 'report')!;
    expect(objectionEnd.date < reportDue.date).toBe(true);
    const afterObjection = new Date(Date.parse(`${objectionEnd.date}T12:00:00Z`) + DAY)
      .toISOString()
      .slice(0, 10);
    expect(await stored(granted.id)).toEqual({
      next: objectionEnd.date,
      recompute: afterObjection,
    });

    // Past the objection period a new application comes in, its decision due in eight weeks:
    // sooner than the granted one's report, later than the granted one's decision term was.
    await kit.advance(Date.parse(`${afterObjection}T12:00:00Z`) - kit.clock().getTime());
    const pending = await applicationIn(kit, 'submitted');
    const pendingDue = (await deadlinesOf(pending.id)).find((d) => d.key === 'decision')!;
    expect(pendingDue.date < reportDue.date).toBe(true);

    await runJob();
    expect(await stored(granted.id)).toEqual({ next: reportDue.date, recompute: null });
    const list = await byDeadline();
    const order = list.map((i) => i.id).filter((id) => id === granted.id || id === pending.id);
    expect(order).toEqual([pending.id, granted.id]);
    // The list's order is the order of the dates it shows.
    const shown = list.map((i) => i.nextDeadline?.date ?? '9999-12-31');
    expect(shown).toEqual([...shown].sort());
  });

  test('the migration fills in what the job then works out, for rows stored before it', async () => {
    const granted = await applicationIn(kit, 'granted');
    const pending = await applicationIn(kit, 'submitted');
    const suspended = await applicationIn(kit, 'info_requested');
    const ids = [granted.id, pending.id, suspended.id];
    const before = await Promise.all(ids.map(stored));
    expect(before[2]!.recompute).not.toBeNull(); // the decision's date moves while suspended

    await kit.t.db
      .updateTable('applications')
      .set({ next_deadline_on: null, deadlines_recompute_on: null })
      .execute();
    const migration = readFileSync(join(REPO_ROOT, 'migrations', '0041_next_deadline.sql'), 'utf8');
    // Its two UPDATEs alone: the columns and the indexes exist already.
    for (const update of migration.split(';').filter((s) => s.includes('UPDATE applications'))) {
      await sql.raw(update.slice(update.indexOf('UPDATE applications'))).execute(kit.t.db);
    }
    expect((await stored(pending.id)).next).toBe(before[1]!.next);
    await runJob();
    expect(await Promise.all(ids.map(stored))).toEqual(before);
  });

  test('a draft’s is its regulation’s last day, in her list too; migration 0054 fills in older drafts', async () => {
    const draft = await createDraft(kit);
    // The kit's regulation takes applications up to and including 31 December 2026.
    expect(await stored(draft.id)).toEqual({ next: '2026-12-31', recompute: null });
    const mine = await readJson(
      await call(kit.app, 'GET', '/api/applications?limit=100', { cookie: kit.cookies.resident }),
    );
    const item = mine.items.find((i: { id: string }) => i.id === draft.id);
    expect(item.nextDeadline).toMatchObject({ key: 'submission', date: '2026-12-31' });

    await kit.t.db
      .updateTable('applications')
      .set({ next_deadline_on: null, deadlines_recompute_on: null })
      .where('id', '=', draft.id)
      .execute();
    const migration = readFileSync(
      join(REPO_ROOT, 'migrations', '0054_draft_deadlines.sql'),
      'utf8',
    );
    await sql.raw(migration).execute(kit.t.db);
    // The migration marks the rows due on PostgreSQL's today; the job runs on that day.
    const kept = kit.clock();
    kit.clock.set(new Date());
    try {
      await runJob();
    } finally {
      kit.clock.set(kept);
    }
    expect(await stored(draft.id)).toEqual({ next: '2026-12-31', recompute: null });
  });

  test('a policy officer moving the last day moves the drafts’ next date within the job’s hour', async () => {
    const regulationId = await createRegulation(kit.t, kit.workflow);
    const draft = await createDraft(kit, 'resident', { regulationId });
    expect((await stored(draft.id)).next).toBe('2026-12-31');
    const changed = await call(kit.app, 'PATCH', `/api/policy/regulations/${regulationId}`, {
      cookie: kit.cookies.policy,
      json: { closesOn: '2026-10-31', comment: 'De ronde sluit eerder.' },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    await runJob();
    expect(await stored(draft.id)).toEqual({ next: '2026-10-31', recompute: null });
  });
});
