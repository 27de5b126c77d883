import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, createUser, loginAs, TEST_ORIGIN } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  applicationIn,
  createDraft,
  type Kit,
  type Persona,
  readJson,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

type Who =
  | 'anonymous'
  | 'owner'
  | 'otherResident'
  | Exclude<Persona, 'resident' | 'resident2' | 'assessor2'>;
const WHO: Who[] = [
  'anonymous',
  'owner',
  'otherResident',
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
];

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
);

interface Target {
  id: string;
  attachmentId: string;
}

interface RouteCase {
  name: string;
  /** What to prepare: an application in this state, owned by `resident`. */
  state: 'draft' | 'submitted';
  request: (
    t: Target,
    who: Who,
  ) => {
    method: string;
    path: string;
    json?: unknown;
    form?: FormData;
    headers?: Record<string, string>;
  };
  expect: Record<Who, number>;
}

const staffRead = { clerk: 200, assessor: 200, approver: 200, policy: 200, admin: 200 };
const pdfForm = () => {
  const form = new FormData();
  form.set('file', new File([PDF], 'offerte.pdf', { type: 'application/pdf' }));
  return form;
};

/** The authorization matrix: every route, every role, own and another resident's application. */
const MATRIX: RouteCase[] = [
  {
    name: 'GET /api/applications/{id}',
    state: 'draft',
    request: (t) => ({ method: 'GET', path: `/api/applications/${t.id}` }),
    expect: { anonymous: 401, owner: 200, otherResident: 404, ...staffRead },
  },
  {
    name: 'GET /api/applications/{id}/history',
    state: 'draft',
    request: (t) => ({ method: 'GET', path: `/api/applications/${t.id}/history` }),
    expect: { anonymous: 401, owner: 200, otherResident: 404, ...staffRead },
  },
  {
    name: 'PATCH /api/applications/{id}',
    state: 'draft',
    request: (t) => ({
      method: 'PATCH',
      path: `/api/applications/${t.id}`,
      json: { data: { title: 'Gewijzigd' } },
      headers: { 'If-Match': '"1"' },
    }),
    expect: {
      anonymous: 401,
      owner: 200,
      otherResident: 404,
      clerk: 200,
      assessor: 403,
      approver: 403,
      policy: 403,
      admin: 403,
    },
  },
  {
    name: 'POST /api/applications/{id}/events SUBMIT',
    state: 'draft',
    request: (t) => ({
      method: 'POST',
      path: `/api/applications/${t.id}/events`,
      json: { type: 'SUBMIT' },
    }),
    expect: {
      anonymous: 401,
      owner: 200,
      otherResident: 404,
      clerk: 200,
      assessor: 403,
      approver: 403,
      policy: 403,
      admin: 403,
    },
  },
  {
    name: 'POST /api/applications/{id}/events ASSESS',
    state: 'submitted',
    request: (t) => ({
      method: 'POST',
      path: `/api/applications/${t.id}/events`,
      json: { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed plan.' } },
    }),
    expect: {
      anonymous: 401,
      owner: 403,
      otherResident: 404,
      clerk: 403,
      assessor: 200,
      approver: 403,
      policy: 403,
      admin: 403,
    },
  },
  {
    name: 'GET /api/applications/{id}/attachments',
    state: 'draft',
    request: (t) => ({ method: 'GET', path: `/api/applications/${t.id}/attachments` }),
    expect: { anonymous: 401, owner: 200, otherResident: 404, ...staffRead },
  },
  {
    name: 'POST /api/applications/{id}/attachments',
    state: 'draft',
    request: (t) => ({
      method: 'POST',
      path: `/api/applications/${t.id}/attachments`,
      form: pdfForm(),
    }),
    expect: {
      anonymous: 401,
      owner: 201,
      otherResident: 404,
      clerk: 201,
      assessor: 403,
      approver: 403,
      policy: 403,
      admin: 403,
    },
  },
  {
    name: 'GET /api/attachments/{id}',
    state: 'draft',
    request: (t) => ({ method: 'GET', path: `/api/attachments/${t.attachmentId}` }),
    expect: { anonymous: 401, owner: 200, otherResident: 404, ...staffRead },
  },
  {
    name: 'POST /api/applications/{id}/claim',
    state: 'submitted',
    request: (t) => ({ method: 'POST', path: `/api/applications/${t.id}/claim` }),
    expect: {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      clerk: 403,
      assessor: 200,
      // An approver decides on proposals and never claims a case (issue 17).
      approver: 403,
      policy: 403,
      admin: 200,
    },
  },
  {
    name: 'POST /api/applications/{id}/release',
    state: 'submitted',
    request: (t) => ({ method: 'POST', path: `/api/applications/${t.id}/release` }),
    expect: {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      clerk: 403,
      assessor: 200,
      approver: 200,
      policy: 403,
      admin: 200,
    },
  },
  {
    name: 'GET /api/applications',
    state: 'draft',
    request: () => ({ method: 'GET', path: '/api/applications' }),
    expect: { anonymous: 401, owner: 200, otherResident: 200, ...staffRead },
  },
  {
    name: 'POST /api/applications',
    state: 'draft',
    request: (_t, who) => ({
      method: 'POST',
      path: '/api/applications',
      json: {
        regulationId: kit.regulationId,
        ...(who === 'clerk' ? { applicantId: kit.users.resident.id } : {}),
      },
    }),
    expect: {
      anonymous: 401,
      owner: 201,
      otherResident: 201,
      clerk: 201,
      assessor: 403,
      approver: 403,
      policy: 403,
      admin: 403,
    },
  },
  {
    name: 'GET /api/queue',
    state: 'draft',
    request: () => ({ method: 'GET', path: '/api/queue' }),
    expect: {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      clerk: 200,
      assessor: 200,
      approver: 200,
      policy: 403,
      admin: 200,
    },
  },
  {
    name: 'GET /api/budgets',
    state: 'draft',
    request: () => ({ method: 'GET', path: '/api/budgets' }),
    expect: { anonymous: 401, owner: 403, otherResident: 403, ...staffRead },
  },
  {
    name: 'GET /api/regulations/by-postcode',
    state: 'draft',
    request: () => ({ method: 'GET', path: '/api/regulations/by-postcode?postcode=3074%20AB' }),
    expect: { anonymous: 401, owner: 403, otherResident: 403, ...staffRead },
  },
  {
    name: 'GET /api/regulations',
    state: 'draft',
    request: () => ({ method: 'GET', path: '/api/regulations' }),
    expect: { anonymous: 200, owner: 200, otherResident: 200, ...staffRead },
  },
];

function cookieOf(who: Who): string | undefined {
  if (who === 'anonymous') return undefined;
  if (who === 'owner') return kit.cookies.resident;
  if (who === 'otherResident') return kit.cookies.resident2;
  return kit.cookies[who];
}

async function prepare(state: 'draft' | 'submitted'): Promise<Target> {
  // Files are added while the form can be changed, so the file comes before the submission.
  const app = await applicationIn(kit, 'draft');
  const upload = await kit.app.request(`/api/applications/${app.id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident },
    body: pdfForm(),
  });
  expect(upload.status).toBe(201);
  if (state === 'submitted') await step(kit, 'resident', app.id, 'SUBMIT');
  return { id: app.id, attachmentId: (await readJson(upload)).id };
}

describe('authorization matrix', () => {
  const cases = MATRIX.flatMap((route) =>
    WHO.map((who) => ({ route, who, status: route.expect[who] })),
  );
  test.each(cases)('$route.name as $who -> $status', async ({ route, who, status }) => {
    const target = await prepare(route.state);
    const r = route.request(target, who);
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...r.headers };
    const cookie = cookieOf(who);
    if (cookie) headers.cookie = cookie;
    let body: string | FormData | undefined;
    if (r.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(r.json);
    } else if (r.form) {
      body = r.form;
    }
    const res = await kit.app.request(r.path, { method: r.method, headers, body });
    expect(res.status, await res.clone().text()).toBe(status);
    if (status === 404) {
      // Never reveal that another resident's application exists.
      expect((await readJson(res)).detail).not.toContain(target.id);
    }
  });
});

describe('security', () => {
  test('a member of staff who also applies never acts as applicant on another application', async () => {
    const both = await createUser(kit.t.db, { roles: ['applicant', 'assessor'] });
    const cookie = await loginAs(kit.app, both.email!);
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'POST', `/api/applications/${draft.id}/events`, {
      cookie,
      json: { type: 'SUBMIT' },
    });
    expect(res.status).toBe(403);
  });

  test('listing as a resident never shows another resident’s applications', async () => {
    await createDraft(kit, 'resident2');
    const res = await call(kit.app, 'GET', '/api/applications?limit=100&q=Straatfeest', {
      cookie: kit.cookies.resident,
    });
    const items = (await readJson(res)).items as { applicantId: string }[];
    expect(items.every((i) => i.applicantId === kit.users.resident.id)).toBe(true);
  });

  test('history rows cannot be updated or deleted (database trigger)', async () => {
    const draft = await createDraft(kit);
    await expect(
      kit.t.db
        .updateTable('application_history')
        .set({ event: 'FORGED' })
        .where('application_id', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      kit.t.db.deleteFrom('application_history').where('application_id', '=', draft.id).execute(),
    ).rejects.toThrow(/immutable/);
  });

  test('the budget cannot be overspent by writing to the database directly', async () => {
    const budget = await kit.t.db
      .selectFrom('budgets')
      .selectAll()
      .where('regulation_id', '=', kit.regulationId)
      .executeTakeFirstOrThrow();
    await expect(
      kit.t.db
        .updateTable('budgets')
        .set({ reserved_cents: budget.ceiling_cents + 1 })
        .where('regulation_id', '=', kit.regulationId)
        .execute(),
    ).rejects.toThrow(/budgets_within_ceiling/);
  });

  test('a foreign Origin is refused for events', async () => {
    const draft = await createDraft(kit);
    const res = await kit.app.request(`/api/applications/${draft.id}/events`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        cookie: kit.cookies.resident,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'SUBMIT' }),
    });
    expect(res.status).toBe(403);
  });

  test('timer events cannot be sent over HTTP', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie: kit.cookies.admin,
      json: { type: 'xstate.after.decisionTerm.bewonersinitiatief.submitted' },
    });
    expect(res.status).toBe(422);
  });

  test('data with markup is stored as data, never interpreted', async () => {
    const draft = await createDraft(kit, 'resident', {
      data: { ...demoFormData(kit.clock()), title: '<script>alert(1)</script>' },
    });
    const res = await call(kit.app, 'GET', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
    });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await readJson(res)).data.title).toBe('<script>alert(1)</script>');
  });
});
