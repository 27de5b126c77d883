import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createUser, loginAs, readBody, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { houseNumberOf, similarNames } from './duplicate-residents';

// Found in an audit: Ayşe Yıldız-Çelik was registered, and the desk then registered
// "Ayse Yildiz-Celik" at the same postcode and house number without a word. Her applications and
// letters were split over two accounts.

let t: TestDatabase;
let app: TestApp;
let clerk: string;
let clerkEn: string;
let ayse: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createTestApp({ db: t.db });
  clerk = await loginAs(app, (await createUser(t.db, { roles: ['clerk'] })).email!);
  clerkEn = await loginAs(app, (await createUser(t.db, { roles: ['clerk'], locale: 'en' })).email!);
  ayse = (
    await createUser(t.db, {
      name: 'Ayşe Yıldız-Çelik',
      street: 'Schiedamseweg 12b',
      postcode: '3026 AC',
      city: 'Rotterdam',
    })
  ).id;
});
afterAll(() => t.close());

const AYSE_AGAIN = {
  name: 'Ayse Yildiz-Celik',
  street: 'Schiedamseweg 12B',
  postcode: '3026ac',
  city: 'Rotterdam',
};

function register(json: Record<string, unknown>, cookie = clerk) {
  return call(app, 'POST', '/api/users', { cookie, json });
}

const named = (name: string) =>
  t.db.selectFrom('users').select(['id', 'name']).where('name', '=', name).execute();

describe('registering a resident who may exist already', () => {
  it('is refused with 409 and the residents who look the same, diacritics and case aside', async () => {
    const response = await register(AYSE_AGAIN);
    expect(response.status, await response.clone().text()).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readBody(response);
    expect(problem.code).toBe('conflict');
    expect(problem.detail).toMatch(
      /^Er staan al bewoners geregistreerd die op deze bewoner lijken/,
    );
    expect(problem.detail).toContain('Residents who look like this one are already registered');
    expect(problem.invalidParams).toEqual([
      { name: 'confirmedDifferent', reason: expect.stringMatching(/^Er staan al bewoners/) },
    ]);
    expect(problem.candidates).toEqual([
      expect.objectContaining({
        id: ayse,
        name: 'Ayşe Yıldız-Çelik',
        street: 'Schiedamseweg 12b',
        postcode: '3026 AC',
        city: 'Rotterdam',
        matchedOn: ['address'],
      }),
    ]);
    expect(problem.candidates[0]).not.toHaveProperty('password_hash');
    expect(await named('Ayse Yildiz-Celik')).toEqual([]);
  });

  it.each([
    'AYSE YILDIZ CELIK',
    'Ayşe Yıldız',
    'Yildiz-Celik, Ayse',
    'A. Yıldız-Çelik',
    'Ayse Yildiz Çelík',
  ])('finds her under %j too, and says so in the language of the clerk', async (name) => {
    const response = await register({ ...AYSE_AGAIN, name }, clerkEn);
    expect(response.status).toBe(409);
    const problem = await readBody(response);
    expect(problem.candidates.map((c: { id: string }) => c.id)).toEqual([ayse]);
    expect(problem.invalidParams[0].reason).toMatch(/^Residents who look like this one/);
  });

  it('registers her when the clerk confirms it is someone else, and records that', async () => {
    const response = await register({ ...AYSE_AGAIN, confirmedDifferent: true });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = await readBody(response);
    expect(created).toMatchObject({ name: 'Ayse Yildiz-Celik', postcode: '3026 AC' });
    const audit = await t.db
      .selectFrom('account_audit')
      .selectAll()
      .where('target_id', '=', created.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'created' });
    expect(audit[0]!.details).toMatchObject({
      confirmedDifferent: true,
      differentFrom: [{ id: ayse, name: 'Ayşe Yıldız-Çelik', on: ['address'] }],
    });
    // Now both look like a third registration of the same name.
    const third = await readBody(await register(AYSE_AGAIN));
    expect(third.candidates.map((c: { id: string }) => c.id).sort()).toEqual(
      [ayse, created.id].sort(),
    );
  });

  it('lets a different name at the same address through, and the same name elsewhere', async () => {
    const neighbour = await register({ ...AYSE_AGAIN, name: 'Mehmet Yıldız' });
    expect(neighbour.status, await neighbour.clone().text()).toBe(201);
    const otherHouse = await register({ ...AYSE_AGAIN, street: 'Schiedamseweg 14' });
    expect(otherHouse.status, await otherHouse.clone().text()).toBe(201);
    const otherPostcode = await register({ ...AYSE_AGAIN, postcode: '3011 PN' });
    expect(otherPostcode.status, await otherPostcode.clone().text()).toBe(201);
    // No confirmation was needed, so nothing was recorded for them.
    const audit = await t.db
      .selectFrom('account_audit')
      .select('id')
      .where('target_id', '=', (await readBody(neighbour)).id)
      .execute();
    expect(audit).toEqual([]);
  });

  it('looks at the same phone number with a similar name too', async () => {
    await createUser(t.db, { name: 'Jan de Vries', street: 'Coolsingel 40', postcode: '3011 AD' });
    const first = await register({
      name: 'Jan de Vries',
      email: 'jan.devries@example.org',
      phone: '06 1234 5678',
    });
    expect(first.status, await first.clone().text()).toBe(201);
    const again = await register({
      name: 'J. de Vries',
      street: 'Mathenesserlaan 214',
      postcode: '3022 AB',
      city: 'Rotterdam',
      phone: '+31 6 12345678',
    });
    expect(again.status).toBe(409);
    const problem = await readBody(again);
    expect(problem.candidates).toEqual([
      expect.objectContaining({ id: (await readBody(first)).id, matchedOn: ['phone'] }),
    ]);
  });

  it('names an existing account with the e-mail address, and never registers it twice', async () => {
    const existing = await createUser(t.db, { name: 'Henk Mail', email: 'henk.mail@example.org' });
    for (const confirmedDifferent of [false, true]) {
      const response = await register({
        name: 'Henk Mail',
        email: 'HENK.mail@example.org',
        confirmedDifferent,
      });
      expect(response.status).toBe(409);
      const problem = await readBody(response);
      expect(problem.invalidParams.map((p: { name: string }) => p.name)).toEqual(['email']);
      expect(problem.candidates).toEqual([
        expect.objectContaining({ id: existing.id, matchedOn: ['email'] }),
      ]);
    }
  });

  it('refuses a confirmation that is not a boolean, naming the field', async () => {
    const response = await register({ ...AYSE_AGAIN, confirmedDifferent: 'ja' });
    expect(response.status).toBe(422);
    const problem = await readBody(response);
    expect(problem.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'confirmedDifferent',
    ]);
  });
});

describe('names and house numbers', () => {
  it.each([
    ['ayse yildiz celik', 'ayse yildiz celik', true],
    ['ayse yildiz', 'ayse yildiz celik', true],
    ['yildiz celik ayse', 'ayse yildiz celik', true],
    ['j  de vries', 'jan de vries', true],
    ['mohamed el amrani', 'mohammed el amrani', true],
    ['henk jansen', 'henk janssen', true],
    ['jan de vries', 'marie de vries', false],
    ['j de vries', 'p de vries', false],
    ['a', 'ayse yildiz', false],
    ['jan', 'jans', false],
    ['mehmet yildiz', 'ayse yildiz celik', false],
  ])('%j and %j similar: %s', (a, b, similar) => {
    expect(similarNames(a, b)).toBe(similar);
    expect(similarNames(b, a)).toBe(similar);
  });

  it.each([
    ['Hoogstraat 1', '1'],
    ['Schiedamseweg 12b', '12'],
    ['Kade 3-b', '3'],
    ['Laan 7 A', '7'],
    ['Straat 12-2', '12'],
    ['Straat 012 hs', '12'],
    ['1e Middellandstraat 5', '5'],
    ['Postbus', null],
    [null, null],
  ])('the house number of %j is %j', (street, number) => {
    expect(houseNumberOf(street)).toBe(number);
  });
});
