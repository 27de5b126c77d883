/**
 * A browser test file's set-up in one call: the test server, the browsers on it, a screenshot of
 * the first browser's page when a test fails, and everything closed again after the file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
