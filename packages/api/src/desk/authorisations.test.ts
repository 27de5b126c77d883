import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

describe('authorisations', () => {
  test('someone the resident authorised acts under their own account, on her behalf', async () => {
    const app = await createDraft(kit);
    const helper = kit.users.resident2;
    // Before the authorisation, the helper cannot even see it.
    const before = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident2,
    });
    expect(before.status).toBe(404);
    const byOther = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident2,
      json: { email: helper.email },
    });
    expect(byOther.status).toBe(403);

    const given = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident,
      json: { email: helper.email },
    });
    expect(given.status).toBe(201);

    const list = await readJson(
      await call(kit.app, 'GET', '/api/applications?limit=100', { cookie: kit.cookies.resident2 }),
    );
    expect(list.items.map((i: { id: string }) => i.id)).toContain(app.id);
    expect((await sendEvent(kit, 'resident2', app.id, 'SUBMIT')).status).toBe(200);

    const history = (
      await readJson(
        await call(kit.app, 'GET', `/api/applications/${app.id}/history`, {
          cookie: kit.cookies.resident,
        }),
      )
    ).items as { event: string; actor: { id: string }; onBehalfOf: string | null }[];
    const submit = history.find((h) => h.event === 'SUBMIT')!;
    expect(submit.actor.id).toBe(helper.id);
    expect(submit.onBehalfOf).toBe(kit.users.resident.id);
    expect(history.some((h) => h.event === 'shell.authorised')).toBe(true);

    const [auth] = (
      await readJson(
        await call(kit.app, 'GET', `/api/applications/${app.id}/authorisations`, {
          cookie: kit.cookies.resident,
        }),
      )
    ).items;
    const revoked = await call(
      kit.app,
      'DELETE',
      `/api/applications/${app.id}/authorisations/${auth.id}`,
      { cookie: kit.cookies.resident },
    );
    expect(revoked.status).toBe(204);
    const after = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident2,
    });
    expect(after.status).toBe(404);
  });

  test('only an existing account can be authorised', async () => {
    const app = await createDraft(kit);
    const res = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident,
      json: { email: 'niemand@example.test' },
    });
    expect(res.status).toBe(422);
  });

  test('an ended application takes no new helper, in words; one given before can still be revoked', async () => {
    const app = await createDraft(kit);
    const given = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident,
      json: { email: kit.users.resident2.email },
    });
    expect(given.status).toBe(201);
    expect((await sendEvent(kit, 'resident', app.id, 'WITHDRAW')).status).toBe(200);
    const refused = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident,
      json: { email: kit.users.clerk.email },
    });
    expect(refused.status).toBe(409);
    const body = await readJson(refused);
    expect(body.text.nl).toContain('afgesloten');
    expect(body.text.en).toContain('closed');
    expect(body.detail).toBe(body.text.en);
    const [auth] = (
      await readJson(
        await call(kit.app, 'GET', `/api/applications/${app.id}/authorisations`, {
          cookie: kit.cookies.resident,
        }),
      )
    ).items as { id: string }[];
    const revoked = await call(
      kit.app,
      'DELETE',
      `/api/applications/${app.id}/authorisations/${auth!.id}`,
      { cookie: kit.cookies.resident },
    );
    expect(revoked.status).toBeLessThan(300);
  });
});
