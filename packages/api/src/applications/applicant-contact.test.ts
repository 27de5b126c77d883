/**
 * Staff read with an application how its applicant is reached: the channel her letters take
 * now, her e-mail, the phone number the desk noted and her postal address. The applicant, and
 * anyone else who is not staff, reads none of it with the application.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import {
  type AnyJson,
  ASSESS_GRANT,
  createDraft,
  type Kit,
  type Persona,
  readJson,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function contactOf(as: Persona, id: string): Promise<AnyJson> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await readJson(res)).applicantContact as AnyJson;
}

describe('the applicant contact on an application', () => {
  test('a resident the desk filed for without e-mail: paper, her address and phone', async () => {
    const made = await call(kit.app, 'POST', '/api/users', {
      cookie: kit.cookies.clerk,
      json: {
        name: 'Ayşe Yıldız-Çelik',
        street: 'Zwart Janstraat 12b',
        postcode: '3035at',
        city: 'Rotterdam',
        phone: '010 123 45 67',
      },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const resident = await readJson(made);
    const app = await createDraft(kit, 'clerk', { applicantId: resident.id as string });
    await step(kit, 'clerk', app.id as string, 'SUBMIT');

    for (const as of ['assessor', 'approver', 'clerk'] as const) {
      expect(await contactOf(as, app.id as string)).toEqual({
        letters: 'paper',
        email: null,
        phone: '010 123 45 67',
        postalAddress: { street: 'Zwart Janstraat 12b', postcode: '3035 AT', city: 'Rotterdam' },
      });
    }
  });

  test('a resident who chose e-mail: e-mail; she herself reads no contact', async () => {
    const choose = await call(kit.app, 'PUT', '/api/me/letter-channel', {
      cookie: kit.cookies.resident2,
      json: { channel: 'email' },
    });
    expect(choose.status, await choose.clone().text()).toBe(200);
    const app = await createDraft(kit, 'resident2');
    const contact = await contactOf('assessor', app.id as string);
    expect(contact.letters).toBe('email');
    expect(contact.email).toMatch(/@/);
    expect(contact.phone).toBeNull();
    expect(await contactOf('resident2', app.id as string)).toBeNull();
  });

  test('the answer of a step carries it for staff, not for the resident', async () => {
    const app = await createDraft(kit, 'resident');
    const submitted = await step(kit, 'resident', app.id as string, 'SUBMIT');
    expect(submitted.applicantContact).toBeNull();
    const assessed = await step(kit, 'assessor', app.id as string, 'ASSESS', ASSESS_GRANT);
    expect((assessed.applicantContact as AnyJson).letters).toMatch(/^(email|paper)$/);
  });
});
