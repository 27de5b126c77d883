/**
 * Four eyes on the rules (issue 14): publishing a definition version and changing a regulation's
 * workflow version, ceiling or maximum take two policy officers; both are recorded and shown.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';
import { expectOwnProposalRefused } from './proposals.test-kit';

let kit: Kit;
let second = { id: '', cookie: '' };
const base = '/api/policy/definitions/bewonersinitiatief';
/** The version the first describe drafts and publishes; the second one goes on from it. */
let draftVersion = 0;

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

describe('publishing takes two policy officers', () => {
  let proposalId = '';

  test('one proposes with a comment; nothing is published yet', async () => {
    const draft = await ok(
      await as(kit.cookies.policy, 'POST', `${base}/drafts`, { fromVersion: 1 }),
      201,
    );
    draftVersion = draft.version;
    const noComment = await as(
      kit.cookies.policy,
      'POST',
      `${base}/versions/${draftVersion}/publish`,
      {
        comment: '  ',
      },
    );
    expect(noComment.status).toBe(422);
    expect((await readJson(noComment)).invalidParams[0].name).toBe('comment');

    const { proposal } = await ok(
      await as(kit.cookies.policy, 'POST', `${base}/versions/${draftVersion}/publish`, {
        comment: 'Nieuwe tekst van de ontvangstbevestiging.',
      }),
      202,
    );
    proposalId = proposal.id;
    expect(proposal).toMatchObject({
      kind: 'publish_definition',
      status: 'open',
      definition: { key: 'bewonersinitiatief', version: draftVersion },
      proposedBy: { id: kit.users.policy.id },
      comment: 'Nieuwe tekst van de ontvangstbevestiging.',
      decidedBy: null,
    });
    const stored = await ok(
      await as(kit.cookies.policy, 'GET', `${base}/versions/${draftVersion}`),
    );
    expect(stored.status).toBe('draft');
    // The proposed draft is frozen: what the second officer approves is what was proposed.
    const put = await as(kit.cookies.policy, 'PUT', `${base}/versions/${draftVersion}`, {
      definition: stored.definition,
    });
    expect(put.status).toBe(409);
    expect((await as(second.cookie, 'DELETE', `${base}/versions/${draftVersion}`)).status).toBe(
      409,
    );
    // A second proposal for the same version waits for the first.
    const again = await as(kit.cookies.policy, 'POST', `${base}/versions/${draftVersion}/publish`, {
      comment: 'Nog eens.',
    });
    expect(again.status).toBe(409);
  });

  test('the proposer cannot approve or reject their own proposal', async () => {
    await expectOwnProposalRefused(kit, kit.cookies.policy, proposalId);
    // Nor another role at all.
    const approver = await as(
      kit.cookies.approver,
      'POST',
      `/api/policy/proposals/${proposalId}/approve`,
      {},
    );
    expect(approver.status).toBe(403);
    expect((await readJson(approver)).text.nl).toBe('Dit is alleen voor een beleidsmedewerker.');
  });

  test('the database refuses it too, whatever the code does', async () => {
    await expect(
      kit.t.db
        .updateTable('policy_proposals' as never)
        .set({
          status: 'approved',
          decided_by: kit.users.policy.id,
          decided_at: new Date(),
        } as never)
        .where('id' as never, '=', proposalId as never)
        .execute(),
    ).rejects.toThrow(/policy_proposals_four_eyes/);
  });

  test('another officer approves: published, both recorded and shown', async () => {
    const out = await ok(
      await as(second.cookie, 'POST', `/api/policy/proposals/${proposalId}/approve`, {
        comment: 'Gelezen en akkoord.',
      }),
    );
    expect(out.result.definition.status).toBe('published');
    expect(out.proposal).toMatchObject({
      status: 'approved',
      proposedBy: { id: kit.users.policy.id },
      decidedBy: { id: second.id, name: 'Fatima Tweede' },
      decisionComment: 'Gelezen en akkoord.',
    });
    const list = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/proposals'));
    expect(list.items[0]).toMatchObject({ id: proposalId, status: 'approved' });
    expect(
      (await ok(await as(kit.cookies.policy, 'GET', '/api/policy/proposals?status=open'))).items,
    ).toEqual([]);
    const again = await as(
      second.cookie,
      'POST',
      `/api/policy/proposals/${proposalId}/approve`,
      {},
    );
    expect(again.status).toBe(409);
    const againBody = await readJson(again);
    expect(againBody.text).toEqual({
      nl: 'Over dit voorstel is al besloten.',
      en: 'This proposal has been decided already.',
    });
    // The proposal's own status reaches the client beside the HTTP status.
    expect(againBody).toMatchObject({ status: 409, proposalStatus: 'approved' });
  });
});

describe('changing a regulation’s version, ceiling or maximum takes two', () => {
  test('a title changes at once; a ceiling is proposed, then rejected with a reason', async () => {
    const title = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        title: 'Bewonersinitiatieven Delfshaven 2026 (herzien)',
      }),
    );
    expect(title.title).toMatch(/herzien/);
    // The same ceiling as now is no change and needs no second officer.
    const same = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${kit.regulationId}`,
      {
        ceilingCents: title.ceilingCents,
      },
    );
    expect(same.status).toBe(200);

    const noComment = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${kit.regulationId}`,
      { ceilingCents: title.ceilingCents + 100_000 },
    );
    expect(noComment.status).toBe(422);
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        ceilingCents: title.ceilingCents + 100_000,
        maxAmountCents: 2_000_000,
        comment: 'Meer budget na de voorjaarsnota.',
      }),
      202,
    );
    expect(proposal.regulation.current.ceilingCents).toBe(title.ceilingCents);
    expect(proposal.changes).toEqual({
      ceilingCents: title.ceilingCents + 100_000,
      maxAmountCents: 2_000_000,
    });
    const unchanged = await ok(await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`));
    expect(unchanged.maxAmountCents).not.toBe(2_000_000);

    const reasonless = await as(
      second.cookie,
      'POST',
      `/api/policy/proposals/${proposal.id}/reject`,
      {},
    );
    expect(reasonless.status).toBe(422);
    const rejected = await ok(
      await as(second.cookie, 'POST', `/api/policy/proposals/${proposal.id}/reject`, {
        comment: 'Eerst het raadsbesluit afwachten.',
      }),
    );
    expect(rejected.proposal).toMatchObject({
      status: 'rejected',
      decidedBy: { id: second.id },
      decisionComment: 'Eerst het raadsbesluit afwachten.',
    });
    const after = await ok(await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`));
    expect(after.ceilingCents).toBe(title.ceilingCents);
  });

  test('a proposal that would be refused is refused when proposed', async () => {
    const draft = await ok(
      await as(kit.cookies.policy, 'POST', `${base}/drafts`, { fromVersion: draftVersion }),
      201,
    );
    const res = await as(
      kit.cookies.policy,
      'PATCH',
      `/api/policy/regulations/${kit.regulationId}`,
      {
        workflowVersion: draft.version,
        comment: 'Naar het concept.',
      },
    );
    expect(res.status).toBe(422);
    const open = await ok(await as(kit.cookies.policy, 'GET', '/api/policy/proposals?status=open'));
    expect(open.items).toEqual([]);
  });

  test('the proposer may withdraw; nobody else may', async () => {
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        workflowVersion: draftVersion,
        comment: 'Nieuwe aanvragen op de nieuwe versie.',
      }),
      202,
    );
    const byOther = await as(
      second.cookie,
      'POST',
      `/api/policy/proposals/${proposal.id}/withdraw`,
      {},
    );
    expect(byOther.status).toBe(403);
    expect((await readJson(byOther)).text.nl).toBe(
      'Alleen wie het voorstel deed, kan het intrekken.',
    );
    const withdrawn = await ok(
      await as(kit.cookies.policy, 'POST', `/api/policy/proposals/${proposal.id}/withdraw`, {}),
    );
    expect(withdrawn.proposal.status).toBe('withdrawn');
  });
});

describe('retiring a version a proposal points at', () => {
  test('is refused while the proposal is open, and the proposal then says why in words', async () => {
    // draftVersion was published above; the kit's regulation still starts on version 1.
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        workflowVersion: draftVersion,
        comment: 'Nieuwe aanvragen op de nieuwe versie.',
      }),
      202,
    );
    const refused = await as(kit.cookies.policy, 'POST', `${base}/versions/${draftVersion}/retire`);
    expect(refused.status).toBe(409);
    const body = await readJson(refused);
    expect(body.invalidParams[0].reason).toBe(
      'Er ligt een voorstel om een regeling op deze versie te zetten. Laat dat voorstel eerst afwijzen of intrekken.',
    );

    await ok(
      await as(kit.cookies.policy, 'POST', `/api/policy/proposals/${proposal.id}/withdraw`, {}),
    );
    const retired = await ok(
      await as(kit.cookies.policy, 'POST', `${base}/versions/${draftVersion}/retire`),
    );
    expect(retired.status).toBe('retired');

    // Pointing a regulation at it now is refused by the workflow's name, in the page's language.
    for (const [lang, sentence] of [
      ['nl', `Versie ${draftVersion} van ‘Subsidie bewonersinitiatief’ is ingetrokken`],
      ['en', `Version ${draftVersion} of ‘Resident initiative grant’ is retired`],
    ] as const) {
      const res = await call(kit.app, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        cookie: kit.cookies.policy,
        json: { workflowVersion: draftVersion, comment: 'Toch naar die versie.' },
        headers: { 'Accept-Language': lang },
      });
      expect(res.status).toBe(422);
      const problem = await readJson(res);
      expect(problem.invalidParams[0].name).toBe('workflowVersion');
      expect(problem.invalidParams[0].reason).toContain(sentence);
    }
  });
});
