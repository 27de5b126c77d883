/**
 * A registration whose owner never follows the confirmation link is not kept for ever: the
 * retention pass deletes it, with its link and the mail sent to it, after the configured days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { call, createTestApp, type TestApp, testClock } from '../test/test-app';
import { runRetention } from './retention.job';

const DAY = 86_400_000;
const OPTIONS = { draftDays: 180, warningDays: 14, unconfirmedDays: 30 };
const PASSWORD = 'Kralingse-plas-buurtpicknick';

let kit: Kit;
let app: TestApp;
const clock = testClock();
let address = 0;

beforeAll(async () => {
  kit = await setupKit();
  app = createTestApp({ db: kit.t.db, clock, config: { trustProxy: true } });
});
afterAll(() => kit.close());

const register = async (email: string) => {
  const res = await call(app, 'POST', '/api/auth/register', {
    json: { email, password: PASSWORD, name: 'Ayşe Yıldız-Çelik' },
    headers: { 'x-forwarded-for': `198.51.100.${++address}` },
  });
  expect(res.status).toBe(202);
};
const account = (email: string) =>
  kit.t.db.selectFrom('users').select(['id']).where('email', '=', email).executeTakeFirst();
const mailsTo = (email: string) =>
  kit.t.db.selectFrom('outbox').select('id').where('recipient_email', '=', email).execute();

describe('registrations never confirmed', () => {
  it('are deleted after the configured days, with their link and mail; younger ones stay', async () => {
    const stale = 'nooit-bevestigd@example.org';
    const young = 'net-geregistreerd@example.org';
    await register(stale);
    clock.advance(20 * DAY);
    await register(young);
    const staleId = (await account(stale))!.id;
    expect(await mailsTo(stale)).toHaveLength(1);
    // The outbox sends the confirmation mail; only a sent (or failed) mail is removed.
    await kit.t.db
      .updateTable('outbox')
      .set({ status: 'done', done_at: clock() })
      .where('recipient_email', 'in', [stale, young])
      .execute();

    clock.advance(9 * DAY); // day 29 for the first: not yet
    const deps = { db: kit.t.db, clock };
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ accountsDeleted: 0 });
    clock.advance(2 * DAY); // day 31
    expect(await runRetention(deps, OPTIONS)).toMatchObject({ accountsDeleted: 1 });

    expect(await account(stale)).toBeUndefined();
    expect(await mailsTo(stale)).toEqual([]);
    const links = await kit.t.db
      .selectFrom('account_tokens')
      .select('id')
      .where('user_id', '=', staleId)
      .execute();
    expect(links).toEqual([]);
    expect(await account(young)).toBeDefined();
    expect(await mailsTo(young)).toHaveLength(1);
    // The kit's confirmed residents and staff are untouched.
    expect(await account(kit.users.resident.email!)).toBeDefined();

    // The address is free again: registering once more starts a new confirmation.
    await register(stale);
    expect(await account(stale)).toBeDefined();
  });

  it('are kept when switched off (0 days)', async () => {
    await register('blijft-staan@example.org');
    clock.advance(400 * DAY);
    const result = await runRetention({ db: kit.t.db, clock }, { ...OPTIONS, unconfirmedDays: 0 });
    expect(result.accountsDeleted).toBe(0);
    expect(await account('blijft-staan@example.org')).toBeDefined();
  });
});
