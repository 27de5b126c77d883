import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, TEST_ORIGIN } from '../test/test-app';
import { duplicateKeys } from './json-inspection';

// Hostile input the first boundary let through (probed over HTTP): control characters, bytes
// that are no UTF-8 in a JSON body or a file name, and a JSON member named twice. Each stored
// as it came (200/201); now 400 naming the field, and nothing is written.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(async () => {
  await kit?.close();
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

async function refusedNaming(res: Response, field: string): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await readJson(res);
  const param = body.invalidParams.find((p: { name: string }) => p.name === field);
  expect(param, JSON.stringify(body.invalidParams)).toBeDefined();
  return param.reason as string;
}

/** The resident's PATCH of her draft with a body sent as it is typed here. */
function patchRaw(draft: { id: string; version: number }, body: string | Uint8Array) {
  return kit.app.request(`/api/applications/${draft.id}`, {
    method: 'PATCH',
    headers: {
      origin: TEST_ORIGIN,
      cookie: kit.cookies.resident,
      'content-type': 'application/json',
      'if-match': `"${draft.version}"`,
    },
    body,
  });
}

async function rawJson(method: string, path: string, bytes: Uint8Array, lang = 'en') {
  return kit.app.request(path, {
    method,
    headers: {
      origin: TEST_ORIGIN,
      cookie: kit.cookies.resident,
      'content-type': 'application/json',
      'accept-language': lang,
    },
    body: bytes,
  });
}

async function titleOf(id: string): Promise<string> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
  });
  return (await readJson(res)).data.title;
}

describe('control characters', () => {
  test.each([
    ['escape', 'Buurt\u001b[2Jfeest'],
    ['backspace', 'Buurt\u0008feest'],
    ['a C1 control', 'Buurt\u0085feest'],
    ['DEL', 'Buurt\u007ffeest'],
  ])('%s in a form field: 400 naming data.title, nothing saved', async (_what, title) => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title } },
      headers: { 'If-Match': `"${draft.version}"`, 'Accept-Language': 'nl' },
    });
    expect(await refusedNaming(res, 'data.title')).toMatch(/stuurteken/);
    expect(await titleOf(draft.id)).toBe((draft.data as { title: string }).title);
  });

  test('tabs and line breaks are text, not control characters to refuse', async () => {
    const draft = await createDraft(kit);
    const description = `Regel een\r\nRegel twee\n\tmet een tab, lang genoeg voor de regel.`;
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { description } },
      headers: { 'If-Match': `"${draft.version}"` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  test('in a query value and in a member name', async () => {
    const list = await call(kit.app, 'GET', '/api/applications?q=%1B%5B31m', {
      cookie: kit.cookies.assessor,
    });
    await refusedNaming(list, 'query.q');
    const me = await call(kit.app, 'PATCH', '/api/me', {
      cookie: kit.cookies.resident,
      json: { 'na\u0001me': 'X' },
    });
    await refusedNaming(me, 'na\u0001me');
  });
});

describe('the reading direction', () => {
  test.each([
    ['an override at the end', 'Buurtfeest \u202e€ 50'],
    ['an isolate left open', 'Buurtfeest \u2067مهرجان'],
    ['an embedding open at a line’s end', 'Regel \u202been\nRegel twee\u202c'],
  ])('%s: 400 naming data.title, in words, nothing saved', async (_what, title) => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title } },
      headers: { 'If-Match': `"${draft.version}"`, 'Accept-Language': 'nl' },
    });
    expect(await refusedNaming(res, 'data.title')).toMatch(/leesrichting .* niet wordt afgesloten/);
    expect(await titleOf(draft.id)).toBe((draft.data as { title: string }).title);
  });

  test('right-to-left text with its controls closed, or with marks, is text and is kept', async () => {
    for (const title of [
      'Buurtfeest \u2067مهرجان الحي\u2069 in Delfshaven',
      'Iftar \u202bافطار الجيران\u202c op het plein',
      'Ayşe \u200fيلدز\u200f Yıldız-Çelik',
      'Genest \u2068\u202eabc\u2069 en verder',
    ]) {
      const draft = await createDraft(kit);
      const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
        cookie: kit.cookies.resident,
        json: { data: { title } },
        headers: { 'If-Match': `"${draft.version}"` },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await titleOf(draft.id)).toBe(title);
    }
  });
});

describe('bytes that are not UTF-8', () => {
  test('in a JSON string: 400 naming the field, nothing saved', async () => {
    const draft = await createDraft(kit);
    const [before, after] = '{"data":{"title":"Buurt@feest"}}'.split('@') as [string, string];
    const bytes = Buffer.concat([
      Buffer.from(before),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(after),
    ]);
    const res = await patchRaw(draft, bytes);
    expect(await refusedNaming(res, 'data.title')).toMatch(/UTF-8/);
    expect(await titleOf(draft.id)).toBe((draft.data as { title: string }).title);
  });

  test('outside any string: 400 naming the body', async () => {
    const res = await rawJson('PATCH', '/api/me', new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d]));
    await refusedNaming(res, '(body)');
  });

  test('in a file name: 400 naming form.file, nothing stored', async () => {
    const draft = await createDraft(kit);
    const head = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="offerte'),
      Buffer.from([0xed, 0xa0, 0x80, 0xff]),
      Buffer.from('.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
    ]);
    const body = Buffer.concat([head, Buffer.from(PDF), Buffer.from('\r\n--B--\r\n')]);
    const res = await kit.app.request(`/api/applications/${draft.id}/attachments`, {
      method: 'POST',
      headers: {
        origin: TEST_ORIGIN,
        cookie: kit.cookies.resident,
        'content-type': 'multipart/form-data; boundary=B',
      },
      body,
    });
    expect(await refusedNaming(res, 'form.file')).toMatch(/file name|bestandsnaam/);
    const stored = await kit.t.db
      .selectFrom('attachments')
      .select('id')
      .where('application_id', '=', draft.id)
      .execute();
    expect(stored).toHaveLength(0);
  });
});

describe('a JSON member named twice', () => {
  test('400 naming it, and neither value is saved', async () => {
    const draft = await createDraft(kit);
    const text = '{"data":{"title":"Eerste titel","title":"Tweede titel"}}';
    const res = await patchRaw(draft, text);
    await refusedNaming(res, 'data.title');
    expect(await titleOf(draft.id)).toBe((draft.data as { title: string }).title);
  });

  test('a member named __proto__ is refused by name, not silently dropped', async () => {
    const draft = await createDraft(kit);
    const res = await patchRaw(draft, '{"data":{"__proto__":{"title":"Stiekem"}}}');
    await refusedNaming(res, 'data.__proto__');
    expect(await titleOf(draft.id)).toBe((draft.data as { title: string }).title);
  });

  test.each([
    ['{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}', []],
    ['{"a":1,"\\u0061":2}', ['a']],
    ['[{"x":1},{"y":{"z":1,"z":2}}]', ['1.y.z']],
    ['{"s":"\\"a\\":1,\\"a\\":2","t":["{\\"a\\":1}"]}', []],
    ['{"k":{},"k":[]}', ['k']],
  ])('duplicateKeys(%s)', (text, found) => {
    expect(duplicateKeys(text)).toEqual(found);
  });
});

describe('JSON nested too deeply', () => {
  test('400 naming where, instead of a stack overflow (500) when the draft is stored', async () => {
    const deep = `{"definition":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const res = await kit.app.request('/api/policy/definitions/bewonersinitiatief/versions/1', {
      method: 'PUT',
      headers: {
        origin: TEST_ORIGIN,
        cookie: kit.cookies.policy,
        'content-type': 'application/json',
        'if-match': '"r1"',
      },
      body: deep,
    });
    const reason = await refusedNaming(res, `definition.x${'.0'.repeat(62)}`);
    expect(reason).toMatch(/64/);
  });
});

describe('a compressed body', () => {
  test('415 naming content-encoding: the server would read it as if it were not', async () => {
    const res = await kit.app.request('/api/me', {
      method: 'PATCH',
      headers: {
        origin: TEST_ORIGIN,
        cookie: kit.cookies.resident,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: '{"name":"Ingepakt"}',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await readJson(res);
    expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['content-encoding']);
    const me = await readJson(
      await call(kit.app, 'GET', '/api/me', { cookie: kit.cookies.resident }),
    );
    expect(me.name).not.toBe('Ingepakt');
  });
});

describe('a body that breaks off', () => {
  // What @hono/node-server's request stream does when the client goes away mid-body.
  const aborted = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"Half'));
      },
      pull(controller) {
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });

  test.each([
    ['with a declared length', { 'content-length': '100' }],
    ['chunked (counted while read)', {}],
  ])('%s: 400, not 503 as if the database were down', async (_how, length) => {
    const res = await kit.app.request('/api/me', {
      method: 'PATCH',
      headers: {
        origin: TEST_ORIGIN,
        cookie: kit.cookies.resident,
        'content-type': 'application/json',
        ...length,
      },
      body: aborted(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await readJson(res)).code).toBe('malformed_request');
  });
});
