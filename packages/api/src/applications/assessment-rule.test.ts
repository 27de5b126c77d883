/**
 * The assessor's advice to reject carries no proposed amount when the definition says the amount
 * belongs with the advice to grant (`x-showWhen` on ASSESS's `amountCents`): a 422 naming the
 * field, in Dutch and English by the labels of both fields and of the advice, and nothing
 * changes. Published versions are immutable, so the rule comes with version 3 of the shipped
 * workflows; version 1 still takes an amount with either advice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { demoFormData, onlyFormFields } from './applications.fixtures';
import { assessmentRuleVersion } from './assessment-rule.fixture';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
let regulationId: string;
let next: Awaited<ReturnType<typeof assessmentRuleVersion>>;

beforeAll(async () => {
  kit = await setupKit();
  next = await assessmentRuleVersion(kit.t.db, kit.workflow.key, kit.clock());
  regulationId = await createRegulation(kit.t, next);
});
afterAll(() => kit.close());

async function submitted(onRegulation = regulationId) {
  const draft = await createDraft(kit, 'resident', {
    regulationId: onRegulation,
    data:
      onRegulation === regulationId
        ? onlyFormFields(next.definition, demoFormData(kit.clock()))
        : demoFormData(kit.clock()),
  });
  return step(kit, 'resident', draft.id, 'SUBMIT');
}

async function detail(id: string) {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, {
    cookie: kit.cookies.assessor,
  });
  expect(res.status).toBe(200);
  return readJson(res);
}

const REJECT = { recommendation: 'reject', motivation: 'Past niet bij het wijkakkoord.' };

describe('a proposed amount with the advice to reject', () => {
  test('is refused: 422 problem+json naming the field; nothing changes', async () => {
    const app = await submitted();
    const before = await detail(app.id);

    const res = await sendEvent(kit, 'assessor', app.id, 'ASSESS', {
      ...REJECT,
      amountCents: 50_000,
    });
    expect(res.status, await res.clone().text()).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await readJson(res);
    expect(body.code).toBe('validation_failed');
    expect(body.invalidParams).toEqual([
      {
        name: 'amountCents',
        reason:
          'Voorgesteld bedrag hoort alleen bij Advies: Verlenen. Laat het leeg, of kies bij Advies Verlenen.',
      },
    ]);

    const after = await detail(app.id);
    expect(after.state).toBe('submitted');
    expect(after.version).toBe(before.version);
  });

  test('the refusal in English for an English reader', async () => {
    const app = await submitted();
    const res = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie: kit.cookies.assessor,
      json: { type: 'ASSESS', payload: { ...REJECT, amountCents: 50_000 } },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams).toEqual([
      {
        name: 'amountCents',
        reason:
          'Proposed amount only applies when Recommendation is Grant. Leave it empty, or choose Grant for Recommendation.',
      },
    ]);
  });

  test('without the amount the advice to reject is taken', async () => {
    const app = await submitted();
    expect((await step(kit, 'assessor', app.id, 'ASSESS', REJECT)).state).toBe('assessed');
  });

  test('with the advice to grant the amount is taken, and so is no amount', async () => {
    const withAmount = await submitted();
    const advice = { recommendation: 'grant', motivation: 'Goed plan.' };
    expect(
      (await step(kit, 'assessor', withAmount.id, 'ASSESS', { ...advice, amountCents: 50_000 }))
        .state,
    ).toBe('assessed');
    const without = await submitted();
    expect((await step(kit, 'assessor', without.id, 'ASSESS', advice)).state).toBe('assessed');
  });

  test('version 1 is published and never changes: it still takes the amount', async () => {
    const app = await submitted(kit.regulationId);
    const res = await sendEvent(kit, 'assessor', app.id, 'ASSESS', {
      ...REJECT,
      amountCents: 50_000,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });
});
