import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

// Issue 19, finding 4: the probes that answered 500, each now a 400/422 naming the field.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(async () => {
  await kit?.close();
});

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('one input boundary', () => {
  test.each([
    ['POST', '/api/auth/login', { email: 'a\u0000@example.org', password: 'x' }, 'email'],
    ['POST', '/api/auth/register', { name: 'An\u0000', email: 'an@example.org' }, 'name'],
    ['PATCH', '/api/me', { name: 'An\u0000' }, 'name'],
    ['POST', '/api/applications', { data: { title: '\ud800' } }, 'data.title'],
  ])('%s %s with a NUL or lone surrogate: 400 naming %s', async (method, path, json, field) => {
    const res = await call(kit.app, method, path, { cookie: kit.cookies.resident, json });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await readJson(res);
    expect(body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
  });

  test.each([
    ['/api/applications?q=a%00b', 400, 'query.q'],
    ['/api/applications?q=%ED%A0%80', 400, 'query.q'],
    ['/api/applications?regulation=------------------------------------', 200, null],
    ['/api/queue?regulation=------------------------------------', 200, null],
    [
      `/api/queue?cursor=${cursor({ k: 'nope', id: '00000000-0000-4000-8000-000000000000' })}`,
      422,
      'cursor',
    ],
    [
      `/api/applications?cursor=${cursor({ k: null, id: '------------------------------------' })}`,
      422,
      'cursor',
    ],
  ])('GET %s: %i', async (url, status, field) => {
    const res = await call(kit.app, 'GET', url, { cookie: kit.cookies.assessor });
    expect(res.status).toBe(status);
    if (field) {
      const body = await readJson(res);
      expect(body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
  });

  test.each([
    ['nl', 'bevat een teken dat niet kan worden opgeslagen'],
    ['en', 'contains a character that cannot be stored'],
  ])('a refused field is explained in the language asked for (%s)', async (lang, sentence) => {
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { data: { title: 'Buurt\u0000feest', description: 'Goed\ud800' } },
      headers: { 'Accept-Language': lang },
    });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    const reasons = Object.fromEntries(
      body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]),
    );
    expect(reasons['data.title']).toContain(sentence);
    expect(reasons['data.description']).toMatch(lang === 'nl' ? /half teken/ : /half a character/);
    expect(body.invalidParams[0]).not.toHaveProperty('text');
  });

  test('a signed-in person who switched the page to English gets English reasons', async () => {
    // The assessor's account says Dutch; the web sends the page's language with every request.
    const app = await applicationIn(kit, 'submitted');
    const reasons: Record<string, string> = {};
    for (const lang of ['nl', 'en']) {
      const res = await sendEvent(
        kit,
        'assessor',
        app.id,
        'ASSESS',
        { recommendation: 'grant', amountCents: 99_000_000, motivation: 'Te veel.' },
        { 'Accept-Language': lang },
      );
      expect(res.status).toBe(422);
      const body = await readJson(res);
      reasons[lang] = body.invalidParams.map((p: { reason: string }) => p.reason).join(' ');
    }
    expect(reasons.nl).toMatch(/bedrag/i);
    expect(reasons.en).toMatch(/amount/i);
    expect(reasons.en).not.toMatch(/bedrag/i);
  });
});
