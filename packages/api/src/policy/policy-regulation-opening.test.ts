/**
 * Four eyes on a new regulation: one policy officer creates it with its ceiling and maximum; it
 * opens for applications only when another one approves. Until then it is not public, no
 * application starts on it, and it is not in the budgets; rejected, it stays closed, can be
 * changed and proposed again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';
import { expectOwnProposalRefused } from './proposals.test-kit';

let kit: Kit;
let second = { id: '', cookie: '' };

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'], name: 'Fatima Tweede' });
  second = { id: user.id, cookie: await loginAs(kit.app, user.email!) };
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

/** A new regulation of the kit's workflow, open on the kit's clock (2026) once approved. */
function newRegulation(code: string, extra: Json = {}): Json {
  return {
    code,
    title: `Bewonersinitiatieven ${code}`,
    district: 'Noord',
    year: 2026,
    ceilingCents: 5_000_000,
    maxAmountCents: 750_000,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: kit.workflow.key,
    workflowVersion: kit.workflow.version,
    comment: 'Het budget voor Noord dit jaar.',
    ...extra,
  };
}

async function isPublic(id: string): Promise<boolean> {
  const open = await ok(await call(kit.app, 'GET', '/api/regulations'));
  const all = await ok(await call(kit.app, 'GET', '/api/regulations?all=true'));
  const one = await call(kit.app, 'GET', `/api/regulations/${id}`);
  const inOpen = open.items.some((r: Json) => r.id === id);
  expect(all.items.some((r: Json) => r.id === id)).toBe(inOpen);
  expect(one.status).toBe(inOpen ? 200 : 404);
  return inOpen;
}

/** How the workflows page counts the kit's version: regulations open on it, and not approved. */
async function versionUse(): Promise<Json> {
  const list = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/definitions'));
  const version = list.items.find(
    (d: Json) => d.key === kit.workflow.key && d.version === kit.workflow.version,
  );
  return { regulations: version.regulations, notApproved: version.regulationsNotApproved };
}

async function policyView(id: string): Promise<Json> {
  const list = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/regulations'));
  return list.items.find((r: Json) => r.id === id);
}

/** The resident starts an application on it: the refusal, or the application. */
const startOn = (regulationId: string) =>
  as(kit.cookies.resident, 'POST', '/api/applications', {
    regulationId,
    data: demoFormData(kit.clock()),
  });

async function expectRefused(regulationId: string): Promise<void> {
  const res = await startOn(regulationId);
  expect(res.status).toBe(409);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = await readJson(res);
  expect(problem.invalidParams).toEqual([
    expect.objectContaining({
      name: 'regulationId',
      reason: 'Deze regeling is nog niet open voor aanvragen.',
    }),
  ]);
}

describe('a new regulation opens when a second policy officer approves', () => {
  let regulation: Json;
  let proposalId = '';

  test('creating one needs a comment for the second officer', async () => {
    const { comment: _, ...noComment } = newRegulation('NOORD-LEEG');
    const res = await as(kit.cookies.policy, 'POST', '/api/policy/regulations', noComment);
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams[0].name).toBe('comment');
    const row = await kit.t.db
      .selectFrom('regulations')
      .select('id')
      .where('code', '=', 'NOORD-LEEG')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  let useBefore: Json = {};

  test('created, it is closed: a proposal waits, it is not public, no application starts', async () => {
    useBefore = await versionUse();
    const created = await ok(
      await as(kit.cookies.policy, 'POST', '/api/policy/regulations', newRegulation('NOORD-2026')),
      201,
    );
    regulation = created;
    proposalId = created.proposal.id;
    expect(created).toMatchObject({
      code: 'NOORD-2026',
      approvedAt: null,
      ceilingCents: 5_000_000,
    });
    expect(created.proposal).toMatchObject({
      kind: 'open_regulation',
      status: 'open',
      comment: 'Het budget voor Noord dit jaar.',
      proposedBy: { id: kit.users.policy.id },
      regulation: {
        id: created.id,
        title: 'Bewonersinitiatieven NOORD-2026',
        district: 'Noord',
        current: { ceilingCents: 5_000_000, maxAmountCents: 750_000 },
      },
    });
    expect(await isPublic(created.id)).toBe(false);
    expect(await policyView(created.id)).toMatchObject({
      open: false,
      approvedAt: null,
      opening: { proposalId, status: 'open', proposedBy: { id: kit.users.policy.id } },
    });
    await expectRefused(created.id);
    // Not in force: not in the budgets either.
    const budgets = await ok(await as(kit.cookies.clerk, 'GET', '/api/budgets'));
    expect(budgets.items.some((b: Json) => b.regulationId === created.id)).toBe(false);
    const report = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/reports/budget'));
    expect(report.items.some((b: Json) => b.regulationId === created.id)).toBe(false);
    // The workflows page does not count it as in use on its version, but as not approved.
    expect(await versionUse()).toEqual({
      regulations: useBefore.regulations,
      notApproved: useBefore.notApproved + 1,
    });
  });

  test('the database refuses an application on it too, whatever the code does', async () => {
    await expect(
      kit.t.db
        .insertInto('applications')
        .values({ regulation_id: regulation.id } as never)
        .execute(),
    ).rejects.toThrow(/not approved for applications/);
  });

  test('while it waits it is frozen; a second proposal to open it waits for the first', async () => {
    const patch = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${regulation.id}`,
      {
        ceilingCents: 6_000_000,
      },
    );
    expect(patch.status).toBe(409);
    const again = await as(
      kit.cookies.policy,
      'POST',
      `/api/policy/regulations/${regulation.id}/opening`,
      { comment: 'Nog eens.' },
    );
    expect(again.status).toBe(409);
  });

  test('the officer who created it cannot approve or reject it', async () => {
    await expectOwnProposalRefused(kit, kit.cookies.policy, proposalId);
    expect(await isPublic(regulation.id)).toBe(false);
  });

  test('another officer approves: it is public and applications start on it', async () => {
    const out = await ok(
      await as(second.cookie, 'POST', `/api/policy/proposals/${proposalId}/approve`, {
        comment: 'Bedragen gecontroleerd.',
      }),
    );
    expect(out.proposal).toMatchObject({
      kind: 'open_regulation',
      status: 'approved',
      decidedBy: { id: second.id, name: 'Fatima Tweede' },
    });
    expect(out.result.approvedAt).toBe(kit.clock().toISOString());
    expect(await isPublic(regulation.id)).toBe(true);
    expect(await policyView(regulation.id)).toMatchObject({ open: true, opening: null });
    expect(await versionUse()).toEqual({
      regulations: useBefore.regulations + 1,
      notApproved: useBefore.notApproved,
    });
    const app = await createDraft(kit, 'resident', { regulationId: regulation.id });
    expect((app.regulation as { id: string }).id).toBe(regulation.id);
    const budgets = await ok(await as(kit.cookies.clerk, 'GET', '/api/budgets'));
    expect(budgets.items.some((b: Json) => b.regulationId === regulation.id)).toBe(true);
    // Approved, its amounts change with four eyes again; it is not opened twice.
    const patch = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${regulation.id}`,
      {
        ceilingCents: 6_000_000,
        comment: 'Meer geld.',
      },
    );
    expect(patch.status).toBe(202);
    const reopen = await as(
      kit.cookies.policy,
      'POST',
      `/api/policy/regulations/${regulation.id}/opening`,
      { comment: 'Nog eens.' },
    );
    expect(reopen.status).toBe(409);
  });
});

describe('a rejected new regulation stays closed', () => {
  let id = '';
  let proposalId = '';

  test('another officer rejects it, saying why; it stays closed', async () => {
    const created = await ok(
      await as(
        kit.cookies.policy,
        'POST',
        '/api/policy/regulations',
        newRegulation('ZUID-2026', { district: 'Zuid', maxAmountCents: 5_000_000 }),
      ),
      201,
    );
    id = created.id;
    proposalId = created.proposal.id;
    const noReason = await as(
      second.cookie,
      'POST',
      `/api/policy/proposals/${proposalId}/reject`,
      {},
    );
    expect(noReason.status).toBe(422);
    const rejected = await ok(
      await as(second.cookie, 'POST', `/api/policy/proposals/${proposalId}/reject`, {
        comment: 'Het maximum is zo hoog als het plafond.',
      }),
    );
    expect(rejected.proposal).toMatchObject({ status: 'rejected', decidedBy: { id: second.id } });
    expect(await isPublic(id)).toBe(false);
    await expectRefused(id);
    expect(await policyView(id)).toMatchObject({
      open: false,
      approvedAt: null,
      opening: {
        status: 'rejected',
        decidedBy: { name: 'Fatima Tweede' },
        decisionComment: 'Het maximum is zo hoog als het plafond.',
      },
    });
  });

  test('it changes at once, is proposed again, and opens when approved', async () => {
    const changed = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${id}`, {
        maxAmountCents: 500_000,
      }),
    );
    expect(changed).toMatchObject({ maxAmountCents: 500_000, approvedAt: null });
    expect(await isPublic(id)).toBe(false);
    const noComment = await as(
      kit.cookies.policy,
      'POST',
      `/api/policy/regulations/${id}/opening`,
      {
        comment: ' ',
      },
    );
    expect(noComment.status).toBe(422);
    expect((await readJson(noComment)).invalidParams[0].name).toBe('comment');
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'POST', `/api/policy/regulations/${id}/opening`, {
        comment: 'Maximum verlaagd naar 5.000 euro.',
      }),
      202,
    );
    expect(proposal).toMatchObject({
      kind: 'open_regulation',
      status: 'open',
      regulation: { id, current: { maxAmountCents: 500_000 } },
    });
    expect((await policyView(id)).opening).toMatchObject({
      proposalId: proposal.id,
      status: 'open',
    });
    await ok(await as(second.cookie, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {}));
    expect(await isPublic(id)).toBe(true);
    expect((await startOn(id)).status).toBe(201);
  });

  test('unknown regulations are not found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await as(kit.cookies.policy, 'POST', `/api/policy/regulations/${unknown}/opening`, {
      comment: 'Open.',
    });
    expect(res.status).toBe(404);
    expect(
      (
        await as(kit.cookies.policy, 'POST', '/api/policy/regulations/nope/opening', {
          comment: 'Open.',
        })
      ).status,
    ).toBe(404);
  });
});
