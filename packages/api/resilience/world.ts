/**
 * A world for one fault scenario: its own database on the private cluster, users with sessions,
 * a regulation, and an HTTP client that records which transitions were acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { demoFormData } from '../src/applications/applications.fixtures';
import type { UserRole } from '../src/auth/roles';
import { createSession } from '../src/auth/session.service';
import { loadConfig } from '../src/config';
import { openPostgres } from '../src/db/database';
import type { DB } from '../src/db/schema';
import { readShippedDefinitions } from '../src/definitions/definitions.repository';
import { upsertRegulation } from '../src/regulations/regulations.repository';
import { insertUser } from '../src/users/users.repository';
import { PUBLIC_ORIGIN, type ServerEnv, serverEnvironment, sleep } from './harness';

export type Persona = 'resident' | 'assessor' | 'assessor2' | 'approver';
const ROLES: Record<Persona, UserRole[]> = {
  resident: ['applicant'],
  assessor: ['assessor'],
  assessor2: ['assessor'],
  approver: ['approver'],
};

export interface Reply {
  status: number;
  body: unknown;
  contentType: string | null;
  /** Set when no HTTP answer came (connection refused or reset, timeout). */
  error?: string;
}

/** One request; never throws: a network failure is a Reply with status 0. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: {
    cookie?: string;
    json?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { origin: PUBLIC_ORIGIN, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON.
    }
    return { status: res.status, body, contentType: res.headers.get('content-type') };
  } catch (error) {
    return { status: 0, body: null, contentType: null, error: String(error) };
  }
}

export interface World {
  env: ServerEnv;
  db: Kysely<DB>;
  cookies: Record<Persona, string>;
  users: Record<Persona, string>;
  regulationId: string;
  close(): Promise<void>;
}

/** Users, sessions and a regulation, written straight into the database the API migrated. */
export async function seedWorld(env: ServerEnv): Promise<World> {
  const config = loadConfig(serverEnvironment(env, 0));
  const database = openPostgres(env.databaseUrl, 4);
  const db = database.db;
  const cookies = {} as Record<Persona, string>;
  const users = {} as Record<Persona, string>;
  for (const persona of Object.keys(ROLES) as Persona[]) {
    const id = randomBytes(4).toString('hex');
    const user = await insertUser(db, {
      email: `${persona}-${id}@example.test`,
      name: `${persona} ${id}`,
      roles: ROLES[persona],
      locale: 'nl',
      street: 'Coolsingel 40',
      postcode: '3011 AD',
      city: 'Rotterdam',
      password_hash: null,
    });
    const session = await createSession(db, config, { userId: user.id, now: new Date() });
    cookies[persona] = `sid=${session.token}`;
    users[persona] = user.id;
  }
  const [def] = await readShippedDefinitions();
  if (!def) throw new Error('no shipped definition');
  const year = new Date().getUTCFullYear();
  const regulationId = await upsertRegulation(db, {
    code: `R-${randomBytes(3).toString('hex')}`,
    title: 'Bewonersinitiatieven Delfshaven',
    district: 'Delfshaven',
    year,
    ceilingCents: 1_000_000_000,
    maxAmountCents: 1_000_000,
    directSettlementThresholdCents: 0,
    decisionTermWeeks: 8,
    reportDueWeeks: 12,
    opensOn: `${year}-01-01`,
    closesOn: `${year + 1}-12-31`,
    workflowKey: def.key,
    workflowVersion: def.version,
  });
  return { env, db, cookies, users, regulationId, close: () => database.close() };
}

export interface Ack {
  appId: string;
  event: string;
  key: string;
}

/** The transitions a scenario drives, and what the server acknowledged. */
export class Ledger {
  readonly acked: Ack[] = [];
  readonly statuses = new Map<number, number>();
  /** Non-2xx answers that were not 503 problem+json (should stay empty). */
  readonly unexpected: { status: number; body: unknown; what: string }[] = [];
  note(reply: Reply, what: string): void {
    this.statuses.set(reply.status, (this.statuses.get(reply.status) ?? 0) + 1);
    if (reply.status === 0 || reply.status < 300) return;
    const is503Problem =
      reply.status === 503 && (reply.contentType ?? '').startsWith('application/problem+json');
    if (!is503Problem) this.unexpected.push({ status: reply.status, body: reply.body, what });
  }
  summary(): Record<string, number> {
    return Object.fromEntries([...this.statuses].map(([s, n]) => [s === 0 ? 'no answer' : s, n]));
  }
}

export async function createDrafts(
  world: World,
  bases: string[],
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await request(bases[i % bases.length]!, 'POST', '/api/applications', {
      cookie: world.cookies.resident,
      json: {
        regulationId: world.regulationId,
        data: demoFormData(new Date(), { title: `Straatfeest ${i}` }),
      },
    });
    if (reply.status !== 201)
      throw new Error(`draft: ${reply.status} ${JSON.stringify(reply.body)}`);
    ids.push((reply.body as { id: string }).id);
  }
  return ids;
}

const CHAIN: { event: string; as: Persona; payload?: unknown }[] = [
  { event: 'SUBMIT', as: 'resident' },
  {
    event: 'ASSESS',
    as: 'assessor',
    payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
  },
  { event: 'GRANT', as: 'approver', payload: {} },
];

/**
 * Sends one event with an Idempotency-Key until it gets an answer that is not a network failure
 * or a 503 (a client retrying through an outage), within `deadlineMs`.
 */
export async function sendEvent(
  world: World,
  ledger: Ledger,
  pickBase: () => string,
  appId: string,
  step: { event: string; as: Persona; payload?: unknown },
  deadlineMs = 300_000,
): Promise<boolean> {
  const key = `${appId}:${step.event}`;
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const reply = await request(pickBase(), 'POST', `/api/applications/${appId}/events`, {
      cookie: world.cookies[step.as],
      json:
        step.payload === undefined
          ? { type: step.event }
          : { type: step.event, payload: step.payload },
      headers: { 'Idempotency-Key': key },
    });
    ledger.note(reply, `${step.event} ${appId}`);
    if (reply.status >= 200 && reply.status < 300) {
      ledger.acked.push({ appId, event: step.event, key });
      return true;
    }
    if (reply.status !== 0 && reply.status !== 503) return false;
    await sleep(300);
  }
  return false;
}

/** Drives every application through SUBMIT, ASSESS, GRANT in `lanes` concurrent lanes. */
export async function runChains(
  world: World,
  ledger: Ledger,
  pickBase: () => string,
  appIds: string[],
  options: { lanes?: number; steps?: number } = {},
): Promise<void> {
  const queue = [...appIds];
  const steps = CHAIN.slice(0, options.steps ?? CHAIN.length);
  await Promise.all(
    Array.from({ length: options.lanes ?? 3 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        for (const step of steps) {
          if (!(await sendEvent(world, ledger, pickBase, id, step))) break;
        }
      }
    }),
  );
}

/** Every acknowledged transition is in the history exactly once; no event of an app twice. */
export async function checkHistory(world: World, ledger: Ledger, appIds: string[]) {
  const rows = await world.db
    .selectFrom('application_history')
    .select(['application_id', 'event', (eb) => eb.fn.countAll<number>().as('n')])
    .where('application_id', 'in', appIds)
    .groupBy(['application_id', 'event'])
    .execute();
  const count = (appId: string, event: string) =>
    Number(rows.find((r) => r.application_id === appId && r.event === event)?.n ?? 0);
  const missing = ledger.acked.filter((a) => count(a.appId, a.event) !== 1);
  const twice = rows.filter((r) => Number(r.n) > 1);
  return { acked: ledger.acked.length, missing, twice };
}

/** Mails of the given applications; waits until none is pending or processing. */
export async function waitForOutbox(world: World, appIds: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await world.db
      .selectFrom('outbox')
      .select(['id', 'kind', 'status', 'message_id', 'attempts', 'history_id'])
      .where('application_id', 'in', appIds)
      .execute();
    const open = rows.filter((r) => r.status === 'pending' || r.status === 'processing');
    if (open.length === 0 || Date.now() > deadline) return { rows, open };
    await sleep(1000);
  }
}

/** Message-IDs of mails caused by acknowledged transitions, and how often the sink saw each. */
export async function deliveriesOfAcked(
  world: World,
  ledger: Ledger,
  deliveries: Map<string, number>,
) {
  if (ledger.acked.length === 0) return { expected: 0, undelivered: [], duplicates: 0 };
  const history = await world.db
    .selectFrom('application_history')
    .select(['id', 'application_id', 'event'])
    .where(
      'application_id',
      'in',
      ledger.acked.map((a) => a.appId),
    )
    .execute();
  const ackedKeys = new Set(ledger.acked.map((a) => `${a.appId}:${a.event}`));
  const historyIds = history
    .filter((h) => ackedKeys.has(`${h.application_id}:${h.event}`))
    .map((h) => h.id);
  const mails =
    historyIds.length === 0
      ? []
      : await world.db
          .selectFrom('outbox')
          .select(['message_id', 'status'])
          .where('kind', '=', 'mail')
          .where('history_id', 'in', historyIds)
          .execute();
  const undelivered = mails.filter((m) => !deliveries.get(m.message_id ?? ''));
  const duplicates = mails.filter((m) => (deliveries.get(m.message_id ?? '') ?? 0) > 1).length;
  return { expected: mails.length, undelivered, duplicates };
}

/** Makes the pending timers of these applications due in `seconds` (a clock we cannot wait for). */
export async function makeTimersDue(world: World, appIds: string[], seconds: number) {
  const rows = await world.db
    .updateTable('timers')
    .set({ due_at: sql`now() + make_interval(secs => ${seconds})` })
    .where('application_id', 'in', appIds)
    .where('status', '=', 'pending')
    .returning(['id', 'application_id', 'timer_key'])
    .execute();
  return rows;
}

/** Waits until the given timers are no longer pending; returns their final rows. */
export async function waitForTimers(world: World, ids: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await world.db
      .selectFrom('timers')
      .select(['id', 'application_id', 'status', 'event', 'attempts', 'due_at', 'finished_at'])
      .where('id', 'in', ids)
      .execute();
    if (rows.every((r) => r.status !== 'pending') || Date.now() > deadline) return rows;
    await sleep(1000);
  }
}

/** History rows the system actor wrote (timer steps), per application and event. */
export async function systemSteps(world: World, appIds: string[]) {
  return world.db
    .selectFrom('application_history')
    .select(['application_id', 'event', (eb) => eb.fn.countAll<number>().as('n')])
    .where('application_id', 'in', appIds)
    .where('actor_id', '=', 'system')
    .groupBy(['application_id', 'event'])
    .execute();
}
