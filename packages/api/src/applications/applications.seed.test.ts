import { afterAll, beforeAll, expect, test } from 'vitest';
import { SHIPPED_VERSIONS } from '../definitions/shipped-versions.fixture';
import { silentLogger } from '../logging/logger';
import { seedDemo } from '../seed/seed';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { seedDemoApplications } from './applications.seed';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

test('the demo seed: three districts per workflow and applications in several states, via the command path', async () => {
  await seedDemo(t.db, silentLogger());
  const regulations = await t.db
    .selectFrom('regulations')
    .select([
      'district',
      'max_amount_cents',
      'decision_term_weeks',
      'workflow_key',
      'workflow_version',
    ])
    .execute();
  // A new installation starts on the newest shipped version of each workflow.
  for (const r of regulations) {
    expect(r.workflow_version).toBe(SHIPPED_VERSIONS[r.workflow_key]!.at(-1));
  }
  for (const key of ['bewonersinitiatief', 'klein-buurtbudget']) {
    expect(
      regulations
        .filter((r) => r.workflow_key === key)
        .map((r) => r.district)
        .sort(),
    ).toEqual(['Charlois', 'Delfshaven', 'Feijenoord']);
  }
  // The small neighbourhood budget: at most EUR 1,500, decided within 4 weeks.
  for (const r of regulations.filter((r) => r.workflow_key === 'klein-buurtbudget')) {
    expect(r).toMatchObject({ max_amount_cents: 150_000, decision_term_weeks: 4 });
  }
  const small = await t.db
    .selectFrom('applications')
    .select(['state', 'granted_cents'])
    .where('definition_key', '=', 'klein-buurtbudget')
    .execute();
  expect(small.map((a) => a.state).sort()).toEqual(['draft', 'settled', 'submitted']);
  const states = await t.db.selectFrom('applications').select(['state']).execute();
  expect(new Set(states.map((s) => s.state))).toEqual(
    new Set([
      'draft',
      'submitted',
      'info_requested',
      'assessed',
      'granted',
      'rejected',
      'withdrawn',
      'settled',
    ]),
  );
  // Each demo initiative in its own words: a reader of the demo sees eleven plans, not one.
  const forms = await t.db.selectFrom('applications').select(['data']).execute();
  const data = forms.map(
    (f) => f.data as { description: string; budgetLines: { description: string }[] },
  );
  expect(new Set(data.map((d) => d.description)).size).toBe(data.length);
  const lines = data.flatMap((d) => d.budgetLines.map((l) => l.description));
  expect(lines.filter((l) => /^Post \d+$/.test(l))).toEqual([]);
  const history = await t.db.selectFrom('application_history').select('event').execute();
  expect(history.length).toBeGreaterThan(states.length);
  const onBehalf = await t.db
    .selectFrom('application_history')
    .select('on_behalf_of')
    .where('on_behalf_of', 'is not', null)
    .execute();
  expect(onBehalf.length).toBeGreaterThan(0);
  const outbox = await t.db.selectFrom('outbox').select('id').execute();
  expect(outbox.length).toBeGreaterThan(0);
  const budgets = await t.db.selectFrom('budgets').select(['reserved_cents']).execute();
  expect(budgets.some((b) => b.reserved_cents > 0)).toBe(true);
  // Running it again changes nothing.
  expect(await seedDemoApplications(t.db)).toEqual({ regulations: 0, applications: 0 });
});
