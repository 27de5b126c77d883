/**
 * Shared set-up for the lifecycle tests: a fresh database with the shipped workflow, a regulation,
 * one user per role, and helpers that drive an application through the real HTTP API.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { UserRole } from '../auth/roles';
import {
  ensureShippedDefinitions,
  newestShipped,
  readShippedDefinitions,
} from '../definitions/definitions.repository';
import { upsertRegulation } from '../regulations/regulations.repository';
import {
  type CreatedUser,
  call,
  createTestApp,
  createUser,
  loginAs,
  type TestApp,
  type TestClock,
  testClock,
} from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { demoFormData } from './applications.fixtures';

export type Persona =
  | 'resident'
  | 'resident2'
  | 'clerk'
  | 'assessor'
  | 'assessor2'
  | 'approver'
  | 'policy'
  | 'admin';

const PERSONA_ROLES: Record<Persona, UserRole[]> = {
  resident: ['applicant'],
  resident2: ['applicant'],
  clerk: ['clerk'],
  assessor: ['assessor'],
  assessor2: ['assessor'],
  approver: ['approver'],
  policy: ['policy'],
  admin: ['admin'],
};

export interface Kit {
  t: TestDatabase;
  app: TestApp;
  clock: TestClock;
  users: Record<Persona, CreatedUser>;
  cookies: Record<Persona, string>;
  regulationId: string;
  workflow: { key: string; version: number };
  /** Moves the clock and logs everyone in again (sessions expire after an idle hour). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function setupKit(
  options: { ceilingCents?: number; maxAmountCents?: number } = {},
): Promise<Kit> {
  const t = await createTestDatabase();
  const clock = testClock();
  const app = createTestApp({ db: t.db, clock });
  await ensureShippedDefinitions(t.db, clock());
  // Version 1 of the first shipped workflow; what versions 2 and 3 change has tests of its own
  // (shipped-v2.test.ts, supplement-rule.test.ts, shipped-v3.test.ts, assessment-rule.test.ts).
  const [def] = await readShippedDefinitions();
  if (!def) throw new Error('no shipped workflow definition');
  const workflow = { key: def.key, version: def.version };
  const regulationId = await createRegulation(t, workflow, options);
  const users = {} as Record<Persona, CreatedUser>;
  const cookies = {} as Record<Persona, string>;
  for (const persona of Object.keys(PERSONA_ROLES) as Persona[]) {
    users[persona] = await createUser(t.db, { roles: PERSONA_ROLES[persona] });
    cookies[persona] = await loginAs(app, users[persona].email!);
  }
  const advance = async (ms: number) => {
    clock.advance(ms);
    for (const persona of Object.keys(PERSONA_ROLES) as Persona[]) {
      cookies[persona] = await loginAs(app, users[persona].email!);
    }
  };
  return { t, app, clock, users, cookies, regulationId, workflow, advance, close: () => t.close() };
}

/** The resident of the kit gets her letters by post, at a Rotterdam address. */
export async function lettersByPost(kit: Kit): Promise<void> {
  await kit.t.db
    .updateTable('users')
    .set({
      letter_channel: 'paper',
      street: 'Schiedamseweg 12',
      postcode: '3025 AB',
      city: 'Rotterdam',
    })
    .where('id', '=', kit.users.resident.id)
    .execute();
}

export async function createRegulation(
  t: TestDatabase,
  workflow: { key: string; version: number },
  options: {
    ceilingCents?: number;
    maxAmountCents?: number;
    district?: string;
    opensOn?: string;
    closesOn?: string;
  } = {},
): Promise<string> {
  return upsertRegulation(t.db, {
    code: `T-${randomBytes(4).toString('hex')}`,
    title: 'Bewonersinitiatieven Delfshaven 2026',
    district: options.district ?? 'Delfshaven',
    year: 2026,
    ceilingCents: options.ceilingCents ?? 10_000_000,
    maxAmountCents: options.maxAmountCents ?? 1_000_000,
    directSettlementThresholdCents: 0,
    decisionTermWeeks: 8,
    reportDueWeeks: 12,
    opensOn: options.opensOn ?? '2026-01-01',
    closesOn: options.closesOn ?? '2026-12-31',
    workflowKey: workflow.key,
    workflowVersion: workflow.version,
  });
}

type Json = Record<string, unknown> & {
  id: string;
  version: number;
  state: string;
  allowedEvents: { type: string }[];
};

export async function createDraft(
  kit: Kit,
  as: Persona = 'resident',
  extra: { applicantId?: string; data?: Record<string, unknown>; regulationId?: string } = {},
): Promise<Json> {
  const res = await call(kit.app, 'POST', '/api/applications', {
    cookie: kit.cookies[as],
    json: {
      regulationId: extra.regulationId ?? kit.regulationId,
      data: extra.data ?? demoFormData(kit.clock()),
      ...(extra.applicantId ? { applicantId: extra.applicantId } : {}),
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Json;
}

export async function sendEvent(
  kit: Kit,
  as: Persona,
  id: string,
  type: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(kit.app, 'POST', `/api/applications/${id}/events`, {
    cookie: kit.cookies[as],
    json: payload === undefined ? { type } : { type, payload },
    headers,
  });
}

/** Sends an event and expects 200. */
export async function step(
  kit: Kit,
  as: Persona,
  id: string,
  type: string,
  payload?: unknown,
): Promise<Json> {
  const res = await sendEvent(kit, as, id, type, payload);
  expect(res.status, `${type}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as Json;
}

export const ASSESS_GRANT = { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' };

/** Drives a new application to the given state through the real API. */
export async function applicationIn(
  kit: Kit,
  state: 'draft' | 'submitted' | 'assessed' | 'granted' | 'rejected' | 'info_requested',
  opts: { as?: Persona; amountsCents?: number[] } = {},
): Promise<Json> {
  const as = opts.as ?? 'resident';
  let app = await createDraft(kit, as, {
    data: demoFormData(kit.clock(), { amountsCents: opts.amountsCents }),
  });
  if (state === 'draft') return app;
  app = await step(kit, as, app.id, 'SUBMIT');
  if (state === 'submitted') return app;
  if (state === 'info_requested') {
    return step(kit, 'assessor', app.id, 'REQUEST_INFO', {
      message: 'Graag een offerte voor het podium.',
      periodDays: 14,
    });
  }
  if (state === 'rejected') {
    app = await step(kit, 'assessor', app.id, 'ASSESS', {
      recommendation: 'reject',
      motivation: 'Past niet bij het wijkakkoord.',
    });
    return step(kit, 'approver', app.id, 'REJECT', {
      motivation: 'Past niet bij het wijkakkoord.',
    });
  }
  app = await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
  if (state === 'assessed') return app;
  return step(kit, 'approver', app.id, 'GRANT', {});
}

/** A response body for assertions; its shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions that read them
export type AnyJson = any;
export async function readJson(res: Response): Promise<AnyJson> {
  return res.json();
}

/**
 * The version the next draft of a shipped workflow gets: one past the newest shipped version
 * (the policy tests draft, publish and migrate to it).
 */
export async function nextDraftVersion(key: string): Promise<number> {
  const newest = newestShipped(await readShippedDefinitions(), key);
  if (!newest) throw new Error(`no shipped workflow ${key}`);
  return newest.version + 1;
}
