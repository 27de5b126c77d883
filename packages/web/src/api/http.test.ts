/**
 * What the typed client puts on the wire and makes of the answers: the same as the three
 * hand-written wrappers it replaced (same-origin credentials, JSON in and out, problem+json as
 * ApiError, 401 reported except where it is an answer, status 0 for no network).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, http, onUnauthorized } from './http';

interface Sent {
  url: string;
  init: RequestInit;
}

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const text = typeof body === 'string' ? body : body === undefined ? null : JSON.stringify(body);
    return new Response(text, { status, headers });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(null);
});

describe('the typed client', () => {
  test('fills in path parameters, leaves out empty query values, sends JSON with headers', async () => {
    const sent = answer(200, { id: 'a', version: 4 }, { etag: '"4"' });
    const { data, response } = await http.withResponse.post('/api/applications/{id}/events', {
      path: { id: 'a/b' },
      header: { 'if-match': '"3"', 'idempotency-key': undefined },
      body: { type: 'SUBMIT' },
    });
    expect(data).toEqual({ id: 'a', version: 4 });
    expect(response.headers.get('etag')).toBe('"4"');
    expect(sent[0]!.url).toBe('/api/applications/a%2Fb/events');
    expect(sent[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"type":"SUBMIT"}',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'if-match': '"3"',
      },
    });
    expect(sent[0]!.init.headers).not.toHaveProperty('idempotency-key');

    const query = { state: 'a,b', q: '', overdue: undefined, limit: 5 } as const;
    const sentList = answer(200, { items: [], nextCursor: null });
    await http.get('/api/applications', { query });
    expect(sentList[0]!.url).toBe('/api/applications?state=a%2Cb&limit=5');
    expect(sentList[0]!.init.body).toBeUndefined();
  });

  test('a 204 answers undefined; a form is sent as it is', async () => {
    const sent = answer(204);
    const form = new FormData();
    form.set('file', new Blob(['x']), 'x.pdf');
    expect(
      await http.delete('/api/applications/{id}/authorisations/{authorisationId}', {
        path: { id: 'a', authorisationId: 'b' },
      }),
    ).toBeUndefined();
    answer(201, { id: 'f' });
    await http.post('/api/applications/{id}/attachments', { path: { id: 'a' }, body: form });
    expect(sent[0]!.init.method).toBe('DELETE');
  });

  test('problem+json becomes an ApiError with its code and invalidParams', async () => {
    answer(
      412,
      {
        type: '/api/problems/precondition_failed',
        title: 'Precondition failed',
        status: 412,
        detail: 'Someone saved first.',
        code: 'precondition_failed',
        savedBy: { id: 'u', name: 'An' },
        invalidParams: [{ name: 'data.title', reason: 'Required' }],
      },
      { 'content-type': 'application/problem+json' },
    );
    const err = await http.get('/api/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const api = err as ApiError;
    expect(api.status).toBe(412);
    expect(api.code).toBe('precondition_failed');
    expect(api.message).toBe('Someone saved first.');
    expect(api.invalidParams).toEqual([{ name: 'data.title', reason: 'Required' }]);
    expect(api.problem.savedBy).toEqual({ id: 'u', name: 'An' });
  });

  test('an answer that is not JSON keeps its status and the start of its text', async () => {
    answer(502, 'Bad gateway from the proxy');
    const err = (await http.get('/api/regulations').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(err.problem.detail).toBe('Bad gateway from the proxy');
  });

  test('no network is status 0, code network; an abort stays an abort', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await http.get('/api/regulations').catch((e: unknown) => e)) as ApiError;
    expect(err).toMatchObject({ status: 0, code: 'network' });
    vi.stubGlobal('fetch', async () => {
      throw new DOMException('stopped', 'AbortError');
    });
    const abort = await http.get('/api/regulations').catch((e: unknown) => e);
    expect(abort).not.toBeInstanceOf(ApiError);
    expect((abort as Error).name).toBe('AbortError');
  });

  test('a 401 is reported, except from the session probe and the login calls', async () => {
    const told = vi.fn();
    onUnauthorized(told);
    answer(401, { status: 401, code: 'unauthenticated' });
    await http.get('/api/me').catch(() => undefined);
    await http.post('/api/auth/login', { body: { email: 'a@b.nl', password: 'x' } }).catch(() => 0);
    expect(told).not.toHaveBeenCalled();
    await http.get('/api/policy/definitions').catch(() => undefined);
    expect(told).toHaveBeenCalledTimes(1);
  });

  test('links and text answers use the documented paths', async () => {
    expect(http.href('/api/documents/{id}', { path: { id: 'd' }, query: { format: 'pdf' } })).toBe(
      '/api/documents/d?format=pdf',
    );
    const sent = answer(200, '<html></html>');
    expect(
      await http.text('text/html', '/api/documents/{id}', {
        path: { id: 'd' },
        query: { format: 'html' },
      }),
    ).toBe('<html></html>');
    expect(sent[0]!.init.headers).toMatchObject({ accept: 'text/html' });
  });
});
