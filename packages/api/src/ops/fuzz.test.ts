/**
 * Property-based fuzzing of every route in the OpenAPI document: random path parameters,
 * bodies, query strings and headers, as residents, staff and strangers. Two properties:
 * the server never answers 500, and a refused request (4xx) changes no state.
 * Bounded: a fixed number of runs and a fixed seed per run of the suite (FUZZ_SEED to replay).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationIn,
  createDraft,
  type Kit,
  type Persona,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { loginAs, TEST_ORIGIN } from '../test/test-app';

/** Tables whose rows are the application's state. Sessions, rate limits and stored idempotent
 * responses are bookkeeping of the request itself and may change on a refusal. */
const STATE_TABLES = [
  'users',
  'workflow_definitions',
  'regulations',
  'budgets',
  'applications',
  'application_history',
  'budget_ledger',
  'timers',
  'attachments',
  'documents',
  'outbox',
  'external_identities',
  'oidc_pending_accounts',
  'definition_migrations',
];

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

interface Operation {
  method: string;
  path: string;
  params: string[];
}

const EVENTS = ['SUBMIT', 'ASSESS', 'GRANT', 'REJECT', 'REQUEST_INFO', 'WITHDRAW', 'SUPPLEMENT'];

describe('fuzzing every route', () => {
  let kit: Kit;
  let operations: Operation[];
  let known: { applications: string[]; regulation: string; user: string };

  const fingerprint = async () => {
    const parts = await Promise.all(
      STATE_TABLES.map(async (table) => {
        const { rows } = await sql<{ n: number; h: string }>`
          select count(*)::int as n,
                 md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
          from ${sql.table(table)} t`.execute(kit.t.db);
        return `${table}:${rows[0]?.n}:${rows[0]?.h}`;
      }),
    );
    return parts.join('\n');
  };

  beforeAll(async () => {
    kit = await setupKit();
    const res = await kit.app.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({
          method: method.toUpperCase(),
          path,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        })),
    );
    const draft = await createDraft(kit);
    const submitted = await applicationIn(kit, 'submitted');
    const assessed = await applicationIn(kit, 'assessed');
    known = {
      applications: [draft.id, submitted.id, assessed.id],
      regulation: kit.regulationId,
      user: kit.users.resident.id,
    };
  });
  afterAll(() => kit?.close());

  it('finds a route table to fuzz', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('never answers 500, and a refused request changes nothing', async () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '..', '../../etc/passwd', '%00', 'null', '-1', '1e309', ' ', '\u202e'),
      fc.uuid(),
    );
    const param = (name: string) =>
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(...known.applications, known.regulation, known.user),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'bewonersinitiatief',
            '1',
            '2',
            'resident',
            'staff',
            'unavailable',
            name,
          ),
        },
        { weight: 2, arbitrary: junk },
      );
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      {
        weight: 3,
        arbitrary: fc.record(
          {
            type: fc.oneof(fc.constantFrom(...EVENTS), fc.string()),
            payload: fc.jsonValue({ maxDepth: 3 }),
            data: fc.dictionary(
              fc.constantFrom(
                'title',
                'district',
                'budgetLines',
                'iban',
                'activityDate',
                '__proto__',
              ),
              fc.jsonValue({ maxDepth: 2 }),
            ),
            regulationId: fc.oneof(fc.constant(known.regulation), junk),
            applicantId: fc.oneof(fc.constant(known.user), junk),
            email: fc.oneof(fc.emailAddress(), junk),
            password: fc.string({ maxLength: 80 }),
            roles: fc.array(fc.constantFrom('applicant', 'clerk', 'admin', 'system', 'root')),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ raw: s })) },
    );
    const query = fc.dictionary(
      fc.constantFrom(
        'state',
        'cursor',
        'limit',
        'q',
        'status',
        'kind',
        'format',
        'year',
        'district',
        'mine',
        'role',
      ),
      fc.oneof(junk, fc.integer().map(String)),
      { maxKeys: 4 },
    );
    // HTTP carries header values as bytes: keep what a client could send (Latin-1, no CR/LF).
    const latin1 = (v: string) => v.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
    const headers = fc.record(
      {
        'if-match': fc
          .oneof(fc.constantFrom('"1"', '"2"', '*', 'W/"1"', '"99999999999999999999"'), junk)
          .map(latin1),
        'idempotency-key': fc.oneof(fc.uuid(), junk).map(latin1),
        'content-type': fc.constantFrom(
          'application/json',
          'text/plain',
          'application/json; charset=latin1',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        ),
        origin: fc.constantFrom(TEST_ORIGIN, 'https://evil.example', 'null'),
        'accept-language': fc.constantFrom('nl', 'en', 'xx', '*'),
      },
      { requiredKeys: [] },
    );
    const who = fc.constantFrom<Persona | 'nobody'>(
      'nobody',
      'resident',
      'resident2',
      'clerk',
      'assessor',
      'approver',
      'policy',
      'admin',
    );

    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        who,
        body,
        query,
        headers,
        fc.array(param('x'), { minLength: 4, maxLength: 4 }),
        async (pick, persona, json, q, h, params) => {
          const op = operations[pick % operations.length]!;
          let path = op.path;
          op.params.forEach((name, i) => {
            path = path.replace(`{${name}}`, encodeURIComponent(params[i] ?? name));
          });
          const search = new URLSearchParams(q).toString();
          const url = search ? `${path}?${search}` : path;
          const requestHeaders: Record<string, string> = { ...h };
          if (persona !== 'nobody') {
            requestHeaders.cookie = await loginAs(kit.app, kit.users[persona].email!);
          }
          const hasBody = op.method !== 'GET' && json !== undefined;
          if (!hasBody) delete requestHeaders['content-type'];
          const rawBody =
            hasBody && typeof json === 'object' && json !== null && 'raw' in json
              ? String((json as { raw: unknown }).raw)
              : JSON.stringify(json);
          const before = await fingerprint();
          const res = await kit.app.request(url, {
            method: op.method,
            headers: requestHeaders,
            body: hasBody ? rawBody : undefined,
          });
          const text = await res.text();
          const label = `${op.method} ${url} as ${persona}: ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) failures.push(label);
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
            expect(await fingerprint(), `state changed by a refused request: ${label}`).toBe(
              before,
            );
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
