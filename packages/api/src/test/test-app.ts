import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type App, createApp } from '../app';
import type { User } from '../auth/auth.table';
import { hashPassword } from '../auth/password';
import type { UserRole } from '../auth/roles';
import { createSession } from '../auth/session.service';
import { type Config, testConfig } from '../config';
import type { AppDeps } from '../context';
import type { DB } from '../db/schema';
import { silentLogger } from '../logging/logger';
import { findUserByEmail, insertUser } from '../users/users.repository';
import { type ContractOptions, withContractCheck } from './contract-check';

/** The origin test requests come from; equal to testConfig()'s PUBLIC_URL. */
export const TEST_ORIGIN = 'http://localhost:3000';

/** Tests start from a fixed instant: Monday 2 March 2026, 09:00 in Amsterdam. */
export const TEST_START = '2026-03-02T08:00:00.000Z';

export interface TestClock {
  (): Date;
  advance(ms: number): void;
  set(instant: string | Date): void;
}

/** A clock that only moves when told to. */
export function testClock(start: string | Date = TEST_START): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (instant) => {
    now = new Date(instant).getTime();
  };
  return clock;
}

export type TestApp = App & { deps: AppDeps };

/**
 * The real app on a test database, with a silent logger and (by default) a fixed clock. Every
 * answer under /api that a test receives through app.request() is checked against the app's
 * own OpenAPI document (contract-check.ts): an undocumented one fails the test.
 */
export function createTestApp(options: {
  db: Kysely<DB>;
  clock?: () => Date;
  config?: Partial<Config>;
  logger?: Logger;
  contract?: ContractOptions;
}): TestApp {
  const deps: AppDeps = {
    db: options.db,
    config: testConfig(options.config),
    logger: options.logger ?? silentLogger(),
    clock: options.clock ?? testClock(),
  };
  return withContractCheck(Object.assign(createApp(deps), { deps }), options.contract);
}

export interface CreatedUser extends User {
  /** The plain password, when one was set. */
  password?: string;
}

/**
 * Inserts a user. Without `password` the account has none (fast: no argon2), which is fine for
 * loginAs(); pass one to test the login itself.
 */
export async function createUser(
  db: Kysely<DB>,
  options: {
    roles?: UserRole[];
    email?: string;
    name?: string;
    password?: string;
    locale?: 'nl' | 'en';
    street?: string;
    postcode?: string;
    city?: string;
  } = {},
): Promise<CreatedUser> {
  const roles = options.roles ?? ['applicant'];
  const id = randomBytes(4).toString('hex');
  const user = await insertUser(db, {
    email: options.email ?? `${roles[0]}-${id}@example.test`,
    name: options.name ?? `Test ${roles.join('/')} ${id}`,
    roles,
    locale: options.locale ?? 'nl',
    street: options.street ?? 'Coolsingel 40',
    postcode: options.postcode ?? '3011 AD',
    city: options.city ?? 'Rotterdam',
    password_hash: options.password ? await hashPassword(options.password) : null,
  });
  return { ...user, password: options.password };
}

/** A session for an existing user, as a Cookie header value (`sid=…`); skips the password. */
export async function loginAs(app: TestApp, email: string): Promise<string> {
  const { db, config, clock } = app.deps;
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`loginAs: no user ${email}`);
  const session = await createSession(db, config, { userId: user.id, now: clock() });
  return `sid=${session.token}`;
}

/**
 * app.request() with the test Origin, an optional cookie and a JSON body.
 *   await call(app, 'POST', '/api/x', { cookie, json: { a: 1 }, headers: { 'If-Match': '"3"' } })
 */
export function call(
  app: App,
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: TEST_ORIGIN, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  return Promise.resolve(app.request(path, { method, headers, body }));
}

/** A response's JSON body, untyped for brevity in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions look into arbitrary bodies
export async function readBody(response: Response): Promise<any> {
  return response.json();
}
