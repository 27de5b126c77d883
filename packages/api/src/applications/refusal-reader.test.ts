/**
 * A refused step names the form's questions in the words of whoever sent it: the resident reads
 * her own form ("Naam van uw initiatief"), the desk filing for her the words for staff ("Naam van
 * het initiatief", version 5's `staffLabel`), as the form's pages show them to each.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from './applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from './lifecycle.test-kit';

let kit: Kit;
let regulationId: string;
beforeAll(async () => {
  kit = await setupKit();
  regulationId = await createRegulation(kit.t, { key: 'bewonersinitiatief', version: 5 });
});
afterAll(() => kit.close());

/** The demo form without its name (and without the district, which v5 takes from the regulation). */
function withoutTitle(): Record<string, unknown> {
  const { title: _title, district: _district, ...rest } = demoFormData(kit.clock());
  return rest;
}

/** The reasons a refused SUBMIT gives, as read in Dutch and in English. */
async function refusedSubmit(as: 'resident' | 'clerk'): Promise<string> {
  const draft = await createDraft(kit, as, {
    regulationId,
    data: withoutTitle(),
    ...(as === 'clerk' ? { applicantId: kit.users.resident.id } : {}),
  });
  const reasons: string[] = [];
  for (const language of ['nl', 'en']) {
    const res = await sendEvent(kit, as, draft.id, 'SUBMIT', undefined, {
      'Accept-Language': language,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(res);
    expect(problem.guard).toBe('formComplete');
    reasons.push(...(problem.invalidParams as { reason: string }[]).map((p) => p.reason));
  }
  return reasons.join(' | ');
}

describe('a refused submission, in its sender’s words', () => {
  test('the resident reads the name of her initiative', async () => {
    const texts = await refusedSubmit('resident');
    expect(texts).toContain('Naam van uw initiatief');
    expect(texts).toContain('Name of your initiative');
    expect(texts).not.toContain('Naam van het initiatief');
  });

  test('the desk, filing for her, reads the name of the initiative', async () => {
    const texts = await refusedSubmit('clerk');
    expect(texts).toContain('Naam van het initiatief');
    expect(texts).toContain('Name of the initiative');
    expect(texts).not.toMatch(/\buw initiatief\b|\byour initiative\b/);
  });
});
