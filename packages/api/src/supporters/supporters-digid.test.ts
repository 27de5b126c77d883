/**
 * Supporters who confirm with DigiD: the sign-in goes through the broker (the demo provider in
 * the test process), comes back to the confirmation page, and the confirmation is recorded under
 * that person; the regulation decides whether the mailed code is enough.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import {
  ACR_DIGID_MIDDEN,
  CookieJar,
  dance,
  oidcConfig,
  startTestProvider,
  TEST_PUBLIC_URL,
  type TestProvider,
} from '../oidc/oidc-test-kit';
import { call } from '../test/test-app';

let kit: Kit;
let idp: TestProvider;

const person = (id: string, bsn: string, name: string) => ({
  id,
  label: `${name} (DigiD)`,
  acr: ACR_DIGID_MIDDEN,
  claims: { bsn, name, email: `${id}@buurt.test` },
});

beforeAll(async () => {
  [kit, idp] = await Promise.all([
    setupKit(),
    startTestProvider(TEST_PUBLIC_URL, [
      person('pieter', '999990019', 'Pieter Buur'),
      // The same person (same BSN) under a second account.
      person('pieter-werk', '999990019', 'Pieter Buur (werk)'),
      person('lotte', '999990032', 'Lotte Buur'),
      person('femke', '999990020', 'Femke Aanvrager'),
      person('femke-tweede', '999990020', 'Femke via een ander adres'),
      // No BSN from the broker: the person is known by the broker's identity.
      {
        id: 'eh-buurt',
        label: 'Buurthuis (eHerkenning)',
        claims: { name: 'Buurthuis', email: 'eh@buurt.test' },
      },
    ]),
  ]);
  Object.assign(kit.app.deps.config, oidcConfig(idp.issuer));
});
afterAll(async () => {
  await idp?.close();
  await kit?.close();
});

const origin = TEST_PUBLIC_URL;

async function invitation(email: string) {
  const row = await kit.t.db
    .selectFrom('outbox')
    .select('body')
    .where('recipient_email', '=', email)
    .where('template_key', '=', 'supporter_invitation')
    .executeTakeFirstOrThrow();
  return {
    token: /steunen\?token=([A-Za-z0-9_-]+)/.exec(row.body!)![1]!,
    code: /Uw code: (\d{6})/.exec(row.body!)![1]!,
  };
}

async function invite(appId: string, name: string, email: string, cookie = kit.cookies.resident) {
  const res = await call(kit.app, 'POST', `/api/applications/${appId}/supporters`, {
    cookie,
    json: { name, email },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return invitation(email);
}

/** Signs in at the broker from the confirmation page and comes back to it. */
async function signInWithDigid(account: string, token: string) {
  const jar = new CookieJar();
  const back = `/steunen?token=${token}`;
  const { response } = await dance(
    kit.app,
    jar,
    `/api/auth/oidc/resident/login?returnTo=${encodeURIComponent(back)}`,
    { account },
  );
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(back);
  return jar.header(origin);
}

const info = async (token: string, cookie?: string) =>
  readJson(await call(kit.app, 'GET', `/api/supporters/confirm?token=${token}`, { cookie }));

const confirmDigid = (cookie: string | undefined, json: Record<string, unknown>) =>
  call(kit.app, 'POST', '/api/supporters/confirm/digid', { cookie, json });

const answers = { postcode: '3022 AB', age: 41 };

async function setRule(regulationId: string, rule: 'digid' | 'digid_or_code') {
  const res = await call(kit.app, 'PATCH', `/api/policy/regulations/${regulationId}`, {
    cookie: kit.cookies.policy,
    json: { supporterConfirmation: rule },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect((await readJson(res)).supporterConfirmation).toBe(rule);
}

describe('supporters who confirm with DigiD', () => {
  test('signs in through the broker, comes back to the page, sees the initiative and confirms', async () => {
    const app = await createDraft(kit);
    const inv = await invite(app.id, 'Pieter', 'pieter.mail@buurt.test');
    const before = await info(inv.token);
    expect(before).toMatchObject({
      reference: app.reference,
      confirmation: 'digid_or_code',
      digid: { available: true, signedInAs: null },
    });
    // What the form says the initiative is about, found through the definition.
    expect(before.description).toBe(demoFormData(kit.clock()).description);
    // Without a DigiD session the DigiD confirmation is refused: none at all, or a password one.
    expect((await confirmDigid(undefined, { token: inv.token, ...answers })).status).toBe(401);
    const password = await confirmDigid(kit.cookies.resident2, { token: inv.token, ...answers });
    expect(password.status).toBe(403);
    expect((await readJson(password)).invalidParams[0].name).toBe('digid');

    const cookie = await signInWithDigid('pieter', inv.token);
    expect((await info(inv.token, cookie)).digid.signedInAs).toBe('Pieter Buur');
    const ok = await confirmDigid(cookie, { token: inv.token, ...answers });
    expect(ok.status, await ok.clone().text()).toBe(200);
    // Confirming again on the same link is harmless.
    expect((await confirmDigid(cookie, { token: inv.token, ...answers })).status).toBe(200);

    const me = await readJson(await call(kit.app, 'GET', '/api/me', { cookie }));
    const row = await kit.t.db
      .selectFrom('supporters')
      .selectAll()
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ confirmed_how: 'digid', confirmed_user_id: me.id, age: 41 });
    expect(row.confirmed_identity).toMatch(/^bsn:[0-9a-f]{64}$/);

    const list = await readJson(
      await call(kit.app, 'GET', `/api/applications/${app.id}/supporters`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(list.items[0]).toMatchObject({ confirmedHow: 'digid', counts: true });
    expect(list.confirmed).toBe(1);
  });

  test('one person supports an application once: by account, by BSN, or by broker identity', async () => {
    const app = await createDraft(kit);
    const first = await invite(app.id, 'Pieter', 'p1@buurt.test');
    const second = await invite(app.id, 'Pieter nog eens', 'p2@buurt.test');
    const third = await invite(app.id, 'Pieter derde', 'p3@buurt.test');
    const cookie = await signInWithDigid('pieter', first.token);
    expect((await confirmDigid(cookie, { token: first.token, ...answers })).status).toBe(200);

    const again = await confirmDigid(cookie, { token: second.token, ...answers });
    expect(again.status).toBe(409);
    const problem = await readJson(again);
    expect(problem.invalidParams[0]).toMatchObject({ name: 'digid' });
    expect(problem.invalidParams[0].reason).toContain('al gesteund');
    // The same account with the mailed code of another invitation: refused too.
    const byCode = await call(kit.app, 'POST', '/api/supporters/confirm', {
      cookie,
      json: { ...second, ...answers },
    });
    expect(byCode.status).toBe(409);

    // Another account of the same person (same BSN): the same person.
    const other = await signInWithDigid('pieter-werk', second.token);
    const twice = await confirmDigid(other, { token: second.token, ...answers });
    expect(twice.status).toBe(409);

    // Someone else on the third invitation counts; and a broker identity without BSN, once.
    const lotte = await signInWithDigid('lotte', third.token);
    expect((await confirmDigid(lotte, { token: third.token, ...answers })).status).toBe(200);
    const fourth = await invite(app.id, 'Buurthuis', 'b1@buurt.test');
    const fifth = await invite(app.id, 'Buurthuis twee', 'b2@buurt.test');
    const eh = await signInWithDigid('eh-buurt', fourth.token);
    expect((await confirmDigid(eh, { token: fourth.token, ...answers })).status).toBe(200);
    expect((await confirmDigid(eh, { token: fifth.token, ...answers })).status).toBe(409);

    const list = await readJson(
      await call(kit.app, 'GET', `/api/applications/${app.id}/supporters`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(list.confirmed).toBe(3);
  });

  test('the applicant cannot be her own supporter through DigiD, under either account', async () => {
    // Femke signs up with DigiD and applies.
    const jar = new CookieJar();
    await dance(kit.app, jar, '/api/auth/oidc/resident/login?returnTo=/aanvragen', {
      account: 'femke',
    });
    const femke = jar.header(origin);
    const created = await call(kit.app, 'POST', '/api/applications', {
      cookie: femke,
      json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const own = await readJson(created);
    const inv = await invite(own.id, 'Femke privé', 'femke.prive@buurt.test', femke);
    const cookie = await signInWithDigid('femke', inv.token);
    const refused = await confirmDigid(cookie, { token: inv.token, ...answers });
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).invalidParams[0]).toMatchObject({
      name: 'digid',
      reason: 'U kunt uw eigen aanvraag niet steunen.',
    });
    const viaOther = await signInWithDigid('femke-tweede', inv.token);
    expect((await confirmDigid(viaOther, { token: inv.token, ...answers })).status).toBe(422);
  });

  test('where the regulation requires DigiD, the code alone is refused and no attempt is counted', async () => {
    const app = await createDraft(kit);
    const inv = await invite(app.id, 'Lotte', 'lotte.mail@buurt.test');
    await setRule(kit.regulationId, 'digid');
    try {
      expect((await info(inv.token)).confirmation).toBe('digid');
      const refused = await call(kit.app, 'POST', '/api/supporters/confirm', {
        json: { ...inv, ...answers },
        headers: { 'accept-language': 'en' },
      });
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const problem = await readJson(refused);
      expect(problem.invalidParams).toEqual([
        {
          name: 'code',
          reason:
            'For this grant scheme you confirm your support with DigiD; the code from the e-mail is not enough.',
        },
      ]);
      const row = await kit.t.db
        .selectFrom('supporters')
        .select(['failed_attempts', 'confirmed_at'])
        .where('email', '=', 'lotte.mail@buurt.test')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_attempts: 0, confirmed_at: null });

      const cookie = await signInWithDigid('lotte', inv.token);
      expect((await confirmDigid(cookie, { token: inv.token, ...answers })).status).toBe(200);

      // An invitation sent now asks for DigiD and gives no code that would not be enough.
      await call(kit.app, 'POST', `/api/applications/${app.id}/supporters`, {
        cookie: kit.cookies.resident,
        json: { name: 'Later', email: 'later@buurt.test' },
      });
      const mail = await kit.t.db
        .selectFrom('outbox')
        .select('body')
        .where('recipient_email', '=', 'later@buurt.test')
        .executeTakeFirstOrThrow();
      expect(mail.body).toContain('U logt daar in met DigiD.');
      expect(mail.body).not.toContain('code');
    } finally {
      await setRule(kit.regulationId, 'digid_or_code');
    }
  });

  test('a regulation says how supporters confirm; existing ones allow the code', async () => {
    const reg = await readJson(await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`));
    expect(reg.supporterConfirmation).toBe('digid_or_code');
    const bad = await call(kit.app, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
      cookie: kit.cookies.policy,
      json: { supporterConfirmation: 'paper' },
    });
    expect(bad.status).toBe(422);
    // Riding along with a change a second officer must approve, it is shown beside the rule now.
    const proposed = await call(kit.app, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
      cookie: kit.cookies.policy,
      json: { ceilingCents: 20_000_000, supporterConfirmation: 'digid', comment: 'Meer budget' },
    });
    expect(proposed.status).toBe(202);
    expect((await readJson(proposed)).proposal).toMatchObject({
      regulation: { current: { supporterConfirmation: 'digid_or_code' } },
      changes: { supporterConfirmation: 'digid' },
    });
  });
});
