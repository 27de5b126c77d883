import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  applicationIn,
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

// Issue 19 through the HTTP API: findings 1 (rules skipped by a supplement), 7 (SUBMIT without
// payload schema) and 10 (report before the activity; decision due after the activity).

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(async () => {
  await kit?.close();
});

describe('finding 1: a supplement cannot skip the rules of SUBMIT', () => {
  test('removing IBAN and supporters in the supplement is 422, nothing changes', async () => {
    const app = await applicationIn(kit, 'info_requested');
    const res = await sendEvent(kit, 'resident', app.id, 'SUPPLEMENT', {
      data: { iban: null, supporters: [] },
      message: 'Hierbij.',
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).guard).toBe('formComplete');
    const after = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident,
    });
    expect((await readJson(after)).state).toBe('info_requested');
  });

  test('edits saved while information is requested are checked at the supplement', async () => {
    const app = await applicationIn(kit, 'info_requested');
    const lines = Array.from({ length: 50 }, (_, i) => ({
      description: `Post ${i + 1}`,
      amountCents: 2_000_000,
    }));
    const patch = await call(kit.app, 'PATCH', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { budgetLines: lines } },
      headers: { 'if-match': `"${app.version}"` },
    });
    expect(patch.status, await patch.clone().text()).toBe(200);
    const res = await sendEvent(kit, 'resident', app.id, 'SUPPLEMENT', {});
    expect(res.status).toBe(422);
    expect((await readJson(res)).guard).toBe('amountAtMost');
  });
});

describe('finding 7: SUBMIT takes no payload', () => {
  test('junk in its payload is refused before anything is written', async () => {
    const draft = await createDraft(kit);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', { junk: 'x'.repeat(9000) });
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.invalidParams[0].name).toBe('junk');
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('event')
      .where('application_id', '=', draft.id)
      .execute();
    expect(history.map((h) => h.event)).toEqual(['CREATE']);
  });
});

describe('finding 10: a decision due after the activity is flagged and explained', () => {
  test('activity 6 weeks ahead: the queue row is flagged, the resident reads what it means', async () => {
    const draft = await createDraft(kit, 'resident', {
      data: demoFormData(kit.clock(), { weeksAhead: 6, title: 'Buurtbarbecue' }),
    });
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const ok = await applicationIn(kit, 'submitted'); // 10 weeks ahead: not flagged
    const queue = await call(kit.app, 'GET', '/api/queue?limit=100', {
      cookie: kit.cookies.assessor,
    });
    const items = (await readJson(queue)).items as { id: string; decisionAfterActivity: boolean }[];
    expect(items.find((i) => i.id === draft.id)?.decisionAfterActivity).toBe(true);
    expect(items.find((i) => i.id === ok.id)?.decisionAfterActivity).toBe(false);

    const detail = await readJson(
      await call(kit.app, 'GET', `/api/applications/${draft.id}`, { cookie: kit.cookies.resident }),
    );
    expect(detail.clock.decisionAfterActivity).toBe(true);
    expect(detail.warnings).toHaveLength(1);
    expect(detail.warnings[0].key).toBe('decision_after_activity');
    expect(detail.warnings[0].text.nl).toMatch(/^De gemeente heeft tot .* om te beslissen/);
    expect(detail.warnings[0].text.en).toContain('at your own risk');
  });
});
