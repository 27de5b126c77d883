/**
 * Query parameters are validated like bodies: an unknown value is 422 problem+json naming the
 * parameter, not a silently empty (or unfiltered) list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test/test-app';
import { createDraft, type Kit, readJson, setupKit } from './lifecycle.test-kit';

let kit: Kit;
let draftState: string;
beforeAll(async () => {
  kit = await setupKit();
  const draft = await createDraft(kit);
  draftState = draft.state;
});
afterAll(() => kit.close());

const list = (query: string, cookie = kit.cookies.assessor) =>
  call(kit.app, 'GET', `/api/applications${query}`, { cookie });

describe('GET /api/applications query parameters', () => {
  it('filters by a state of a published workflow', async () => {
    const res = await list(`?state=${draftState}`, kit.cookies.resident);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { state: string }) => i.state === draftState)).toBe(true);
  });

  it('refuses a state no published workflow has, naming the parameter', async () => {
    const res = await list(`?state=${draftState},nonsense`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await readJson(res);
    expect(body.invalidParams).toEqual([
      { name: 'state', reason: expect.stringContaining('nonsense') },
    ]);
  });

  it.each([
    ['sort', '?sort=nonsense'],
    ['assignedTo', '?assignedTo=everyone'],
    ['overdue', '?overdue=maybe'],
    ['limit', '?limit=0'],
    ['cursor', '?cursor=not-a-cursor'],
  ])('refuses a bad %s', async (name, query) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual([name]);
  });
});
