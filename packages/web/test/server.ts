/**
 * Starts the real API in-process on a random port with a fresh test database, the shipped
 * workflow, two regulations and one account per role; it serves the built web app at `/`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { createApp } from '../../api/src/app';
import type { UserRole } from '../../api/src/auth/roles';
import { testConfig } from '../../api/src/config';
import type { AppDeps } from '../../api/src/context';
import {
  ensureShippedDefinitions,
  readShippedDefinitions,
} from '../../api/src/definitions/definitions.repository';
import { silentLogger } from '../../api/src/logging/logger';
import { contractChecker } from '../../api/src/openapi/contract';
import type { OpenApiDocument } from '../../api/src/openapi/openapi.complete';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
import { createUser, TEST_START } from '../../api/src/test/test-app';
import { createTestDatabase } from '../../api/src/test/test-database';
import { startWorkers } from '../../api/src/workers';

export const PASSWORD = 'test-password-2026';

export const PERSONAS = {
  resident: { roles: ['applicant'], name: 'Fatima El Amrani' },
  clerk: { roles: ['clerk'], name: 'Kees Baliemedewerker' },
  assessor: { roles: ['assessor'], name: 'Anouk Behandelaar' },
  approver: { roles: ['approver'], name: 'Sanne Besluitvormer' },
} satisfies Record<string, { roles: UserRole[]; name: string }>;
export type Persona = keyof typeof PERSONAS;

export interface TestServer {
  url: string;
  deps: AppDeps;
  users: Record<Persona, { id: string; email: string; name: string }>;
  regulationId: string;
  /** The API's "today" (Europe/Amsterdam), as YYYY-MM-DD. */
  today(): string;
  /** Another user's change: bumps the version, so the page's ETag goes stale. */
  touch(applicationId: string): Promise<void>;
  /** Moves the API's clock ahead (e.g. past the activity date; sessions may expire). */
  advanceDays(days: number): void;
  close(): Promise<void>;
}

/** This run's web build (see global-setup.ts); packages/web/dist when run without it. */
function webDist(): string {
  try {
    return inject('webDist') || fileURLToPath(new URL('../dist', import.meta.url));
  } catch {
    return fileURLToPath(new URL('../dist', import.meta.url));
  }
}

/** Node's http server in front of the app's fetch handler: no adapter dependency needed. */
function bridge(fetch: (req: Request) => Response | Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) for (const x of v) headers.append(k, x);
        else if (v !== undefined) headers.set(k, v);
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
      const response = await fetch(
        new Request(`http://${req.headers.host}${req.url}`, { method, headers, body }),
      );
      const out: [string, string][] = [];
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') out.push([key, value]);
      });
      for (const cookie of response.headers.getSetCookie()) out.push(['set-cookie', cookie]);
      res.writeHead(response.status, out.flat());
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  };
}

export async function startTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'initiatief-web-'));
  // Time runs, but from the fixed test start, so dates in the tests are stable.
  let offset = Date.parse(TEST_START) - Date.now();
  const clock = () => new Date(Date.now() + offset);

  let app: ReturnType<typeof createApp> | null = null;
  // Every answer under /api that the browser receives is checked against the API's own
  // document, as the API tests' app.request() is; close() fails the file on a mismatch.
  let contract: ReturnType<typeof contractChecker> | null = null;
  const undocumented: string[] = [];
  const server = createServer(
    bridge(async (req) => {
      const response = await app!.fetch(req);
      const path = new URL(req.url).pathname;
      if (contract && path.startsWith('/api/')) {
        for (const problem of await contract.check({ method: req.method, path, response })) {
          undocumented.push(`${req.method} ${path}: ${problem}`);
        }
      }
      return response;
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const deps: AppDeps = {
    db: database.db,
    config: testConfig({
      publicUrl: url,
      webDist: webDist(),
      dataDir,
      mailDir: join(dataDir, 'mail'),
      port,
    }),
    logger: silentLogger(),
    clock,
  };
  app = createApp(deps);
  const document = await app.fetch(new Request(`${url}/api/openapi.json`));
  contract = contractChecker((await document.json()) as OpenApiDocument);

  await ensureShippedDefinitions(database.db, clock());
  const [def] = await readShippedDefinitions();
  if (!def) throw new Error('no shipped workflow definition');
  const regulation = (district: string, code: string) =>
    upsertRegulation(database.db, {
      code,
      title: `Bewonersinitiatieven ${district} 2026`,
      district,
      year: 2026,
      ceilingCents: 25_000_000,
      maxAmountCents: 1_000_000,
      directSettlementThresholdCents: 0,
      decisionTermWeeks: 8,
      reportDueWeeks: 12,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      workflowKey: def.key,
      workflowVersion: def.version,
    });
  const regulationId = await regulation('Delfshaven', 'BI-DELFSHAVEN-2026');
  await regulation('Charlois', 'BI-CHARLOIS-2026');

  const users = {} as TestServer['users'];
  for (const [persona, p] of Object.entries(PERSONAS) as [Persona, (typeof PERSONAS)[Persona]][]) {
    const email = `${persona}@example.org`;
    const u = await createUser(database.db, {
      roles: p.roles,
      email,
      name: p.name,
      password: PASSWORD,
    });
    users[persona] = { id: u.id, email, name: p.name };
  }

  const workers = startWorkers(deps);
  return {
    url,
    deps,
    users,
    regulationId,
    async touch(applicationId) {
      await database.db
        .updateTable('applications')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', applicationId)
        .execute();
    },
    advanceDays(days) {
      offset += days * 86_400_000;
    },
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(clock()),
    async close() {
      await workers.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
      if (undocumented.length > 0) {
        throw new Error(
          `The API answered the browser what /api/openapi.json does not describe:\n- ${[
            ...new Set(undocumented),
          ].join('\n- ')}`,
        );
      }
    },
  };
}
