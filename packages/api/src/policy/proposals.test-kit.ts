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
  const refused = await readJson(approve);
  expect(refused.code).toBe('four_eyes');
  // Said in words in both languages: the web shows the page's, not a general sentence.
  expect(refused.text).toEqual({
    nl: 'U kunt uw eigen voorstel niet goedkeuren of afkeuren: dat doet een andere beleidsmedewerker.',
    en: 'You cannot approve or reject your own proposal: another policy officer does that.',
  });
  expect(refused.detail).toBe(refused.text.en);
  const reject = await call(kit.app, 'POST', `/api/policy/proposals/${proposalId}/reject`, {
    cookie,
    json: { comment: 'Toch niet.' },
  });
  expect(reject.status).toBe(403);
}
