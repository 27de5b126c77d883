/**
 * Issue 19, finding 8 and 3: registration tells nobody whether an address is known (it mails
 * the owner instead), and an account a clerk made for someone's address is claimed by its owner
 * through a mailed one-time link; the same link sets a new password after "forgot password".
 */

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { composeMail, SUPPORTER_INVITATION } from '../messaging/mail.compose';
import { createFileTransport } from '../messaging/mail.transport';
import { markDone } from '../messaging/messaging.repository';
import {
  call,
  createTestApp,
  createUser,
  loginAs,
  readBody,
  type TestApp,
  testClock,
} from '../test/test-app';

const PASSWORD = 'Zwaanshals-straatfeest-2026';
let kit: Kit;
let app: TestApp;
let clock: ReturnType<typeof testClock>;

beforeAll(async () => {
  kit = await setupKit();
  clock = testClock();
  app = createTestApp({ db: kit.t.db, clock, config: { trustProxy: true } });
});
afterAll(() => kit.close());

/** The web app's address, as the links in the mails begin. */
const web = () => app.deps.config.publicUrl;

let addressNo = 0;
/** Every test from its own client address, so the address throttle is not the subject. */
const fresh = () => ({ 'x-forwarded-for': `203.0.113.${++addressNo}` });

function cookieFrom(response: Response): string | null {
  const match = /sid=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  return match ? `sid=${match[1]}` : null;
}

async function mailsTo(email: string) {
  return kit.t.db
    .selectFrom('outbox')
    .select(['template_key', 'subject', 'body', 'language', 'application_id', 'variables'])
    .where('recipient_email', '=', email)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The token of the one-time link in a mail body. */
function tokenIn(body: string | null, page: string): string {
  const match = new RegExp(`${page}\\?token=([A-Za-z0-9_-]+)`).exec(body ?? '');
  if (!match) throw new Error(`no ${page} link in: ${body}`);
  return match[1]!;
}

const register = (email: string, locale?: 'nl' | 'en') =>
  call(app, 'POST', '/api/auth/register', {
    json: { email, password: PASSWORD, name: 'Nieuwe Bewoner', ...(locale ? { locale } : {}) },
    headers: fresh(),
  });
const login = (email: string, password: string) =>
  call(app, 'POST', '/api/auth/login', { json: { email, password }, headers: fresh() });

describe('registration answers the same for a known and an unknown address', () => {
  it('same status and body, no session either way; the owner of the known address is mailed', async () => {
    const owner = await createUser(kit.t.db, { password: 'eigen-wachtwoord-van-de-eigenaar' });
    const known = await register(owner.email!.toUpperCase());
    const unknown = await register('nog-onbekend@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await readBody(known)).toEqual(await readBody(unknown));
    expect(cookieFrom(known)).toBeNull();
    expect(cookieFrom(unknown)).toBeNull();

    const [toOwner] = await mailsTo(owner.email!);
    expect(toOwner).toMatchObject({
      template_key: 'account_exists',
      language: 'nl',
      subject: 'Iemand probeerde een account te maken met uw e-mailadres',
      application_id: null,
      // About no application: from the municipality alone, kept with the mail.
      variables: { senderOrganisation: 'Gemeente Rotterdam' },
    });
    // The web's addresses in Dutch words, for a Dutch mail (the router reads either language).
    expect(toOwner!.body).toContain(`${web()}/inloggen`);
    tokenIn(toOwner!.body, `${web()}/wachtwoord-instellen`);
    expect(toOwner!.body).not.toMatch(/sign-in|set-password/);
    // Nothing about the owner's account changed: the old password still works, the new does not.
    expect((await login(owner.email!, PASSWORD)).status).toBe(401);
    expect((await login(owner.email!, 'eigen-wachtwoord-van-de-eigenaar')).status).toBe(200);
  });

  it('the mail to the owner is in the owner’s language', async () => {
    const owner = await createUser(kit.t.db, { locale: 'en' });
    expect((await register(owner.email!, 'nl')).status).toBe(202);
    const [mail] = await mailsTo(owner.email!);
    expect(mail).toMatchObject({
      language: 'en',
      subject: 'Someone tried to create an account with your e-mail address',
    });
    expect(mail!.body).toContain('Was it you? Then log in');
    expect(mail!.body).toContain('set a password with this link');
    // The web's addresses in English words, for an English mail.
    expect(mail!.body).toContain(`${web()}/sign-in`);
    tokenIn(mail!.body, `${web()}/set-password`);
    expect(mail!.body).not.toMatch(/inloggen|wachtwoord-instellen/);
    expect(mail!.variables).toEqual({
      senderOrganisation: 'City of Rotterdam (Gemeente Rotterdam)',
    });
  });

  it('a new account logs in only after following the link in its confirmation mail', async () => {
    const email = 'bevestig-mij@example.org';
    expect((await register(email, 'en')).status).toBe(202);
    // Before confirming, the password answers exactly like a wrong one.
    const early = await login(email, PASSWORD);
    const wrong = await login(email, 'een ander wachtwoord 42');
    expect(early.status).toBe(401);
    expect({ ...(await readBody(early)), instance: '' }).toEqual({
      ...(await readBody(wrong)),
      instance: '',
    });

    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ template_key: 'account_confirm', language: 'en' });
    const token = tokenIn(mail!.body, `${web()}/confirm-account`);
    expect(mail!.body).not.toContain('/account-bevestigen');
    const confirmed = await call(app, 'POST', '/api/auth/confirm', { json: { token } });
    expect(confirmed.status).toBe(200);
    expect(await readBody(confirmed)).toMatchObject({ email, roles: ['applicant'] });
    const cookie = cookieFrom(confirmed)!;
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
    expect((await login(email, PASSWORD)).status).toBe(200);

    const again = await call(app, 'POST', '/api/auth/confirm', { json: { token } });
    expect(again.status).toBe(422);
    const problem = await readBody(again);
    expect(problem.invalidParams[0].name).toBe('token');
    expect(problem.invalidParams[0].reason).toMatch(/link/);
  });
});

describe('an account made at the desk is claimed by the owner of its address', () => {
  it('registering mails the owner a link; after setting a password they see what was filed for them', async () => {
    const clerk = await call(app, 'POST', '/api/users', {
      cookie: kit.cookies.clerk,
      json: { name: 'Aan de Balie', email: 'balie-bewoner@example.org' },
    });
    expect(clerk.status).toBe(201);
    const resident = await readBody(clerk);
    const filed = await createDraft(kit, 'clerk', { applicantId: resident.id });

    // Registering with the address is not refused and not told apart.
    const attempt = await register('balie-bewoner@example.org');
    expect(attempt.status).toBe(202);
    const [mail] = await mailsTo('balie-bewoner@example.org');
    expect(mail!.template_key).toBe('account_exists');
    const token = tokenIn(mail!.body, '/wachtwoord-instellen');

    const set = await call(app, 'POST', '/api/auth/password', {
      json: { token, password: PASSWORD },
    });
    expect(set.status).toBe(200);
    expect(await readBody(set)).toMatchObject({ id: resident.id });

    const loggedIn = await login('balie-bewoner@example.org', PASSWORD);
    expect(loggedIn.status).toBe(200);
    const list = await call(app, 'GET', '/api/applications', { cookie: cookieFrom(loggedIn)! });
    expect(list.status).toBe(200);
    const ids = ((await readBody(list)).items as { id: string }[]).map((a) => a.id);
    expect(ids).toContain(filed.id);
  });

  it('asking for a link explains the desk account, in its language', async () => {
    const res = await call(app, 'POST', '/api/users', {
      cookie: kit.cookies.clerk,
      json: { name: 'Desk Resident', email: 'desk-en@example.org', locale: 'en' },
    });
    expect(res.status).toBe(201);
    const asked = await call(app, 'POST', '/api/auth/password-link', {
      json: { email: 'desk-en@example.org' },
      headers: fresh(),
    });
    expect(asked.status).toBe(202);
    const [mail] = await mailsTo('desk-en@example.org');
    expect(mail).toMatchObject({
      template_key: 'account_claim',
      language: 'en',
      subject: 'Use your account',
    });
    expect(mail!.body).toContain('made for you at the desk');
    tokenIn(mail!.body, `${web()}/set-password`);
  });
});

describe('forgot password: a mailed one-time link', () => {
  it('sets a new password once, ends every old session, and answers the same for unknown addresses', async () => {
    const user = await createUser(kit.t.db, { password: 'het-oude-wachtwoord-99' });
    const first = cookieFrom(await login(user.email!, 'het-oude-wachtwoord-99'))!;
    const second = cookieFrom(await login(user.email!, 'het-oude-wachtwoord-99'))!;

    const ask = (email: string) =>
      call(app, 'POST', '/api/auth/password-link', { json: { email }, headers: fresh() });
    const known = await ask(user.email!);
    const unknown = await ask('niemand-hier@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await readBody(known)).toEqual(await readBody(unknown));
    expect(await mailsTo('niemand-hier@example.org')).toHaveLength(0);

    const [mail] = await mailsTo(user.email!);
    expect(mail).toMatchObject({
      template_key: 'account_password',
      subject: 'Een nieuw wachtwoord instellen',
    });
    const expired = tokenIn(mail!.body, '/wachtwoord-instellen');
    clock.advance(61 * 60_000);
    const late = await call(app, 'POST', '/api/auth/password', {
      json: { token: expired, password: PASSWORD },
    });
    expect(late.status).toBe(422);

    await ask(user.email!);
    const token = tokenIn((await mailsTo(user.email!))[1]!.body, '/wachtwoord-instellen');
    const weak = await call(app, 'POST', '/api/auth/password', {
      json: { token, password: '            ' },
    });
    expect(weak.status).toBe(422);
    expect((await readBody(weak)).invalidParams[0].name).toBe('password');

    const set = await call(app, 'POST', '/api/auth/password', {
      json: { token, password: PASSWORD },
    });
    expect(set.status).toBe(200);
    for (const old of [first, second]) {
      expect((await call(app, 'GET', '/api/me', { cookie: old })).status).toBe(401);
    }
    expect((await call(app, 'GET', '/api/me', { cookie: cookieFrom(set)! })).status).toBe(200);
    expect((await login(user.email!, 'het-oude-wachtwoord-99')).status).toBe(401);
    expect((await login(user.email!, PASSWORD)).status).toBe(200);
    const twice = await call(app, 'POST', '/api/auth/password', {
      json: { token, password: 'nog-een-ander-wachtwoord-7' },
    });
    expect(twice.status).toBe(422);
  });

  it('clears the login wait of the account, so a stranger cannot keep its owner out', async () => {
    const user = await createUser(kit.t.db, { password: 'het-oude-wachtwoord-99' });
    for (let i = 0; i < 5; i++) {
      expect((await login(user.email!, 'geraden wachtwoord')).status).toBe(401);
    }
    expect((await login(user.email!, 'het-oude-wachtwoord-99')).status).toBe(429);
    await call(app, 'POST', '/api/auth/password-link', {
      json: { email: user.email },
      headers: fresh(),
    });
    const token = tokenIn((await mailsTo(user.email!))[0]!.body, '/wachtwoord-instellen');
    expect(
      (await call(app, 'POST', '/api/auth/password', { json: { token, password: PASSWORD } }))
        .status,
    ).toBe(200);
    expect((await login(user.email!, PASSWORD)).status).toBe(200);
  });

  it('mails one address only a few links before it must wait', async () => {
    const user = await createUser(kit.t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(app, 'POST', '/api/auth/password-link', {
        json: { email: user.email },
        headers: fresh(),
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(await mailsTo(user.email!)).toHaveLength(3);
  });
});

describe('the link is kept nowhere in the clear', () => {
  it('the database holds its hash; once the mail is sent the outbox no longer holds the link', async () => {
    const user = await createUser(kit.t.db);
    await call(app, 'POST', '/api/auth/password-link', {
      json: { email: user.email },
      headers: fresh(),
    });
    const row = await kit.t.db
      .selectFrom('outbox')
      .select(['id', 'body'])
      .where('recipient_email', '=', user.email)
      .executeTakeFirstOrThrow();
    const token = tokenIn(row.body, '/wachtwoord-instellen');
    const stored = await kit.t.db
      .selectFrom('account_tokens')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    await markDone(kit.t.db, [row.id], clock());
    const sent = await kit.t.db
      .selectFrom('outbox')
      .select('body')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(sent.body).not.toContain(token);
    expect(sent.body).toContain('/wachtwoord-instellen?token=(verstuurd/sent)');
    // The mail that went out still works.
    const set = await call(app, 'POST', '/api/auth/password', {
      json: { token, password: PASSWORD },
    });
    expect(set.status).toBe(200);
  });
});

describe('staff do not read account mails in the development mail drop', () => {
  it('lists and opens other mails, not the ones with someone’s link or code', async () => {
    const user = await createUser(kit.t.db);
    await call(app, 'POST', '/api/auth/password-link', {
      json: { email: user.email },
      headers: fresh(),
    });
    const row = await kit.t.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient_email', '=', user.email)
      .executeTakeFirstOrThrow();
    const mailDir = mkdtempSync(join(tmpdir(), 'account-mail-'));
    const transport = createFileTransport(mailDir);
    const options = {
      from: 'noreply@initiatief.example',
      publicUrl: 'http://localhost:3000',
      staffMailbox: 'staff@initiatief.example',
      attachLetters: false,
    };
    const composed = composeMail(row, null, options);
    // About an account, not an application: no "Bekijk uw aanvraag" to the start page.
    expect(row.application_id).toBeNull();
    expect(String(composed.text)).not.toContain('Bekijk uw aanvraag');
    expect(String(composed.html)).not.toContain('Bekijk uw aanvraag');
    await transport.send(composed);
    await transport.send(
      composeMail(
        { ...row, message_id: '<other@initiatief.example>', template_key: 'note' },
        null,
        options,
      ),
    );
    // A neighbour's invitation to confirm support carries their code: just as private.
    await transport.send(
      composeMail(
        {
          ...row,
          message_id: '<invite@initiatief.example>',
          template_key: SUPPORTER_INVITATION,
        },
        null,
        options,
      ),
    );
    transport.close();
    const privateFiles = readdirSync(mailDir).filter((n) =>
      readFileSync(join(mailDir, n), 'utf8').includes('X-Initiatief-Private'),
    );
    expect(privateFiles).toHaveLength(2);
    const [privateFile, invitation] = privateFiles;

    const local = createTestApp({ db: kit.t.db, clock, config: { mailDir } });
    const admin = await createUser(kit.t.db, { roles: ['admin'] });
    const cookie = await loginAs(local, admin.email!);
    const list = await readBody(await call(local, 'GET', '/api/mail-files', { cookie }));
    const names = (list.items as { name: string }[]).map((i) => i.name);
    expect(names).toHaveLength(1);
    expect(names).not.toContain(privateFile);
    expect(names).not.toContain(invitation);
    for (const file of privateFiles) {
      const open = await call(local, 'GET', `/api/mail-files/${encodeURIComponent(file)}`, {
        cookie,
      });
      expect(open.status).toBe(404);
    }
  });
});

describe('a known address is not told apart by timing either', () => {
  it('both answers hash the password', async () => {
    const timed = createTestApp({ db: kit.t.db, config: { loginMaxAttemptsPerAddress: 1000 } });
    const owner = await createUser(kit.t.db);
    const time = async (email: string) => {
      const started = performance.now();
      const r = await call(timed, 'POST', '/api/auth/register', {
        json: { email, password: PASSWORD, name: 'Tijd' },
      });
      expect(r.status).toBe(202);
      return performance.now() - started;
    };
    await time('opwarmen@example.org');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(owner.email!));
      unknown.push(await time(`tijd-${i}@example.org`));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(2.2);
  });
});
