/**
 * Issue 19: the amount above which settlement takes a second person is part of the regulation a
 * policy officer sets, and (since raising or clearing it weakens that check) a change of it
 * takes a second policy officer, like the ceiling and the maximum.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
let second = '';

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'], name: 'Tweede Beleid' });
  second = await loginAs(kit.app, user.email!);
});
afterAll(() => kit.close());

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Json = Record<string, any>;
const as = (cookie: string, method: string, path: string, json?: unknown) =>
  call(kit.app, method, path, { cookie, json });

async function ok(res: Response, status = 200): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}

describe('settlement four-eyes amount of a regulation', () => {
  test('is shown, set on a new regulation, and may be null (never)', async () => {
    const list = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/regulations'));
    const current = list.items.find((r: Json) => r.id === kit.regulationId);
    expect(current).toHaveProperty('settlementFourEyesAboveCents');

    const created = await ok(
      await as(kit.cookies.policy, 'POST', '/api/policy/regulations', {
        code: 'VIER-OGEN-2027',
        title: 'Vier ogen',
        district: 'Noord',
        year: 2027,
        ceilingCents: 1_000_000,
        maxAmountCents: 500_000,
        settlementFourEyesAboveCents: 123_400,
        opensOn: '2027-01-01',
        closesOn: '2027-12-31',
        workflowKey: current.workflow.key,
        workflowVersion: current.workflow.version,
        comment: 'Een regeling met een eigen bedrag voor vier ogen.',
      }),
      201,
    );
    expect(created.settlementFourEyesAboveCents).toBe(123_400);
    // Open once a second officer approves it; then its changes are the four-eyes ones below.
    await ok(
      await as(second, 'POST', `/api/policy/proposals/${created.proposal.id}/approve`, {
        comment: 'Akkoord.',
      }),
    );

    const negative = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${created.id}`,
      {
        settlementFourEyesAboveCents: -1,
      },
    );
    expect(negative.status).toBe(422);
    expect((await readJson(negative)).invalidParams[0].name).toBe('settlementFourEyesAboveCents');
  });

  test('a change is proposed by one policy officer and takes effect when a second approves', async () => {
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        settlementFourEyesAboveCents: 77_700,
        comment: 'Vanaf 777 euro een tweede persoon.',
      }),
      202,
    );
    expect(proposal.changes).toMatchObject({ settlementFourEyesAboveCents: 77_700 });
    expect(proposal.regulation.current).toHaveProperty('settlementFourEyesAboveCents');
    const before = await kit.t.db
      .selectFrom('regulations')
      .select('settlement_four_eyes_above_cents')
      .where('id', '=', kit.regulationId)
      .executeTakeFirstOrThrow();
    expect(before.settlement_four_eyes_above_cents).not.toBe(77_700);

    await ok(
      await as(second, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {
        comment: 'Akkoord.',
      }),
    );
    const after = await kit.t.db
      .selectFrom('regulations')
      .select('settlement_four_eyes_above_cents')
      .where('id', '=', kit.regulationId)
      .executeTakeFirstOrThrow();
    expect(after.settlement_four_eyes_above_cents).toBe(77_700);
    const list = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/regulations'));
    expect(
      list.items.find((r: Json) => r.id === kit.regulationId).settlementFourEyesAboveCents,
    ).toBe(77_700);
  });
});
