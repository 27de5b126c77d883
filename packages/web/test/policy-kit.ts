/**
 * What the policy tests share: a test server with policy officers and a browser, a new draft of
 * the resident initiatives' workflow opened from /beleid, and the editor's live check.
 */
import type { Locator, Page } from 'playwright-core';
import { createUser } from '../../api/src/test/test-app';
import { expectHeading, login } from './browser';
import { httpApi, type Started, setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';
import { newestShippedVersion, nextDraftVersion } from './versions';

export interface Officer {
  email: string;
  name: string;
}

const WORKFLOW = 'bewonersinitiatief';

/**
 * Registers the file's beforeAll and afterAll: a test server with these policy officers (password
 * PASSWORD) and `browsers` browsers (one unless said), handed to `ready`; see setUpBrowserTest.
 */
export function setUpPolicyTest(
  officers: Officer[],
  ready: (started: Started) => void,
  options: { browsers?: number } = {},
): void {
  setUpBrowserTest(ready, {
    ...options,
    seed: async (server) => {
      for (const officer of officers) {
        await createUser(server.deps.db, { roles: ['policy'], ...officer, password: PASSWORD });
      }
    },
  });
}

/**
 * Logs the officer in, and on /beleid starts a new draft of a version of the resident
 * initiatives' workflow: the newest shipped one unless `from` says otherwise. Done when the
 * editor's heading names the draft's version (or matches `heading`).
 */
export async function openNewDraft(
  page: Page,
  server: TestServer,
  email: string,
  options: { from?: number; listHeading?: boolean; heading?: RegExp } = {},
): Promise<void> {
  const from = options.from ?? (await newestShippedVersion(WORKFLOW));
  await login(page, server.url, email, PASSWORD);
  await page.goto(`${server.url}/beleid`);
  if (options.listHeading) await expectHeading(page, 'Werkprocessen', false);
  // Other workflows have a version of that number too: the resident initiatives' row.
  await page
    .getByRole('row', { name: new RegExp(`^Subsidie bewonersinitiatief ${from} `) })
    .getByRole('button', { name: `Nieuw concept van versie ${from}` })
    .click();
  const next = await nextDraftVersion(WORKFLOW);
  await expectHeading(page, options.heading ?? new RegExp(`versie ${next}$`));
}

/** Waits until the live check says `text`; if it does not, fails with the problems it lists. */
export async function expectNoProblems(
  page: Page,
  text = 'Geen problemen gevonden.',
): Promise<void> {
  try {
    await page.getByText(text).waitFor({ timeout: 10_000 });
  } catch {
    const problems = (await page.locator('.policy-problems').textContent()) ?? '';
    throw new Error(`problems in the draft:\n${problems}`);
  }
}

/** A state's fieldset in the editor, by its label. */
export const stateGroup = (page: Page, label: string): Locator =>
  page.getByRole('group', { name: label, exact: true });

/** Adds an action to an opened transition and returns the new action's item. */
export async function addAction(transition: Locator, action: string): Promise<Locator> {
  await transition.getByLabel('Handeling toevoegen', { exact: true }).selectOption(action);
  await transition.getByRole('button', { name: 'Handeling toevoegen' }).click();
  return transition.locator('ol.policy-ref-list').nth(1).locator('> li').last();
}

// biome-ignore lint/suspicious/noExplicitAny: the definition is read as JSON and checked by tests
export type Json = Record<string, any>;

/**
 * The draft's definition as the expert view holds it (the forms write into it). Its text follows
 * typing in the forms once the typing pauses (`data-pending` until then): read when it has.
 */
export async function draftJson(page: Page): Promise<Json> {
  return JSON.parse(await expertText(page));
}

/** The expert view's text, once it shows the draft as it is now (see `draftJson`). */
export async function expertText(page: Page): Promise<string> {
  await page.locator('#def-json:not([data-pending])').waitFor({ state: 'attached' });
  return page.locator('#def-json').inputValue();
}

/** Sets the expert view's text as one input event (Playwright's fill of it all is slow). */
export async function setDefinitionJson(page: Page, definition: unknown): Promise<void> {
  await page.locator('#def-json').evaluate(
    (el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    JSON.stringify(definition, null, 2),
  );
}

/** A session cookie of an account, logged in over HTTP. */
export async function cookieOf(server: TestServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/**
 * A new regulation on the test server's workflow version, proposed over HTTP by an officer: it
 * waits for a second officer's approval. `fields` are the regulation's own (code, title, …).
 */
export async function proposeRegulation(
  server: TestServer,
  email: string,
  fields: Json,
): Promise<Response> {
  const reg = await server.deps.db
    .selectFrom('regulations')
    .select(['workflow_key', 'workflow_version'])
    .where('id', '=', server.regulationId)
    .executeTakeFirstOrThrow();
  return fetch(`${server.url}/api/policy/regulations`, {
    method: 'POST',
    headers: {
      origin: server.url,
      'content-type': 'application/json',
      cookie: await cookieOf(server, email),
    },
    body: JSON.stringify({
      workflowKey: reg.workflow_key,
      workflowVersion: reg.workflow_version,
      ...fields,
    }),
  });
}

/**
 * Publishes a saved draft and points the test server's regulation at it, each proposed by
 * `first` and approved by `second` (four eyes), over HTTP: what a test does after building a
 * draft in the editor, before it shows residents and staff the new version.
 */
export async function publishForRegulation(
  server: TestServer,
  args: {
    first: string;
    second: string;
    version: number;
    comment: string;
    regulationComment: string;
  },
): Promise<void> {
  const api = httpApi(() => server);
  const [first, second] = [await cookieOf(server, args.first), await cookieOf(server, args.second)];
  const approve = (id: string) =>
    api(`/policy/proposals/${id}/approve`, { method: 'POST', cookie: second, body: {} });
  const proposed = await api(
    `/policy/definitions/bewonersinitiatief/versions/${args.version}/publish`,
    { method: 'POST', cookie: first, body: { comment: args.comment } },
  );
  await approve(proposed.json.proposal.id);
  const pointed = await api(`/policy/regulations/${server.regulationId}`, {
    method: 'PATCH',
    cookie: first,
    body: {
      workflowKey: 'bewonersinitiatief',
      workflowVersion: args.version,
      comment: args.regulationComment,
    },
  });
  await approve(pointed.json.proposal.id);
}
