/**
 * The regulation asks for the support of at least four other residents (domain notes: "signatures
 * of at least 4 other residents"). Until anyone is invited to confirm, the names typed into the
 * form are counted; a line with the applicant's own name is not one of them, however it is
 * written, whether she submits herself or the desk submits for her.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import {
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

/**
 * The demo form with its second supporter (67) replaced by the resident, in capitals, at her own
 * postcode written without its space (a namesake at another postcode would be somebody else).
 */
function withOwnLine(): Record<string, unknown> {
  const data = demoFormData(kit.clock());
  const supporters = [...(data.supporters as { name: string; postcode: string }[])];
  supporters[1] = {
    ...supporters[1]!,
    name: `  ${kit.users.resident.name.toUpperCase()} `,
    postcode: kit.users.resident.postcode!.replace(' ', ''),
  };
  return { ...data, supporters };
}

async function refusal(as: 'resident' | 'clerk', id: string): Promise<string> {
  const reasons: string[] = [];
  for (const language of ['nl', 'en']) {
    const res = await sendEvent(kit, as, id, 'SUBMIT', undefined, { 'Accept-Language': language });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.guard).toBe('supportersAtLeast');
    reasons.push(...(problem.invalidParams as { reason: string }[]).map((p) => p.reason));
  }
  return reasons.join(' | ');
}

describe('the applicant does not count as her own supporter', () => {
  test('her own line leaves three: the resident is refused, and told why', async () => {
    const draft = await createDraft(kit, 'resident', { data: withOwnLine() });
    // The application offers no SUBMIT while the rule refuses it, as for any three supporters.
    const types = (draft.allowedEvents as { type: string }[]).map((e) => e.type);
    expect(types).not.toContain('SUBMIT');
    const text = await refusal('resident', draft.id);
    expect(text).toContain('nu zijn het er 3. De aanvrager zelf telt niet mee.');
    expect(text).toContain('there are 3 now. The applicant does not count.');
  });

  test('the desk, filing for her, is refused the same way', async () => {
    const draft = await createDraft(kit, 'clerk', {
      data: withOwnLine(),
      applicantId: kit.users.resident.id,
    });
    expect(await refusal('clerk', draft.id)).toContain('De aanvrager zelf telt niet mee.');
  });

  test('a fifth neighbour makes four other residents, and the application goes in', async () => {
    const draft = await createDraft(kit, 'resident', { data: withOwnLine() });
    const supporters = [
      ...(withOwnLine().supporters as unknown[]),
      { name: 'Ayşe Yıldız-Çelik', postcode: '3022 AF', age: 52 },
    ];
    const patched = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { supporters } },
      headers: { 'If-Match': `"${draft.version}"` },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readJson(res)).state).toBe('submitted');
  });
});
