/**
 * A browser test file's set-up in one call: the test server, the browsers on it, a screenshot of
 * the first browser's page when a test fails, and everything closed again after the file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type ApiAs, apiAs } from './api-as';
import { type Browser, login, openBrowser, screenshotOnFailure } from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

export interface Started {
  server: TestServer;
  /** The first browser's page. */
  page: Page;
  /** Every browser's page, in the order they were opened. */
  pages: Page[];
}

/**
 * Registers the file's beforeAll and afterAll: starts a test server, runs `seed` on it, opens
 * `browsers` browsers (one unless said), then hands them to `ready`, which keeps what it needs.
 */
export function setUpBrowserTest(
  ready: (started: Started) => void | Promise<void>,
  options: { browsers?: number; seed?: (server: TestServer) => Promise<void> } = {},
): void {
  let server: TestServer | undefined;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await options.seed?.(server);
    for (let i = 0; i < (options.browsers ?? 1); i++) browsers.push(await openBrowser());
    const pages = browsers.map((b) => b.page);
    await ready({ server, page: pages[0]!, pages });
  });
  screenshotOnFailure(() => browsers[0]?.page);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });
}

/**
 * The resident's form tests: a test server and a browser, the resident over the API and then
 * logged in in the browser. `ready` runs before that login, so it may first make an application.
 */
export function setUpResidentForm(
  ready: (started: Started & { as: ApiAs }) => void | Promise<void>,
): void {
  setUpBrowserTest(async ({ server, page, pages }) => {
    const as = await apiAs(server, server.users.resident.email);
    await ready({ server, page, pages, as });
    await login(page, server.url, server.users.resident.email, PASSWORD);
  });
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  /** The session cookie of the account that calls (`name=value`); none when anonymous. */
  cookie?: string;
}

export interface ApiAnswer {
  status: number;
  etag: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by the tests' assertions
  json: any;
  res: Response;
}

/**
 * The API over HTTP for a test file whose server starts in its beforeAll (hence `server` as a
 * function): `api('/applications', { method: 'POST', cookie, body })` answers the status, the
 * ETag, the JSON and the response itself. It fails the test on an answer that is not 2xx, unless
 * made with `{ anyStatus: true }` for a file that checks the status itself.
 */
export function httpApi(server: () => TestServer, options: { anyStatus?: boolean } = {}) {
  return async (path: string, init: ApiInit = {}): Promise<ApiAnswer> => {
    const { url } = server();
    const res = await fetch(`${url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        origin: url,
        'content-type': 'application/json',
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!options.anyStatus)
      expect(res.ok, `${init.method ?? 'GET'} ${path}: ${res.status} ${text}`).toBe(true);
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      json: text ? JSON.parse(text) : undefined,
      res,
    };
  };
}
