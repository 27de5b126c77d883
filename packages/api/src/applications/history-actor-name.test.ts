/**
 * The history keeps the actor's name as it was at the step (migration 0011), found by the users
 * table's key: the first version compared `id::text`, which read every user on every command.
 * A command through the API knows the name from its session and writes it itself, so the
 * trigger's lookup is only the fallback for writers that do not.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { SYSTEM_ACTOR } from './applications.access';
import { EDIT_EVENT } from './applications.edit';
import { insertHistory } from './applications.repository';
import { createDraft, type Kit, setupKit, step } from './lifecycle.test-kit';

let kit: Kit;
let applicationId: string;
beforeAll(async () => {
  kit = await setupKit();
  applicationId = (await createDraft(kit)).id;
});
afterAll(() => kit.close());

describe('the history row’s actor name', () => {
  test('comes from the user’s row by its key, without reading the whole users table', async () => {
    const { names, userScans } = await kit.t.db.transaction().execute(async (trx) => {
      // With sequential scans priced out, only a lookup no index can answer still scans.
      await sql`set local enable_seqscan = off`.execute(trx);
      // This backend's counts not yet reported (PostgreSQL 15 reports them at most once a
      // second, so they may include earlier transactions): compared before and after.
      const userSeqScans = async () => {
        const { rows } = await sql<{ seq_scan: number }>`
          select seq_scan from pg_stat_xact_user_tables where relname = 'users'`.execute(trx);
        return Number(rows[0]?.seq_scan ?? 0);
      };
      const scansBefore = await userSeqScans();
      const resident = kit.users.resident;
      const base = {
        applicationId,
        event: 'NOTE',
        fromState: 'draft',
        toState: 'draft',
        onBehalfOf: null,
        payload: {},
        at: new Date(),
      };
      const byResident = await insertHistory(trx, {
        ...base,
        actorId: resident.id,
        actorRoles: ['applicant'],
      });
      const bySystem = await insertHistory(trx, {
        ...base,
        actorId: SYSTEM_ACTOR.id,
        actorRoles: SYSTEM_ACTOR.roles,
      });
      const names = await trx
        .selectFrom('application_history')
        .select(['id', 'actor_name'])
        .where('id', 'in', [byResident.id, bySystem.id])
        .execute();
      const userScans = (await userSeqScans()) - scansBefore;
      return {
        names: Object.fromEntries(
          names.map((n) => [n.id === byResident.id ? 'resident' : 'system', n.actor_name]),
        ),
        userScans,
      };
    });
    expect(names).toEqual({ resident: kit.users.resident.name, system: null });
    expect(userScans).toBe(0);
  });
});

describe('a command through the API', () => {
  test('writes the session’s name itself: the history is complete with the lookup switched off', async () => {
    await sql`alter table application_history disable trigger application_history_actor_name`.execute(
      kit.t.db,
    );
    try {
      const draft = await createDraft(kit);
      await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
        cookie: kit.cookies.resident,
        headers: { 'If-Match': `"${draft.version}"` },
        json: { data: { location: 'Buurthuis De Horizon' } },
      }).then((res) => expect(res.status, 'edit').toBe(200));
      await step(kit, 'resident', draft.id, 'SUBMIT');
      const rows = await kit.t.db
        .selectFrom('application_history')
        .select(['event', 'actor_name'])
        .where('application_id', '=', draft.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.event)).toEqual(['CREATE', EDIT_EVENT, 'SUBMIT']);
      for (const row of rows) expect(row.actor_name, row.event).toBe(kit.users.resident.name);
    } finally {
      await sql`alter table application_history enable trigger application_history_actor_name`.execute(
        kit.t.db,
      );
    }
  });
});
