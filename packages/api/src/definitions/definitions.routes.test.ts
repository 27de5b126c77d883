import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

describe('definitions for screens', () => {
  test('a resident reads the version her application is pinned to, cached as immutable', async () => {
    const draft = await createDraft(kit);
    expect(draft.definition).toEqual(kit.workflow);
    const { key, version } = kit.workflow;
    const res = await call(kit.app, 'GET', `/api/definitions/${key}/versions/${version}`, {
      cookie: kit.cookies.resident,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const def = await readJson(res);
    expect(def.key).toBe(key);
    expect(def.version).toBe(version);
    expect(Array.isArray(def.form.fields)).toBe(true);
  });

  test('the vocabulary lists states with labels and tags in the definition order', async () => {
    const res = await call(kit.app, 'GET', '/api/definitions', { cookie: kit.cookies.assessor });
    expect(res.status).toBe(200);
    const { items } = await readJson(res);
    const mine = items.find(
      (i: { key: string; version: number }) =>
        i.key === kit.workflow.key && i.version === kit.workflow.version,
    );
    expect(mine.status).toBe('published');
    expect(mine.states[0].name).toBe(mine.initial);
    for (const s of mine.states) {
      expect(s.label.nl.length).toBeGreaterThan(0);
      expect(Array.isArray(s.tags)).toBe(true);
    }
    expect(mine.events.length).toBeGreaterThan(0);
  });

  test('each event says how a history names it: its history label, else its label', async () => {
    const res = await call(kit.app, 'GET', '/api/definitions', { cookie: kit.cookies.resident });
    const { items } = await readJson(res);
    type Event = { type: string; label: unknown; historyLabel: unknown };
    const supplement = (version: number) =>
      items
        .find(
          (i: { key: string; version: number }) =>
            i.key === 'bewonersinitiatief' && i.version === version,
        )
        ?.events.find((e: Event) => e.type === 'SUPPLEMENT') as Event | undefined;
    expect(supplement(9)).toMatchObject({
      label: { nl: 'Aanvullen', en: 'Supplement' },
      historyLabel: { nl: 'Aanvulling gestuurd', en: 'Additional information sent' },
    });
    // Published before the field existed: named as before.
    expect(supplement(8)?.historyLabel).toEqual({ nl: 'Aanvullen', en: 'Supplement' });
  });

  test('list items name the version each application is pinned to', async () => {
    await createDraft(kit);
    const res = await call(kit.app, 'GET', '/api/applications', { cookie: kit.cookies.resident });
    const { items } = await readJson(res);
    expect(items[0].definition).toEqual(kit.workflow);
  });

  test('the document describes the definition in full, and a draft is not served here', async () => {
    const doc = await readJson(await call(kit.app, 'GET', '/api/openapi.json'));
    const op = doc.paths['/api/definitions/{key}/versions/{version}'].get;
    expect(op.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/WorkflowDefinition',
    });
    const component = doc.components.schemas.WorkflowDefinition;
    expect(component.additionalProperties).toBe(false);
    expect(component.required).toEqual(expect.arrayContaining(['key', 'states', 'events']));
    expect(component.properties.referencePrefix.pattern).toBe('^[A-Z]{2,5}$');

    const draft = await call(
      kit.app,
      'POST',
      `/api/policy/definitions/${kit.workflow.key}/drafts`,
      {
        cookie: kit.cookies.policy,
        json: { fromVersion: kit.workflow.version },
      },
    );
    expect(draft.status, await draft.clone().text()).toBe(201);
    const { version } = await readJson(draft);
    const res = await call(
      kit.app,
      'GET',
      `/api/definitions/${kit.workflow.key}/versions/${version}`,
      {
        cookie: kit.cookies.policy,
      },
    );
    expect(res.status).toBe(404);
  });

  test('anonymous callers get 401; an unknown version is 404', async () => {
    const anon = await call(kit.app, 'GET', '/api/definitions');
    expect(anon.status).toBe(401);
    const missing = await call(
      kit.app,
      'GET',
      `/api/definitions/${kit.workflow.key}/versions/999`,
      {
        cookie: kit.cookies.resident,
      },
    );
    expect(missing.status).toBe(404);
  });
});
