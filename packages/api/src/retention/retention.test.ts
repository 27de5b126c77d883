import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationIn, createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import type { MailTransport } from '../messaging/mail.transport';
import { startOutboxWorker } from '../messaging/outbox.worker';
import { call, TEST_START } from '../test/test-app';
import { RETENTION_WARNING_TEMPLATE, runRetention } from './retention.job';

const DAY = 86_400_000;
const OPTIONS = { draftDays: 180, warningDays: 14 };
const TEAM = {
  senderDepartment: 'Team Bewonersinitiatieven',
  senderOrganisation: 'Gemeente Rotterdam',
};

describe('data retention of drafts', () => {
  let kit: Kit;
  const sent: { to: unknown; subject: unknown; messageId: unknown; from: unknown }[] = [];
  const transport: MailTransport = {
    kind: 'smtp',
    async send(message) {
      sent.push({
        to: message.to,
        subject: message.subject,
        messageId: message.messageId,
        from: message.from,
      });
    },
    close() {},
  };
  const deliver = async () => {
    const worker = startOutboxWorker(kit.app.deps, { transport, loop: false });
    await worker.drain();
    await worker.stop();
  };
  const exists = async (id: string) =>
    (await kit.t.db.selectFrom('applications').select('id').where('id', '=', id).execute())
      .length === 1;

  beforeAll(async () => {
    kit = await setupKit();
  });
  afterAll(() => kit.close());

  it('warns once, deletes after the warning period, and leaves everything else alone', async () => {
    const old = await createDraft(kit);
    const touched = await createDraft(kit);
    const submitted = await applicationIn(kit, 'submitted');
    const deps = kit.app.deps;

    await kit.advance(100 * DAY);
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ warned: 0, deleted: 0 });

    await kit.advance(70 * DAY); // day 170: inside the warning window
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ warned: 2, deleted: 0 });
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ warned: 0, deleted: 0 });
    // Each warning kept its sender when it was written: the team of the draft's version.
    const written = await kit.t.db
      .selectFrom('outbox')
      .select('variables')
      .where('template_key', '=', RETENTION_WARNING_TEMPLATE)
      .execute();
    expect(written.map((w) => w.variables)).toEqual([
      expect.objectContaining(TEAM),
      expect.objectContaining(TEAM),
    ]);
    await deliver();
    const warningsSent = sent.filter((m) => /wordt op .* verwijderd/.test(String(m.subject)));
    expect(warningsSent).toHaveLength(2);
    for (const warning of warningsSent) {
      expect(warning.from).toMatchObject({ name: 'Team Bewonersinitiatieven, Gemeente Rotterdam' });
    }

    // The resident opens and changes one draft: its clock starts again.
    await kit.advance(0);
    const patched = await call(kit.app, 'PATCH', `/api/applications/${touched.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'Nog steeds van plan' } },
      headers: { 'If-Match': `"${touched.version}"` },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);

    await kit.advance(11 * DAY); // day 181: untouched long enough, but the warning is only 11 days old
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ warned: 0, deleted: 0 });

    await kit.advance(4 * DAY); // day 185: warned 15 days ago
    const result = await runRetention(deps, OPTIONS);
    expect(result).toMatchObject({ warned: 0, deleted: 1 });
    expect(result.deletedReferences).toEqual([old.reference]);
    expect(await exists(old.id)).toBe(false);
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('id')
      .where('application_id', '=', old.id)
      .execute();
    expect(history).toHaveLength(0);
    expect(await exists(touched.id)).toBe(true);
    expect(await exists(submitted.id)).toBe(true);

    // The touched draft gets a new warning in its own time, and is deleted after it.
    await kit.advance(166 * DAY);
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ warned: 1, deleted: 0 });
    await deliver();
    await kit.advance(15 * DAY);
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ deleted: 1 });
    expect(await exists(touched.id)).toBe(false);
    expect(await exists(submitted.id)).toBe(true);
    const warnings = await kit.t.db
      .selectFrom('outbox')
      .select('id')
      .where('template_key', '=', RETENTION_WARNING_TEMPLATE)
      .execute();
    expect(warnings).toHaveLength(0); // deleted with their drafts: they held personal data
  });

  it('does not delete a draft whose warning was never delivered', async () => {
    kit.clock.set(TEST_START);
    await kit.advance(0);
    const draft = await createDraft(kit);
    await kit.advance(170 * DAY);
    expect(await runRetention(kit.app.deps, OPTIONS)).toMatchObject({ warned: 1 });
    await kit.advance(30 * DAY);
    expect(await runRetention(kit.app.deps, OPTIONS)).toMatchObject({ deleted: 0 });
    expect(await exists(draft.id)).toBe(true);
    await deliver();
  });

  it('keeps history immutable outside the retention job', async () => {
    kit.clock.set(TEST_START);
    await kit.advance(0);
    const submitted = await applicationIn(kit, 'submitted');
    await expect(
      sql`delete from application_history where application_id = ${submitted.id}`.execute(kit.t.db),
    ).rejects.toThrow(/immutable/);
    const draft = await createDraft(kit);
    await expect(
      sql`delete from application_history where application_id = ${draft.id}`.execute(kit.t.db),
    ).rejects.toThrow(/immutable/);
  });

  it('is off with draftDays 0', async () => {
    expect(await runRetention(kit.app.deps, { draftDays: 0, warningDays: 14 })).toEqual({
      warned: 0,
      deleted: 0,
      deletedReferences: [],
      accountsDeleted: 0,
    });
  });
});
