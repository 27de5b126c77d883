/**
 * Migration through the command path (issue 14): the dry run says per application, in words,
 * what will happen; the migration then does exactly that, through the same persisting code as
 * every command (timers of the new state, budget, history "moved from version 1 to 3 by …").
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  type Kit,
  nextDraftVersion,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';
import { runDueTimers } from '../timers/timer.worker';
import { firedInStay } from '../timers/timers.repository';

let kit: Kit;
let second = '';
const base = '/api/policy/definitions/bewonersinitiatief';
const ids: Record<string, string> = {};
/** The version this file publishes and migrates to: after the newest shipped one. */
let NEXT = 0;

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Json = Record<string, any>;

const asPolicy = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json, headers });

async function ok(res: Response, status = 200): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'] });
  second = await loginAs(kit.app, user.email!);
  for (const state of ['submitted', 'info_requested', 'assessed', 'granted'] as const) {
    ids[state] = (await applicationIn(kit, state, { amountsCents: [250_000] })).id;
  }
  NEXT = await nextDraftVersion('bewonersinitiatief');
  // The next version: info_requested is renamed, the decision warning comes 10 days ahead instead
  // of 7, and Delfshaven (every application's answer) is no longer one of the districts.
  const draft = await ok(await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 }), 201);
  const renamed = JSON.parse(
    JSON.stringify(draft.definition).replaceAll('"info_requested"', '"awaiting_info"'),
  );
  renamed.delays.decisionWarning.params.offsetDays = -10;
  const district = renamed.form.fields.find((f: Json) => f.key === 'district');
  district.options = district.options.filter((o: string) => o !== 'Delfshaven');
  await ok(
    await asPolicy(
      'PUT',
      `${base}/versions/${NEXT}`,
      { definition: renamed },
      { 'if-match': `"r${draft.revision}"` },
    ),
  );
  const { proposal } = await ok(
    await asPolicy('POST', `${base}/versions/${NEXT}/publish`, { comment: 'Hernoemd.' }),
    202,
  );
  await ok(
    await call(kit.app, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {
      cookie: second,
      json: {},
    }),
  );
  await kit.advance(3 * 86_400_000);
});
afterAll(() => kit.close());

describe('a mapping only targets a state of the same kind, never a final one', () => {
  test('to a final state: refused in words', async () => {
    const res = await asPolicy('POST', `${base}/migrations/dry-run`, {
      fromVersion: 1,
      toVersion: NEXT,
      stateMap: { submitted: 'rejected', info_requested: 'awaiting_info' },
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams).toEqual([
      {
        name: 'stateMap.submitted',
        reason:
          '‘Afgewezen’ is een eindstatus: een aanvraag komt daar alleen met een besluit of intrekking, niet door over te zetten.',
      },
    ]);
  });

  test('from granted back to draft: refused', async () => {
    const res = await asPolicy('POST', `${base}/migrations`, {
      fromVersion: 1,
      toVersion: NEXT,
      stateMap: { granted: 'draft', info_requested: 'awaiting_info' },
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams[0].reason).toContain(
      '‘Verleend’ en ‘Concept’ zijn niet van hetzelfde soort',
    );
    const still = await kit.t.db
      .selectFrom('applications')
      .select(['state', 'definition_version'])
      .where('id', '=', ids.granted!)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ state: 'granted', definition_version: 1 });
  });
});

describe('the dry run equals the real migration', () => {
  const body = () => ({
    fromVersion: 1,
    toVersion: NEXT,
    stateMap: { info_requested: 'awaiting_info' },
    applicationIds: Object.values(ids),
  });
  let dry: Json;

  test('the dry run says per application, in words, what happens', async () => {
    dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body()));
    expect(dry.summary).toEqual({ total: 4, sameState: 3, mapped: 1, stranded: 0 });
    const info = dry.items.find((i: Json) => i.applicationId === ids.info_requested);
    expect(info.text[0]).toEqual({
      nl: 'Blijft in de status ‘Aanvulling gevraagd’.',
      en: 'Stays in the state ‘Information requested’.',
    });
    expect(info.deadlines).toEqual([
      expect.objectContaining({ delay: 'supplementPeriod', change: 'moved' }),
    ]);
    expect(info.deadlines[0].before).toBe(info.deadlines[0].after);
    const granted = dry.items.find((i: Json) => i.applicationId === ids.granted);
    expect(granted.budget).toEqual({
      reservedCents: 250_000,
      change: 'kept',
      text: {
        nl: 'Het gereserveerde budget van € 2.500,00 blijft gereserveerd.',
        en: 'The reserved budget of €2,500.00 stays reserved.',
      },
    });
    // An answer the new version no longer offers as a choice leaves the data, said in words.
    for (const item of dry.items) {
      expect(item.droppedFields).toEqual([
        {
          path: 'district',
          label: { nl: 'Wijk', en: 'District' },
          value: 'Delfshaven',
          text: {
            nl: `Versie ${NEXT} heeft ‘Delfshaven’ niet meer als keuze bij ‘Wijk’: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.`,
            en: `Version ${NEXT} no longer has ‘Delfshaven’ as a choice for ‘District’: the answer leaves the application and stays in its history.`,
          },
        },
      ]);
    }
    const submitted = dry.items.find((i: Json) => i.applicationId === ids.submitted);
    expect(submitted.deadlines.map((d: Json) => [d.delay, d.change])).toEqual([
      ['decisionWarning', 'kept'],
      ['decisionTerm', 'kept'],
    ]);
  });

  test('the migration does what the dry run said, to the letter', async () => {
    const ledgerBefore = await reservedPerApplication();
    const real = await ok(await asPolicy('POST', `${base}/migrations`, body()));
    const { migrationId, ...plan } = real;
    expect(migrationId).toBeTruthy();
    expect(plan).toEqual(dry);

    for (const item of dry.items) {
      const row = await kit.t.db
        .selectFrom('applications')
        .select(['state', 'definition_version', 'version'])
        .where('id', '=', item.applicationId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: item.toState, definition_version: NEXT });
      // Timers: exactly the deadlines the dry run announced, with their dates.
      const timers = await kit.t.db
        .selectFrom('timers')
        .select(['event', 'due_at'])
        .where('application_id', '=', item.applicationId)
        .where('status', '=', 'pending')
        .orderBy('event')
        .execute();
      const announced = item.deadlines
        .filter((d: Json) => d.after !== null)
        .map((d: Json) => ({
          event: `xstate.after.${d.delay}.bewonersinitiatief.${item.toState}`,
          due: d.after,
        }))
        .sort((a: Json, b: Json) => a.event.localeCompare(b.event));
      expect(
        timers.map((t) => ({ event: t.event, due: new Date(t.due_at).toISOString() })),
      ).toEqual(announced);
      // History: the move, by whom, in words.
      const history = await kit.t.db
        .selectFrom('application_history')
        .select(['event', 'from_state', 'to_state', 'actor_id', 'payload'])
        .where('application_id', '=', item.applicationId)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(history).toMatchObject({
        event: 'MIGRATE_DEFINITION',
        from_state: item.fromState,
        to_state: item.toState,
        actor_id: kit.users.policy.id,
      });
      expect((history.payload as Json).text.en).toMatch(
        new RegExp(`^Moved from version 1 to ${NEXT} by `),
      );
      expect((history.payload as Json).explanation).toEqual(item.text);
      expect((history.payload as Json).droppedData).toEqual({ district: 'Delfshaven' });
      const page = await readJson(
        await call(kit.app, 'GET', `/api/applications/${item.applicationId}`, {
          cookie: kit.cookies.resident,
        }),
      );
      expect(page.data.district).toBeUndefined();
    }
    // Budget: what the dry run said stays reserved, stays reserved.
    const ledgerAfter = await reservedPerApplication();
    for (const item of dry.items) {
      const expected =
        item.budget.change === 'released' ? 0 : (ledgerBefore.get(item.applicationId) ?? 0);
      expect(ledgerAfter.get(item.applicationId) ?? 0).toBe(expected);
      expect(expected).toBe(item.budget.reservedCents);
    }
  });

  test('and the applications go on under the new version, once the resident chose again', async () => {
    const supplement = () =>
      call(kit.app, 'POST', `/api/applications/${ids.info_requested}/events`, {
        cookie: kit.cookies.resident,
        json: { type: 'SUPPLEMENT', payload: { message: 'Offerte bijgevoegd.' } },
      });
    // The answer that is no longer a choice is missing, and the refusal says so by its label.
    const refused = await supplement();
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).invalidParams).toEqual([
      { name: 'data.district', reason: 'Wijk ontbreekt.' },
    ]);
    const path = `/api/applications/${ids.info_requested}`;
    const before = await call(kit.app, 'GET', path, { cookie: kit.cookies.resident });
    const chosen = await call(kit.app, 'PATCH', path, {
      cookie: kit.cookies.resident,
      json: { data: { district: 'Charlois' } },
      headers: { 'If-Match': before.headers.get('etag')! },
    });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    const res = await supplement();
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readJson(res)).state).toBe('submitted');
  });
});

describe('reminders overtaken while the application waited', () => {
  // A case left alone past its decision term: the warning (day 49) and the overdue notice (day 57)
  // are both pending and due. A migration lets only the later one go off, like a state entered
  // late; the earlier is cancelled, and the dry run says so.
  let id = '';
  const body = () => ({ fromVersion: 1, toVersion: NEXT, applicationIds: [id] });

  test('the dry run leaves the warning out and keeps the overdue notice', async () => {
    id = (await applicationIn(kit, 'submitted')).id;
    await kit.advance(70 * 86_400_000);
    const before = await pendingTimers(id);
    expect(before.map((t) => t.event)).toEqual([
      'xstate.after.decisionTerm.bewonersinitiatief.submitted',
      'xstate.after.decisionWarning.bewonersinitiatief.submitted',
    ]);
    expect(before.every((t) => new Date(t.due_at) < kit.clock())).toBe(true);
    const dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body()));
    const [item] = dry.items;
    expect(item.deadlines.map((d: Json) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'overtaken', null],
      ['decisionTerm', 'kept', new Date(before[0]!.due_at).toISOString()],
    ]);
    expect(item.deadlines[0].text.en).toMatch(
      /^The warning before the decision term \(.+\) no longer goes off/,
    );
    expect(item.text).toContainEqual(item.deadlines[0].text);
  });

  test('the migration cancels the warning and leaves the overdue notice pending', async () => {
    await ok(await asPolicy('POST', `${base}/migrations`, body()));
    expect((await pendingTimers(id)).map((t) => t.event)).toEqual([
      'xstate.after.decisionTerm.bewonersinitiatief.submitted',
    ]);
    const warning = await kit.t.db
      .selectFrom('timers')
      .select('status')
      .where('application_id', '=', id)
      .where('event', '=', 'xstate.after.decisionWarning.bewonersinitiatief.submitted')
      .execute();
    expect(warning).toEqual([{ status: 'cancelled' }]);
  });
});

describe('a reminder that already went off in this stay', () => {
  // The warning (day 49) went off through the timer worker while the case waited in submitted. A
  // migration to the next version, in the same state, must not schedule it again: it would go off
  // at once, and staff would get the same mail a second time.
  const DAY = 86_400_000;
  const WARNING = 'xstate.after.decisionWarning.bewonersinitiatief.submitted';
  const TERM = 'xstate.after.decisionTerm.bewonersinitiatief.submitted';
  let id = '';
  let again = '';
  const body = () => ({ fromVersion: 1, toVersion: NEXT, applicationIds: [id] });
  const fire = () => runDueTimers({ db: kit.t.db, clock: kit.clock });

  test('the worker sends the warning once', async () => {
    id = (await applicationIn(kit, 'submitted')).id;
    again = (await applicationIn(kit, 'submitted')).id;
    await kit.advance(50 * DAY);
    await fire();
    expect(await timerStates(id)).toEqual([
      { event: TERM, status: 'pending' },
      { event: WARNING, status: 'fired' },
    ]);
    expect(await mails(id)).toEqual(['decision_warning']);
  });

  test('the dry run says it already went off and is not sent again', async () => {
    const dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body()));
    const [item] = dry.items;
    expect(item.deadlines.map((d: Json) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'kept', null],
      ['decisionTerm', 'kept', expect.any(String)],
    ]);
    expect(item.deadlines[0].text.nl).toMatch(
      /^De waarschuwing voor de beslistermijn is al afgegaan op .+: het gaat niet nog een keer\.$/,
    );
    expect(item.text).toContainEqual(item.deadlines[0].text);
  });

  test('the migration schedules no new warning, and no second mail goes out', async () => {
    await ok(await asPolicy('POST', `${base}/migrations`, body()));
    await fire();
    expect(await mails(id)).toEqual(['decision_warning']);
    expect((await pendingTimers(id)).map((t) => t.event)).toEqual([TERM]);
    expect(await timerStates(id)).toEqual([
      { event: TERM, status: 'pending' },
      { event: WARNING, status: 'fired' },
    ]);
  });

  test('the overdue notice still goes off when its day comes, once', async () => {
    await kit.advance(8 * DAY);
    await fire();
    expect(await mails(id)).toEqual(['decision_overdue', 'decision_warning']);
  });

  test('a warning that went off before the state was left and entered again is not of this stay', async () => {
    // Left alone 58 days: the warning and the overdue notice both went off in this stay.
    expect((await firedInStay(kit.t.db, again)).map((t) => t.event)).toEqual([WARNING, TERM]);
    await step(kit, 'assessor', again, 'REQUEST_INFO', { message: 'Offerte?', periodDays: 14 });
    expect(await firedInStay(kit.t.db, again)).toEqual([]);
    await step(kit, 'resident', again, 'SUPPLEMENT', { message: 'Offerte bijgevoegd.' });
    expect(await firedInStay(kit.t.db, again)).toEqual([]);
    // Entered late: only the overdue notice was scheduled, and it goes off now, in the new stay.
    await fire();
    expect((await firedInStay(kit.t.db, again)).map((t) => t.event)).toEqual([TERM]);
    const before = await mails(again);
    const migrated = await ok(
      await asPolicy('POST', `${base}/migrations`, { ...body(), applicationIds: [again] }),
    );
    expect(migrated.items[0].deadlines.map((d: Json) => [d.delay, d.change, d.after])).toEqual([
      ['decisionWarning', 'overtaken', null],
      ['decisionTerm', 'kept', null],
    ]);
    expect(await pendingTimers(again)).toEqual([]);
    await fire();
    expect(await mails(again)).toEqual(before);
  });
});

async function timerStates(id: string) {
  return kit.t.db
    .selectFrom('timers')
    .select(['event', 'status'])
    .where('application_id', '=', id)
    .orderBy('event')
    .orderBy('created_at')
    .execute();
}

/** The mails (outbox rows) of the application, by template. */
async function mails(id: string) {
  const rows = await kit.t.db
    .selectFrom('outbox')
    .select('template_key')
    .where('application_id', '=', id)
    .where('kind', '=', 'mail')
    .where('template_key', 'like', 'decision_%')
    .orderBy('template_key')
    .execute();
  return rows.map((r) => r.template_key);
}

async function pendingTimers(id: string) {
  return kit.t.db
    .selectFrom('timers')
    .select(['event', 'due_at'])
    .where('application_id', '=', id)
    .where('status', '=', 'pending')
    .orderBy('event')
    .execute();
}

async function reservedPerApplication(): Promise<Map<string, number>> {
  const rows = await kit.t.db
    .selectFrom('budget_ledger')
    .select(['application_id', 'kind', 'amount_cents'])
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const sign = r.kind === 'reserve' ? 1 : -1;
    out.set(r.application_id, (out.get(r.application_id) ?? 0) + sign * r.amount_cents);
  }
  return out;
}
