import { afterAll, beforeAll, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { applicationIn, type Kit, readJson, setupKit, step } from './lifecycle.test-kit';

// The approver's question before a grant names the amount it awards, also when the grant names
// none (the proposal's then). Staff read the proposal; residents do not read the advice.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function amounts(id: string, as: 'resident' | 'approver' | 'clerk') {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return (await readJson(res)).amounts as { proposedCents: number | null; requestedCents: number };
}

test('the proposed amount is given to staff, and to nobody else', async () => {
  const app = await applicationIn(kit, 'submitted');
  expect((await amounts(app.id, 'approver')).proposedCents).toBeNull();
  await step(kit, 'assessor', app.id, 'ASSESS', {
    recommendation: 'grant',
    amountCents: 40_050,
    motivation: 'Past bij het wijkakkoord.',
  });
  expect((await amounts(app.id, 'approver')).proposedCents).toBe(40_050);
  expect((await amounts(app.id, 'clerk')).proposedCents).toBe(40_050);
  expect((await amounts(app.id, 'resident')).proposedCents).toBeNull();
});
