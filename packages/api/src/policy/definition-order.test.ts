import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
const base = '/api/policy/definitions/bewonersinitiatief';

beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const asPolicy = (method: string, path: string, json?: unknown) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json });

/** Moves `key` of `record` to the front, keeping the rest in their order. */
function first<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: moved, ...rest } = record;
  return { [key]: moved as T, ...rest };
}

describe('a saved definition keeps the officer order', () => {
  test('states, events and templates come back in the order they were saved', async () => {
    const draft = await readJson(await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 }));
    const def = structuredClone(draft.definition);
    // Keys jsonb would sort differently: long names before short ones, z before a.
    def.states = first(def.states, 'report_submitted');
    def.events = first(def.events, 'SUBMIT_REPORT');
    def.templates.mails = first(def.templates.mails, 'report_overdue_staff');
    def.templates.letters = first(def.templates.letters, 'supplement_request');
    const saved = await call(kit.app, 'PUT', `${base}/versions/${draft.version}`, {
      cookie: kit.cookies.policy,
      json: { definition: def },
      headers: { 'if-match': `"r${draft.revision}"` },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const read = await readJson(await asPolicy('GET', `${base}/versions/${draft.version}`));
    for (const part of ['states', 'events'] as const) {
      expect(Object.keys(read.definition[part])).toEqual(Object.keys(def[part]));
    }
    expect(Object.keys(read.definition.templates.mails)).toEqual(Object.keys(def.templates.mails));
    expect(Object.keys(read.definition.templates.letters)).toEqual(
      Object.keys(def.templates.letters),
    );
  });
});
