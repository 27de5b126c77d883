import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createUser, loginAs, readBody, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

// Letters by post go to users.street/postcode/city. A resident registered at the desk without
// e-mail gets every letter by post, so the desk must record a whole address; a resident corrects
// their own on "Mijn gegevens" (PATCH /api/me). Refusals are problem+json naming the field.

let t: TestDatabase;
let app: TestApp;
let clerk: string;
let clerkEn: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createTestApp({ db: t.db });
  clerk = await loginAs(app, (await createUser(t.db, { roles: ['clerk'] })).email!);
  clerkEn = await loginAs(app, (await createUser(t.db, { roles: ['clerk'], locale: 'en' })).email!);
});
afterAll(() => t.close());

type Param = { name: string; reason: string };

async function problemOf(response: Response, status: number) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await readBody(response);
  return { body, params: body.invalidParams as Param[] };
}

const reasonOf = (params: Param[], name: string) => params.find((p) => p.name === name)?.reason;

describe('a resident registered at the desk', () => {
  it('without e-mail needs a whole postal address: 422 naming each missing field, by its label', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Henk Zonder Adres' },
    });
    const { body, params } = await problemOf(response, 422);
    expect(body.code).toBe('validation_failed');
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);
    expect(reasonOf(params, 'street')).toBe(
      'Straat en huisnummer ontbreekt. Brieven aan deze bewoner gaan per post, dus het postadres moet volledig zijn.',
    );
    expect(reasonOf(params, 'city')).toMatch(/^Woonplaats ontbreekt\./);
    const none = await t.db
      .selectFrom('users')
      .select('id')
      .where('name', '=', 'Henk Zonder Adres')
      .execute();
    expect(none).toEqual([]);
  });

  it('names only what is missing, in the language of the clerk', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerkEn,
      json: { name: 'Half Adres', street: 'Hoogstraat 1', city: 'Rotterdam' },
    });
    const { params } = await problemOf(response, 422);
    expect(params).toEqual([
      {
        name: 'postcode',
        reason:
          'Postcode is missing. Letters to this resident go by post, so the postal address must be complete.',
      },
    ]);
  });

  it('with letters by post chosen needs the address too, also with an e-mail address', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Post Gekozen', email: 'post-gekozen@example.org', letterChannel: 'paper' },
    });
    const { params } = await problemOf(response, 422);
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);

    const whole = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Post Gekozen',
        email: 'post-gekozen@example.org',
        letterChannel: 'paper',
        street: 'Hoogstraat 1',
        postcode: '3011pn',
        city: 'Rotterdam',
      },
    });
    expect(whole.status, await whole.clone().text()).toBe(201);
    const row = await t.db
      .selectFrom('users')
      .select(['letter_channel', 'postcode'])
      .where('email', '=', 'post-gekozen@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ letter_channel: 'paper', postcode: '3011 PN' });
  });

  it('with an e-mail address may be registered without a postal address, but not half a one', async () => {
    const bare = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Met Mail', email: 'met-mail@example.org' },
    });
    expect(bare.status, await bare.clone().text()).toBe(201);
    expect(await readBody(bare)).toMatchObject({ street: null, postcode: null, city: null });

    const half = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Half Met Mail', email: 'half-met-mail@example.org', street: 'Hoogstraat 1' },
    });
    const { params } = await problemOf(half, 422);
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode']);
    expect(reasonOf(params, 'postcode')).toBe(
      'Postcode ontbreekt. Vul het hele adres in: straat en huisnummer, postcode en woonplaats.',
    );
  });

  it('cannot get e-mail without an e-mail address', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Geen Mail',
        letterChannel: 'email',
        street: 'Hoogstraat 1',
        postcode: '3011 PN',
        city: 'Rotterdam',
      },
    });
    const { params } = await problemOf(response, 422);
    expect(params.map((p) => p.name)).toEqual(['letterChannel']);
  });

  it('refuses a postcode that is not Dutch, with a sentence naming it', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Foute Postcode',
        street: 'Hoogstraat 1',
        postcode: '0123 A',
        city: 'Rotterdam',
      },
    });
    const { params } = await problemOf(response, 422);
    expect(params).toEqual([
      { name: 'postcode', reason: 'Vul een Nederlandse postcode in, zoals 3011 AB.' },
    ]);
  });

  it('refuses odd bytes (400) and a street on two lines (422), naming the field', async () => {
    const nul = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Nul Teken', street: 'Hoogstraat\u0000 1', postcode: '3011 PN', city: 'R' },
    });
    expect((await problemOf(nul, 400)).params.map((p) => p.name)).toEqual(['street']);

    const twoLines = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Twee Regels',
        street: 'Hoogstraat\n1',
        postcode: '3011 PN',
        city: 'Rotterdam',
      },
    });
    const { params } = await problemOf(twoLines, 422);
    expect(params.map((p) => p.name)).toEqual(['street']);
    expect(params[0]!.reason).toMatch(/^Straat en huisnummer moet op één regel staan/);
  });

  it('keeps a name like Ayşe Yıldız-Çelik and her address as given', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Ayşe Yıldız-Çelik',
        street: 'Schiedamseweg 12b',
        postcode: '3026 AC',
        city: "'s-Gravenhage",
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await readBody(response)).toMatchObject({
      name: 'Ayşe Yıldız-Çelik',
      email: null,
      street: 'Schiedamseweg 12b',
      postcode: '3026 AC',
      city: "'s-Gravenhage",
    });
  });

  it('at the desk later: the address is corrected whole, not by halves', async () => {
    const resident = await createUser(t.db, { name: 'Later Bijgewerkt' });
    const half = await call(app, 'PATCH', `/api/users/${resident.id}`, {
      cookie: clerk,
      json: { street: null },
    });
    expect((await problemOf(half, 422)).params.map((p) => p.name)).toEqual(['street']);
    const moved = await call(app, 'PATCH', `/api/users/${resident.id}`, {
      cookie: clerk,
      json: { street: 'Kruiskade 55', postcode: '3012 EE' },
    });
    expect(moved.status).toBe(200);
    expect(await readBody(moved)).toMatchObject({ street: 'Kruiskade 55', city: 'Rotterdam' });
  });
});

describe('a resident corrects their own postal address (PATCH /api/me)', () => {
  it('changes it and reads it back', async () => {
    const resident = await createUser(t.db, { name: 'Ayşe Yıldız-Çelik' });
    const cookie = await loginAs(app, resident.email!);
    const response = await call(app, 'PATCH', '/api/me', {
      cookie,
      json: { street: 'Nieuwe Binnenweg 100', postcode: '3014gk', city: 'Rotterdam' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const me = await readBody(await call(app, 'GET', '/api/me', { cookie }));
    expect(me).toMatchObject({
      name: 'Ayşe Yıldız-Çelik',
      street: 'Nieuwe Binnenweg 100',
      postcode: '3014 GK',
      city: 'Rotterdam',
    });
  });

  it('refuses half an address, a wrong postcode and odd bytes, naming the field', async () => {
    const resident = await createUser(t.db);
    const cookie = await loginAs(app, resident.email!);
    const half = await call(app, 'PATCH', '/api/me', { cookie, json: { city: null } });
    expect((await problemOf(half, 422)).params).toEqual([
      {
        name: 'city',
        reason:
          'Woonplaats ontbreekt. Vul het hele adres in: straat en huisnummer, postcode en woonplaats.',
      },
    ]);
    const postcode = await call(app, 'PATCH', '/api/me', { cookie, json: { postcode: '12345' } });
    expect((await problemOf(postcode, 422)).params).toEqual([
      { name: 'postcode', reason: 'Vul een Nederlandse postcode in, zoals 3011 AB.' },
    ]);
    const nul = await call(app, 'PATCH', '/api/me', {
      cookie,
      json: { street: 'Coolsingel\u0000 40' },
    });
    expect((await problemOf(nul, 400)).params.map((p) => p.name)).toEqual(['street']);
    const lone = await call(app, 'PATCH', '/api/me', { cookie, json: { city: 'Rotterdam\ud800' } });
    expect((await problemOf(lone, 400)).params.map((p) => p.name)).toEqual(['city']);
    const stored = await readBody(await call(app, 'GET', '/api/me', { cookie }));
    expect(stored).toMatchObject({
      street: 'Coolsingel 40',
      postcode: '3011 AD',
      city: 'Rotterdam',
    });
  });

  it('may remove it while letters go by e-mail, never while they go by post', async () => {
    const resident = await createUser(t.db);
    const cookie = await loginAs(app, resident.email!);
    const empty = { street: null, postcode: null, city: null };
    expect((await call(app, 'PATCH', '/api/me', { cookie, json: empty })).status).toBe(200);
    await call(app, 'PATCH', '/api/me', {
      cookie,
      json: { street: 'Coolsingel 40', postcode: '3011 AD', city: 'Rotterdam' },
    });
    const post = await call(app, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    expect(post.status).toBe(200);
    const refused = await call(app, 'PATCH', '/api/me', { cookie, json: empty });
    const { params } = await problemOf(refused, 422);
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);
    expect(reasonOf(params, 'street')).toBe(
      'Straat en huisnummer ontbreekt. Uw brieven gaan per post naar dit adres, dus het moet volledig zijn.',
    );
  });
});

describe('letters by post need the whole address (PUT .../letter-channel)', () => {
  /** A resident with an e-mail address who removed her postal address (allowed: e-mail). */
  async function residentWithout(locale: 'nl' | 'en' = 'nl') {
    const resident = await createUser(t.db, { locale });
    const cookie = await loginAs(app, resident.email!);
    const empty = { street: null, postcode: null, city: null };
    const removed = await call(app, 'PATCH', '/api/me', { cookie, json: empty });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(await readBody(removed)).toMatchObject(empty);
    return { resident, cookie };
  }

  async function storedChannel(id: string) {
    const row = await t.db
      .selectFrom('users')
      .select('letter_channel')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.letter_channel;
  }

  it('refuses post for oneself without an address: 422 naming each field, in Dutch', async () => {
    const { resident, cookie } = await residentWithout();
    const response = await call(app, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    const { body, params } = await problemOf(response, 422);
    expect(body.code).toBe('validation_failed');
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);
    expect(reasonOf(params, 'street')).toBe(
      'Straat en huisnummer ontbreekt. Voor brieven per post hebben wij uw volledige postadres nodig. Vul dat eerst in en kies daarna voor post.',
    );
    expect(reasonOf(params, 'postcode')).toMatch(/^Postcode ontbreekt\. Voor brieven per post/);
    expect(await storedChannel(resident.id)).toBe('email');

    // With the whole address first, post is chosen.
    await call(app, 'PATCH', '/api/me', {
      cookie,
      json: { street: 'Coolsingel 40', postcode: '3011 AD', city: 'Rotterdam' },
    });
    const chosen = await call(app, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    expect(await storedChannel(resident.id)).toBe('paper');
  });

  it('says it in English to an English resident, and names only what is missing', async () => {
    const resident = await createUser(t.db, { locale: 'en' });
    const cookie = await loginAs(app, resident.email!);
    // An address kept from before the rule, without a town.
    await t.db.updateTable('users').set({ city: null }).where('id', '=', resident.id).execute();
    const response = await call(app, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    const { params } = await problemOf(response, 422);
    expect(params).toEqual([
      {
        name: 'city',
        reason:
          'Town is missing. For letters by post we need your complete postal address. Fill it in first, then choose post.',
      },
    ]);
    expect(await storedChannel(resident.id)).toBe('email');
  });

  it('refuses the desk recording post for a resident without an address, and allows e-mail', async () => {
    const { resident } = await residentWithout();
    const path = `/api/users/${resident.id}/letter-channel`;
    const refused = await call(app, 'PUT', path, { cookie: clerk, json: { channel: 'paper' } });
    const { params } = await problemOf(refused, 422);
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);
    expect(reasonOf(params, 'street')).toBe(
      'Straat en huisnummer ontbreekt. Voor brieven per post is het volledige postadres van de bewoner nodig. Vul dat eerst in en kies daarna voor post.',
    );
    expect(await storedChannel(resident.id)).toBe('email');
    const email = await call(app, 'PUT', path, { cookie: clerk, json: { channel: 'email' } });
    expect(email.status, await email.clone().text()).toBe(200);
  });

  it('refuses removing the address while letters go by post, in English too', async () => {
    const resident = await createUser(t.db, { locale: 'en' });
    const cookie = await loginAs(app, resident.email!);
    const post = await call(app, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    expect(post.status).toBe(200);
    const empty = { street: null, postcode: null, city: null };
    const refused = await call(app, 'PATCH', '/api/me', { cookie, json: empty });
    const { params } = await problemOf(refused, 422);
    expect(params.map((p) => p.name).sort()).toEqual(['city', 'postcode', 'street']);
    expect(reasonOf(params, 'postcode')).toBe(
      'Postcode is missing. Your letters go by post to this address, so it must be complete.',
    );
    // Back to e-mail, the address can go.
    await call(app, 'PUT', '/api/me/letter-channel', { cookie, json: { channel: 'email' } });
    const removed = await call(app, 'PATCH', '/api/me', { cookie, json: empty });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(await readBody(await call(app, 'GET', '/api/me', { cookie }))).toMatchObject(empty);
  });
});
