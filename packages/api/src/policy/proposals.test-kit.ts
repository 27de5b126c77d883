import { expect } from 'vitest';
import { type Kit, readJson } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

/**
 * Four eyes: the officer who proposed cannot approve nor reject their own proposal (403,
 * `four_eyes`), whatever its kind.
 */
export async function expectOwnProposalRefused(
  kit: Kit,
  cookie: string,
  proposalId: string,
): Promise<void> {
  const approve = await call(kit.app, 'POST', `/api/policy/proposals/${proposalId}/approve`, {
    cookie,
    json: {},
  });
  expect(approve.status).toBe(403);
  expect((await readJson(approve)).code).toBe('four_eyes');
  const reject = await call(kit.app, 'POST', `/api/policy/proposals/${proposalId}/reject`, {
    cookie,
    json: { comment: 'Toch niet.' },
  });
  expect(reject.status).toBe(403);
}
