/**
 * What the lists add to their rows: the next deadline of each application (the work queue's
 * deadline column, also after the decision) and, in the approver's list, the proposal.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import {
  applicationIn,
  type Kit,
  type Persona,
  readJson,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

type Item = {
  id: string;
  nextDeadline: { key: string; date: string; daysLeft: number; explanation: { nl: string } } | null;
  proposal?: { event: string; payload: Record<string, unknown>; actorName: string | null } | null;
};

async function items(path: string, persona: Persona): Promise<Item[]> {
  const res = await call(kit.app, 'GET', path, { cookie: kit.cookies[persona] });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await readJson(res)).items;
}

const detail = async (id: string) =>
  readJson(await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies.assessor }));

describe('the next deadline', () => {
  test('a granted application has one, as its page lists it; a pending one its decision', async () => {
    const pending = await applicationIn(kit, 'submitted');
    const granted = await applicationIn(kit, 'granted');
    const list = await items('/api/applications?limit=100', 'assessor');
    const row = (id: string) => list.find((i) => i.id === id)!;

    const pendingView = await detail(pending.id);
    expect(row(pending.id).nextDeadline).toMatchObject({
      key: 'decision',
      date: pendingView.clock.decisionDueOn,
    });

    const grantedView = await detail(granted.id);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      kit.clock(),
    );
    const coming = (grantedView.deadlines as { key: string; date: string }[])
      .filter((d) => d.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(coming.length).toBeGreaterThan(0);
    const next = row(granted.id).nextDeadline!;
    expect(next).toMatchObject(
      grantedView.deadlines.find((d: { key: string }) => d.key === coming[0]!.key),
    );
    expect(next.daysLeft).toBeGreaterThanOrEqual(0);
    expect(next.explanation.nl).toBeTruthy();
  });
});

describe("the approver's list", () => {
  test('carries the proposal: the step into the state awaiting approval, with its payload', async () => {
    const app = await applicationIn(kit, 'submitted');
    await step(kit, 'assessor', app.id, 'ASSESS', {
      recommendation: 'grant',
      amountCents: 62_500,
      motivation: 'Past in het wijkakkoord.',
    });
    const approvals = await items('/api/queue?awaitingApproval=true&limit=100', 'approver');
    const row = approvals.find((i) => i.id === app.id)!;
    expect(row.proposal).toMatchObject({
      event: 'ASSESS',
      payload: { recommendation: 'grant', amountCents: 62_500 },
      actorName: kit.users.assessor.name,
    });
    // Returned to the assessor and proposed again: the newest proposal.
    await step(kit, 'approver', app.id, 'RETURN', { message: 'Graag een lager bedrag.' });
    await step(kit, 'assessor', app.id, 'ASSESS', {
      recommendation: 'grant',
      amountCents: 50_000,
      motivation: 'Bijgesteld.',
    });
    const again = await items('/api/queue?awaitingApproval=true&limit=100', 'approver');
    expect(again.find((i) => i.id === app.id)!.proposal?.payload).toMatchObject({
      amountCents: 50_000,
    });
  });

  test('other lists, and residents, get no proposal', async () => {
    const app = await applicationIn(kit, 'assessed');
    const queue = await items('/api/queue?limit=100', 'assessor');
    expect(queue.find((i) => i.id === app.id)).not.toHaveProperty('proposal');
    const own = await items('/api/applications?limit=100', 'resident');
    expect(own.find((i) => i.id === app.id)).not.toHaveProperty('proposal');
  });
});
