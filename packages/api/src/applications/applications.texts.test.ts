import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, createUser, loginAs } from '../test/test-app';
import { createDraft, type Kit, readJson, sendEvent, setupKit } from './lifecycle.test-kit';

// C2: the engine's sentences reach the person in their own language, naming fields by label.
let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function reasons(res: Response): Promise<Record<string, string>> {
  expect(res.status, await res.clone().text()).toBe(422);
  const body = await readJson(res);
  return Object.fromEntries(
    body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]),
  );
}

describe('invalidParams speak the user’s language', () => {
  test('a Dutch resident gets Dutch sentences with the definition’s labels', async () => {
    const draft = await createDraft(kit, 'resident', {
      data: { title: 'Buurtfeest', budgetLines: [{ description: 'Tent' }] },
    });
    const byName = await reasons(await sendEvent(kit, 'resident', draft.id, 'SUBMIT'));
    expect(byName['data.description']).toBe('Beschrijving ontbreekt.');
    expect(byName['data.budgetLines.0.amountCents']).toBe('Begroting, regel 1: Bedrag ontbreekt.');
    expect(byName['data.iban']).toBe('IBAN-rekeningnummer ontbreekt.');
  });

  test('an English-speaking resident gets English; money in English format', async () => {
    const resident = await createUser(kit.t.db, { roles: ['applicant'], locale: 'en' });
    const cookie = await loginAs(kit.app, resident.email!);
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie,
      json: {
        regulationId: kit.regulationId,
        data: { budgetLines: [{ description: 'Stage', amountCents: 2_500_000 }] },
      },
    });
    const byName = await reasons(res);
    expect(byName['data.budgetLines.0.amountCents']).toBe(
      'Budget, line 1: Amount must be at most €20,000.00.',
    );
  });

  test('a payload problem names the payload field by its label', async () => {
    const draft = await createDraft(kit);
    const submitted = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const byName = await reasons(
      await sendEvent(kit, 'assessor', draft.id, 'REQUEST_INFO', { periodDays: 0 }),
    );
    expect(byName).toEqual({
      message: 'Gevraagde aanvulling ontbreekt.',
      periodDays: 'Termijn voor de aanvulling (dagen) moet minstens 1 zijn.',
    });
  });
});
