/**
 * DigiD Machtigen through the OIDC broker (issue 17): the broker's claims name the resident the
 * person signing in acts for; they act under their own account and the history says "namens".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import {
  CookieJar,
  dance,
  oidcConfig,
  startTestProvider,
  type TestProvider,
} from './oidc-test-kit';

let kit: Kit;
let idp: TestProvider;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  [kit, idp] = await Promise.all([setupKit(), startTestProvider()]);
  Object.assign(kit.app.deps.config, oidcConfig(idp.issuer));
});
afterAll(async () => {
  await idp?.close();
  await kit?.close();
});

/** Fatima signs in with her own DigiD once (completing name and e-mail) and applies. */
async function fatimaApplies(): Promise<{ cookie: string; applicationId: string; id: string }> {
  const jar = new CookieJar();
  await dance(kit.app, jar, '/api/auth/oidc/resident/login', { account: 'fatima' });
  const complete = await kit.app.request('/api/auth/oidc/complete', {
    method: 'POST',
    headers: { cookie: jar.header(origin), origin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fatima El Amrani', email: 'fatima.digid@example.org' }),
  });
  expect(complete.status).toBe(200);
  jar.store(origin, complete);
  const cookie = jar.header(origin)!;
  const created = await call(kit.app, 'POST', '/api/applications', {
    cookie,
    json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const body = await readJson(created);
  return { cookie, applicationId: body.id, id: body.applicantId ?? body.applicant?.id };
}

describe('DigiD Machtigen through the broker', () => {
  it('the person acting for Fatima acts under their own account, the history says on whose behalf', async () => {
    const fatima = await fatimaApplies();
    const fatimaId = (
      await readJson(await call(kit.app, 'GET', '/api/me', { cookie: fatima.cookie }))
    ).id;
    // Her own sign-in authorises nobody.
    expect(await kit.t.db.selectFrom('authorisations').selectAll().execute()).toEqual([]);

    const jar = new CookieJar();
    const { response } = await dance(
      kit.app,
      jar,
      '/api/auth/oidc/resident/login?returnTo=/aanvragen',
      {
        account: 'jan-machtigen',
      },
    );
    expect(response.headers.get('location')).toBe('/aanvragen');
    const jan = jar.header(origin)!;
    const me = await readJson(await call(kit.app, 'GET', '/api/me', { cookie: jan }));
    expect(me).toMatchObject({ name: 'Jan de Vries', roles: ['applicant'] });
    expect(me.id).not.toBe(fatimaId);

    // Fatima's application is in his list, and he submits it.
    const list = await readJson(
      await call(kit.app, 'GET', '/api/applications?limit=100', { cookie: jan }),
    );
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([fatima.applicationId]);
    const submitted = await call(
      kit.app,
      'POST',
      `/api/applications/${fatima.applicationId}/events`,
      {
        cookie: jan,
        json: { type: 'SUBMIT' },
      },
    );
    expect(submitted.status, await submitted.clone().text()).toBe(200);

    const history = (
      await readJson(
        await call(kit.app, 'GET', `/api/applications/${fatima.applicationId}/history`, {
          cookie: fatima.cookie,
        }),
      )
    ).items as {
      event: string;
      actor: { id: string };
      onBehalfOf: string | null;
      payload: unknown;
    }[];
    const submit = history.find((h) => h.event === 'SUBMIT')!;
    expect(submit.actor.id).toBe(me.id);
    expect(submit.onBehalfOf).toBe(fatimaId);
    const mandate = history.find((h) => h.event === 'shell.authorised')!;
    expect(mandate.actor.id).toBe(fatimaId);
    expect(mandate.payload).toMatchObject({
      agent: { id: me.id, name: 'Jan de Vries' },
      source: 'machtigen',
    });

    // Fatima sees the mandate among her authorisations, and can end it here.
    const [auth] = (
      await readJson(
        await call(kit.app, 'GET', `/api/applications/${fatima.applicationId}/authorisations`, {
          cookie: fatima.cookie,
        }),
      )
    ).items;
    expect(auth).toMatchObject({ source: 'machtigen', agent: { id: me.id } });

    // Signing in again adds nothing twice.
    const again = new CookieJar();
    await dance(kit.app, again, '/api/auth/oidc/resident/login', { account: 'jan-machtigen' });
    const rows = await kit.t.db.selectFrom('authorisations').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'machtigen', resident_id: fatimaId, agent_id: me.id });
    // No BSN in clear anywhere it went.
    expect(JSON.stringify(rows)).not.toContain('999993653');
  });

  it('a first sign-in that completes name and e-mail keeps the mandate', async () => {
    const fatimaId = (
      await kit.t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'fatima.digid@example.org')
        .executeTakeFirstOrThrow()
    ).id;
    const jar = new CookieJar();
    const { response } = await dance(kit.app, jar, '/api/auth/oidc/resident/login', {
      account: 'noor-machtigen',
    });
    expect(response.headers.get('location')).toMatch(/^\/inloggen\/aanvullen/);
    const pending = await kit.t.db.selectFrom('oidc_pending_accounts').selectAll().execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.represented_bsn_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(pending)).not.toContain('999993653');

    const complete = await kit.app.request('/api/auth/oidc/complete', {
      method: 'POST',
      headers: { cookie: jar.header(origin), origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Noor Haddou', email: 'noor@example.org' }),
    });
    expect(complete.status).toBe(200);
    jar.store(origin, complete);
    const noor = jar.header(origin)!;
    const list = await readJson(
      await call(kit.app, 'GET', '/api/applications?limit=100', { cookie: noor }),
    );
    const hers = await kit.t.db
      .selectFrom('applications')
      .select('id')
      .where('applicant_id', '=', fatimaId)
      .execute();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(hers.map((a) => a.id));
    const rows = await kit.t.db
      .selectFrom('authorisations')
      .selectAll()
      .where('source', '=', 'machtigen')
      .execute();
    expect(rows.map((r) => r.resident_id)).toEqual([fatimaId, fatimaId]);
  });

  it('in a Machtigen session the person starts an application in her name, and reaches what she starts meanwhile', async () => {
    const fatima = await kit.t.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'fatima.digid@example.org')
      .executeTakeFirstOrThrow();
    const jar = new CookieJar();
    await dance(kit.app, jar, '/api/auth/oidc/resident/login', { account: 'jan-machtigen' });
    const jan = jar.header(origin)!;
    const session = await readJson(await call(kit.app, 'GET', '/api/session', { cookie: jan }));
    expect(session.actingFor).toEqual({ id: fatima.id, name: fatima.name });

    // What he starts is hers: she is the applicant, the history says he did it on her behalf.
    const created = await call(kit.app, 'POST', '/api/applications', {
      cookie: jan,
      json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const app = await readJson(created);
    const row = await kit.t.db
      .selectFrom('applications')
      .select(['applicant_id', 'created_by'])
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.applicant_id).toBe(fatima.id);
    const [first] = await kit.t.db
      .selectFrom('application_history')
      .select(['on_behalf_of'])
      .where('application_id', '=', app.id)
      .orderBy('at')
      .execute();
    expect(first?.on_behalf_of).toBe(fatima.id);
    // Files and letters of her application are his to reach too, as the form needs them.
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'offerte.pdf'));
    const upload = await kit.app.request(`/api/applications/${app.id}/attachments`, {
      method: 'POST',
      headers: { origin, cookie: jan },
      body: form,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    for (const path of ['attachments', 'documents', 'history']) {
      const res = await call(kit.app, 'GET', `/api/applications/${app.id}/${path}`, {
        cookie: jan,
      });
      expect(res.status, path).toBe(200);
    }

    // One she starts herself while his session lasts is in his list at once.
    const own = await call(kit.app, 'POST', '/api/applications', {
      cookie: (await fatimaSession()).cookie,
      json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
    });
    expect(own.status).toBe(201);
    const ownId = (await readJson(own)).id;
    const list = await readJson(
      await call(kit.app, 'GET', '/api/applications?limit=100', { cookie: jan }),
    );
    expect(list.items.map((i: { id: string }) => i.id)).toContain(ownId);
    expect((await call(kit.app, 'GET', `/api/applications/${ownId}`, { cookie: jan })).status).toBe(
      200,
    );

    // A sign-in without Machtigen acts for nobody, and starts nothing in anyone else's name.
    const plain = await readJson(
      await call(kit.app, 'GET', '/api/session', { cookie: (await fatimaSession()).cookie }),
    );
    expect(plain.actingFor).toBeNull();
  });
});

/** Fatima signs in with her own DigiD again (her account exists by now). */
async function fatimaSession(): Promise<{ cookie: string }> {
  const jar = new CookieJar();
  await dance(kit.app, jar, '/api/auth/oidc/resident/login', { account: 'fatima' });
  return { cookie: jar.header(origin)! };
}
