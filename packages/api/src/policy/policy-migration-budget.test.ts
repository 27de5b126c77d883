/**
 * Migration and the budget (issue 14): an application that holds a reservation keeps it only
 * where the target state means "granted". Out of a granted state into one of another kind is
 * refused, and nothing moves in the ledger; where the target state of the same kind is not of
 * the granted kind (a version that says so), the reservation is released through the ledger,
 * and the budget, the ledger and the application agree afterwards, as the dry run said.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  type Kit,
  nextDraftVersion,
  readJson,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
let second = '';
const base = '/api/policy/definitions/bewonersinitiatief';
const AMOUNT = 250_000;
/** Granted on version 1, where "Verleend" is of the granted kind. */
let onV1 = '';
/** Granted on the next version (NOT_GRANTED), where "Verleend" is not. */
let onV2 = '';
/** The two versions this file publishes, after the newest shipped one. */
let NOT_GRANTED = 0;
let RETITLED = 0;

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Json = Record<string, any>;

const asPolicy = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json, headers });

async function ok(res: Response, status = 200): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}

/** A new version made from `from`, changed by `edit`, proposed and approved by two officers. */
async function publish(from: number, edit: (d: Json) => void): Promise<number> {
  const draft = await ok(await asPolicy('POST', `${base}/drafts`, { fromVersion: from }), 201);
  const def = structuredClone(draft.definition);
  edit(def);
  await ok(
    await asPolicy(
      'PUT',
      `${base}/versions/${draft.version}`,
      { definition: def },
      { 'if-match': `"r${draft.revision}"` },
    ),
  );
  const { proposal } = await ok(
    await asPolicy('POST', `${base}/versions/${draft.version}/publish`, { comment: 'Proef.' }),
    202,
  );
  await ok(
    await call(kit.app, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {
      cookie: second,
      json: {},
    }),
  );
  return draft.version;
}

/** Everything the budget knows, to compare before and after. */
async function books() {
  const budget = await kit.t.db
    .selectFrom('budgets')
    .select(['reserved_cents', 'committed_cents'])
    .where('regulation_id', '=', kit.regulationId)
    .executeTakeFirstOrThrow();
  const ledger = await kit.t.db
    .selectFrom('budget_ledger')
    .select(['application_id', 'kind', 'amount_cents'])
    .where('regulation_id', '=', kit.regulationId)
    .orderBy('id')
    .execute();
  const apps = await kit.t.db
    .selectFrom('applications')
    .select(['id', 'state', 'definition_version', 'snapshot'])
    .where('regulation_id', '=', kit.regulationId)
    .execute();
  return {
    budget,
    ledger,
    apps: apps.map(({ snapshot, ...a }) => ({
      ...a,
      reservedCents: (snapshot as Json).context.reservedCents as number,
    })),
  };
}

/** The ledger balances: per application and in total it says what the budget and rows hold. */
function expectBalanced(b: Awaited<ReturnType<typeof books>>) {
  const net = new Map<string, number>();
  let reserved = 0;
  let committed = 0;
  for (const row of b.ledger) {
    const sign = row.kind === 'reserve' ? 1 : -1;
    net.set(row.application_id, (net.get(row.application_id) ?? 0) + sign * row.amount_cents);
    if (row.kind === 'reserve') reserved += row.amount_cents;
    else reserved -= row.amount_cents;
    if (row.kind === 'commit') committed += row.amount_cents;
  }
  expect(b.budget).toEqual({ reserved_cents: reserved, committed_cents: committed });
  for (const app of b.apps) {
    expect(app.reservedCents, `reservation of ${app.state}`).toBe(net.get(app.id) ?? 0);
  }
}

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'] });
  second = await loginAs(kit.app, user.email!);
  onV1 = (await applicationIn(kit, 'granted', { amountsCents: [AMOUNT] })).id;
  NOT_GRANTED = await nextDraftVersion('bewonersinitiatief');
  RETITLED = NOT_GRANTED + 1;
  // The next version: no running state counts as granted any more, only the final "Vastgesteld" (an
  // officer's choice the house rules let through); new applications of the regulation start on it.
  const v2 = await publish(1, (d) => {
    for (const state of Object.values(d.states) as Json[]) {
      if (state.type !== 'final') state.tags = state.tags.filter((t: string) => t !== 'granted');
    }
  });
  expect(v2).toBe(NOT_GRANTED);
  await kit.t.db
    .updateTable('regulations')
    .set({ workflow_version: NOT_GRANTED })
    .where('id', '=', kit.regulationId)
    .execute();
  onV2 = (await applicationIn(kit, 'granted', { amountsCents: [AMOUNT] })).id;
  // The one after: the same but for a text.
  expect(
    await publish(NOT_GRANTED, (d) => {
      d.title.nl = `${d.title.nl} (3)`;
    }),
  ).toBe(RETITLED);
});
afterAll(() => kit.close());

describe('a reservation and migration', () => {
  test('both granted applications hold their reservation; the ledger balances', async () => {
    const b = await books();
    expect(b.apps.map((a) => [a.state, a.definition_version, a.reservedCents]).sort()).toEqual([
      ['granted', 1, AMOUNT],
      ['granted', NOT_GRANTED, AMOUNT],
    ]);
    expectBalanced(b);
  });

  test('out of a granted state into one of another kind: refused, nothing moves', async () => {
    const before = await books();
    const body = { fromVersion: 1, toVersion: NOT_GRANTED, applicationIds: [onV1] };
    const reason = expect.stringContaining(
      '‘Verleend’ en ‘Verleend’ zijn niet van hetzelfde soort',
    );
    // The dry run says it in words; the migration itself refuses.
    const dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body));
    expect(dry.summary).toMatchObject({ total: 1, stranded: 1 });
    expect(dry.items[0]).toMatchObject({ outcome: 'stranded', reason: { nl: reason } });
    const real = await asPolicy('POST', `${base}/migrations`, body);
    expect(real.status, await real.clone().text()).toBe(409);
    // Naming the state explicitly does not help.
    for (const path of ['migrations/dry-run', 'migrations']) {
      const res = await asPolicy('POST', `${base}/${path}`, {
        ...body,
        stateMap: { granted: 'granted' },
      });
      expect(res.status).toBe(422);
      expect((await readJson(res)).invalidParams).toEqual([{ name: 'stateMap.granted', reason }]);
    }
    const after = await books();
    expect(after).toEqual(before);
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('event')
      .where('application_id', '=', onV1)
      .where('event', '=', 'MIGRATE_DEFINITION')
      .execute();
    expect(history).toEqual([]);
  });

  test('into a state of the same kind that is not granted: released, as the dry run said', async () => {
    const body = { fromVersion: NOT_GRANTED, toVersion: RETITLED, applicationIds: [onV2] };
    const dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body));
    expect(dry.items).toHaveLength(1);
    expect(dry.items[0].budget).toEqual({
      reservedCents: AMOUNT,
      change: 'released',
      text: {
        nl: 'Het gereserveerde budget van € 2.500,00 komt vrij.',
        en: 'The reserved budget of €2,500.00 is released.',
      },
    });
    expect(dry.items[0].text.at(-1).nl).toBe('Het gereserveerde budget van € 2.500,00 komt vrij.');
    const before = await books();

    const { migrationId, ...real } = await ok(await asPolicy('POST', `${base}/migrations`, body));
    expect(migrationId).toBeTruthy();
    expect(real).toEqual(dry);

    const after = await books();
    // One release row of the whole reservation, tied to the migration's history entry.
    const added = after.ledger.slice(before.ledger.length);
    expect(added).toEqual([{ application_id: onV2, kind: 'release', amount_cents: AMOUNT }]);
    const release = await kit.t.db
      .selectFrom('budget_ledger as l')
      .innerJoin('application_history as h', 'h.id', 'l.history_id')
      .select(['h.event', 'h.from_state', 'h.to_state'])
      .where('l.application_id', '=', onV2)
      .where('l.kind', '=', 'release')
      .executeTakeFirstOrThrow();
    expect(release).toEqual({
      event: 'MIGRATE_DEFINITION',
      from_state: 'granted',
      to_state: 'granted',
    });
    expect(after.budget.reserved_cents).toBe(before.budget.reserved_cents - AMOUNT);
    expect(after.budget.committed_cents).toBe(before.budget.committed_cents);
    const moved = after.apps.find((a) => a.id === onV2)!;
    expect(moved).toMatchObject({
      state: 'granted',
      definition_version: RETITLED,
      reservedCents: 0,
    });
    // The other application, on version 1, keeps its reservation.
    expect(after.apps.find((a) => a.id === onV1)).toMatchObject({
      definition_version: 1,
      reservedCents: AMOUNT,
    });
    expectBalanced(after);

    // The regulation's remaining budget says the same.
    const regulation = await ok(
      await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`, {
        cookie: kit.cookies.policy,
      }),
    );
    expect(regulation.budget.reservedCents).toBe(after.budget.reserved_cents);
  });
});
