import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SHIPPED_VERSIONS } from '../definitions/shipped-versions.fixture';
import { call } from '../test/test-app';
import { demoSmallBudgetData, smallBudgetRegulation } from './applications.fixtures';
import { type Kit, readJson, sendEvent, setupKit, step } from './lifecycle.test-kit';

// The second shipped workflow through the real API: its own regulation, a short form, the
// regulation's maximum of EUR 1,500, a 4-week term, and the grant settled at once.
let kit: Kit;
let regulationId: string;
beforeAll(async () => {
  kit = await setupKit();
  regulationId = await smallBudgetRegulation(kit.t.db, {
    code: 'KB-TEST-2026',
    title: 'Klein buurtbudget Delfshaven 2026',
    district: 'Delfshaven',
  });
});
afterAll(() => kit.close());

async function apply(amountsCents: number[]) {
  const res = await call(kit.app, 'POST', '/api/applications', {
    cookie: kit.cookies.resident,
    json: { regulationId, data: demoSmallBudgetData(kit.clock(), { amountsCents }) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson(res);
}

describe('klein buurtbudget through the API', () => {
  test('both workflows are loaded from workflows/, in every version shipped', async () => {
    const rows = await kit.t.db
      .selectFrom('workflow_definitions')
      .select(['key', 'version'])
      .where('status', '=', 'published')
      .execute();
    // By key, then by number: version 10 after version 9.
    const order = (a: { key: string; version: number }, b: { key: string; version: number }) =>
      a.key.localeCompare(b.key) || a.version - b.version;
    expect(rows.sort(order).map((r) => `${r.key}@${r.version}`)).toEqual(
      Object.entries(SHIPPED_VERSIONS).flatMap(([key, versions]) =>
        versions.map((version) => `${key}@${version}`),
      ),
    );
  });

  test('apply, assess, grant: settled at once, budget committed, letters and mails', async () => {
    const draft = await apply([60_000, 35_000]);
    expect(draft.state).toBe('draft');
    // Its references are its own (the definition's referencePrefix), not the other workflow's.
    expect(draft.reference).toMatch(/^KB-\d{4}-\d{6}$/);
    // Its name is the field the definition declares as its title.
    expect(draft.title).toBe(draft.data.title);
    expect(draft.title.length).toBeGreaterThan(0);
    const submitted = await step(kit, 'resident', draft.id, 'SUBMIT');
    expect(submitted.state).toBe('submitted');
    await step(kit, 'assessor', draft.id, 'ASSESS', {
      recommendation: 'grant',
      motivation: 'Leuk voor de straat.',
    });
    const settled = await step(kit, 'approver', draft.id, 'GRANT', {
      conditions: 'Ruim na afloop de straat op.',
    });
    expect(settled.state).toBe('settled');

    const budget = await kit.t.db
      .selectFrom('budgets')
      .select(['reserved_cents', 'committed_cents'])
      .where('regulation_id', '=', regulationId)
      .executeTakeFirstOrThrow();
    expect(budget).toEqual({ reserved_cents: 0, committed_cents: 95_000 });

    const letters = await kit.t.db
      .selectFrom('documents')
      .select(['kind', 'template_key', 'subject', 'objection_deadline'])
      .where('application_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(letters.map((l) => `${l.kind}:${l.template_key}`)).toEqual([
      'acknowledgement:acknowledgement',
      'grant:grant_direct',
    ]);
    expect(letters[1]!.subject).toContain('buurtbudget toegekend en vastgesteld');
    expect(letters[1]!.objection_deadline).toBeTruthy();
    const mails = await kit.t.db
      .selectFrom('outbox')
      .select(['template_key', 'body'])
      .where('application_id', '=', draft.id)
      .where('kind', '=', 'mail')
      .execute();
    expect(mails.map((m) => m.template_key)).toEqual(
      expect.arrayContaining(['acknowledgement', 'new_application', 'decision']),
    );
    expect(mails.find((m) => m.template_key === 'decision')?.body).toContain('bezwaar');
  });

  test('the decision is due 4 weeks after receipt', async () => {
    const draft = await apply([50_000]);
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const row = await kit.t.db
      .selectFrom('applications')
      .select(['decision_due_on', 'submitted_at'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    const received = new Date(row.submitted_at!).getTime();
    const due = new Date(`${row.decision_due_on}T12:00:00Z`).getTime();
    expect(Math.round((due - received) / 86_400_000)).toBeGreaterThanOrEqual(28);
    expect(Math.round((due - received) / 86_400_000)).toBeLessThanOrEqual(31);
  });

  test('more than EUR 1,500 is refused at SUBMIT, in words', async () => {
    const draft = await apply([100_000, 60_000]);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.invalidParams[0].reason).toBe(
      'Het totaal van Begroting (€ 1.600,00) is hoger dan het maximum van de regeling (€ 1.500,00).',
    );
  });
});
