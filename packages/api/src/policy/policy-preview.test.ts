import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { pdfText } from '../letters/pdf-text';
import { call } from '../test/test-app';

let kit: Kit;
const path = '/api/policy/templates/preview';

beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const letter = {
  group: 'letters',
  kind: 'grant',
  language: 'nl',
  subject: 'Extra brief over {{title}}',
  body: 'Beste {{applicantName}},\n\nU krijgt {{grantedAmount}} voor {{title}}.\n\nKenmerk {{reference}.',
};

describe('template preview with sample data', () => {
  test('a mail as text: placeholders filled, malformed and unknown ones named', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, group: 'mails', body: `${letter.body} {{kenmerk}}` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await readJson(res);
    expect(body.subject).toBe('Extra brief over Straatfeest Zwart Janstraat');
    expect(body.body).toContain('U krijgt € 1.250,00 voor Straatfeest Zwart Janstraat.');
    expect(body.malformed).toEqual(['{{reference}']);
    expect(body.unknown).toEqual(['kenmerk']);
  });

  test("the sample reference carries the workflow's own prefix; a malformed one is refused", async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, group: 'mails', subject: 'Over {{reference}}', referencePrefix: 'KB' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readJson(res)).subject).toMatch(/^Over KB-\d{4}-000123$/);
    const bad = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, referencePrefix: 'kb' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await readJson(bad))).toContain('referencePrefix');
  });

  test('a letter as the real PDF, with the objection clause of a decision', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, format: 'pdf' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Extra brief over Straatfeest Zwart Janstraat');
    expect(text).toContain('U krijgt € 1.250,00');
    expect(text).toContain('Bezwaar maken');
  });

  test('a link to the PDF for its author only, so the browser opens it in a tab', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, format: 'link' },
    });
    const { url } = await readJson(res);
    expect(url).toMatch(/^\/api\/policy\/templates\/preview\/[0-9a-f-]{36}$/);
    const pdf = await call(kit.app, 'GET', url, { cookie: kit.cookies.policy });
    expect(pdf.status).toBe(200);
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('U krijgt');
    const other = await call(kit.app, 'GET', url, { cookie: kit.cookies.admin });
    expect(other.status).toBe(403);
  });

  test('only policy staff', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.assessor,
      json: letter,
    });
    expect(res.status).toBe(403);
  });
});
