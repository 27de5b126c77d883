/**
 * An answer to a request for information (Awb 4:5) that gives nothing is refused when the
 * definition says so (`x-atLeastOneOf` on the event's payload): a 422 naming the fields by their
 * labels, and nothing changes: the request stays open and the decision clock suspended (4:15).
 * Published versions are immutable, so the rule comes with version 2 of the shipped workflow (and
 * stays in version 3).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, TEST_ORIGIN } from '../test/test-app';
import { demoFormData, onlyFormFields } from './applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';
import { supplementRuleVersion } from './supplement-rule.fixture';

let kit: Kit;
let regulationId: string;
let next: Awaited<ReturnType<typeof supplementRuleVersion>>;

beforeAll(async () => {
  kit = await setupKit();
  next = await supplementRuleVersion(kit.t.db, kit.workflow.key, kit.clock());
  regulationId = await createRegulation(kit.t, next);
});
afterAll(() => kit.close());

async function infoRequested() {
  const draft = await createDraft(kit, 'resident', {
    regulationId,
    data: onlyFormFields(next.definition, demoFormData(kit.clock())),
  });
  await step(kit, 'resident', draft.id, 'SUBMIT');
  return step(kit, 'assessor', draft.id, 'REQUEST_INFO', {
    message: 'Graag een offerte voor het podium.',
    periodDays: 14,
  });
}

async function detail(id: string) {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
  });
  expect(res.status).toBe(200);
  return readJson(res);
}

describe('an empty supplement', () => {
  test.each([
    ['no payload', undefined],
    ['an empty payload', {}],
    ['a blank explanation and no files', { message: '   ', attachments: [] }],
  ])('%s: 422 naming the fields, the request stays open', async (_, payload) => {
    const asked = await infoRequested();
    expect(asked.state).toBe('info_requested');
    const before = await detail(asked.id);
    expect(before.clock.suspended).toBe(true);

    const res = await sendEvent(kit, 'resident', asked.id, 'SUPPLEMENT', payload);
    expect(res.status, await res.clone().text()).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await readJson(res);
    expect(body.code).toBe('validation_failed');
    expect(body.invalidParams).toEqual([
      { name: 'message', reason: 'Minstens één hiervan is nodig: Toelichting of Bijlagen.' },
    ]);

    const after = await detail(asked.id);
    expect(after.state).toBe('info_requested');
    expect(after.version).toBe(before.version);
    expect(after.clock).toEqual(before.clock);
  });

  test('an explanation alone answers the request and the clock runs again', async () => {
    const asked = await infoRequested();
    const answered = await step(kit, 'resident', asked.id, 'SUPPLEMENT', {
      message: 'De offerte stuur ik per post.',
    });
    expect(answered.state).toBe('submitted');
    expect((await detail(asked.id)).clock.suspended).toBe(false);
  });

  test("another application's file is refused as an answer, and one's own is taken", async () => {
    const asked = await infoRequested();
    const other = await infoRequested();
    const upload = async (id: string) => {
      const form = new FormData();
      form.set('file', new File([PDF], 'Offerte podium.pdf', { type: 'application/pdf' }));
      const res = await kit.app.request(`/api/applications/${id}/attachments`, {
        method: 'POST',
        headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident },
        body: form,
      });
      expect(res.status).toBe(201);
      return (await readJson(res)).id as string;
    };
    const foreign = await upload(other.id);
    const before = await detail(asked.id);
    const res = await sendEvent(kit, 'resident', asked.id, 'SUPPLEMENT', {
      attachments: [foreign],
    });
    expect(res.status, await res.clone().text()).toBe(422);
    const body = await readJson(res);
    expect(body.invalidParams).toEqual([
      {
        name: 'payload.attachments.0',
        reason: 'Dit bestand hoort niet bij deze aanvraag. Voeg het opnieuw toe.',
      },
    ]);
    expect((await detail(asked.id)).version).toBe(before.version);

    const own = await upload(asked.id);
    const answered = await step(kit, 'resident', asked.id, 'SUPPLEMENT', { attachments: [own] });
    expect(answered.state).toBe('submitted');
  });
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
