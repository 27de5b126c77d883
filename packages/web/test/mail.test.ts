/**
 * Staff read the outbox in a real browser: a resident's submission produces an acknowledgement
 * mail (the outbox worker runs in the test server and, without SMTP, writes an .eml file); a
 * failed mail can be sent again. And a session that ends mid-visit leads to the login page
 * with a notice, and back to the same page after logging in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { httpApi } from './kit';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let applicationId = '';
let reference = '';

screenshotOnFailure(() => page);

const api = httpApi(() => server);

async function cookieOf(email: string): Promise<string> {
  const { res } = await api('/auth/login', { method: 'POST', body: { email, password: PASSWORD } });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** The acknowledgement mail of the application, once the worker has sent it. */
async function sentAcknowledgement() {
  for (let i = 0; i < 60; i++) {
    const row = await server.deps.db
      .selectFrom('outbox')
      .select(['id', 'status', 'subject'])
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'mail')
      .where('template_key', '=', 'acknowledgement')
      .executeTakeFirst();
    if (row?.status === 'done') return row;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the acknowledgement mail was not sent');
}

beforeAll(async () => {
  server = await startTestServer();
  await createUser(server.deps.db, {
    roles: ['policy'],
    email: 'policy@example.org',
    name: 'Pim Beleidsmedewerker',
    password: PASSWORD,
  });
  browser = await openBrowser();
  page = browser.page;
  const cookie = await cookieOf(server.users.resident.email);
  const created = await api('/applications', {
    method: 'POST',
    cookie,
    body: { regulationId: server.regulationId, data: demoFormData(server.deps.clock()) },
  });
  const submitted = await api(`/applications/${created.json.id}/events`, {
    method: 'POST',
    cookie,
    body: { type: 'SUBMIT' },
  });
  applicationId = submitted.json.id;
  reference = submitted.json.reference;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Berichten page', () => {
  it('shows the outbox, failed first, and sends a failed mail again', async () => {
    const ack = await sentAcknowledgement();
    // One mail fails for good, as when the mail server keeps refusing it.
    const other = await server.deps.db
      .selectFrom('outbox')
      .select(['id', 'subject'])
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'mail')
      .where('id', '!=', ack.id)
      .executeTakeFirst();
    const failedId = other?.id ?? ack.id;
    await server.deps.db
      .updateTable('outbox')
      .set({
        status: 'failed',
        attempts: 5,
        max_attempts: 5,
        last_error: '550 mailbox unavailable',
        done_at: null,
      })
      .where('id', '=', failedId)
      .execute();
    const failedSubject = other?.subject ?? ack.subject!;

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Berichten' })
      .click();
    await expectHeading(page, 'Berichten');

    const table = page.getByRole('table', { name: 'Uitgaande berichten, mislukte eerst' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // Failed first, with its error and attempts.
    const first = rows.nth(1);
    await expect(first.getByText('Mislukt', { exact: true }).count()).resolves.toBe(1);
    await expect(first.getByText('550 mailbox unavailable').count()).resolves.toBe(1);
    await expect(first.getByText('5 van 5').count()).resolves.toBe(1);
    await expect(first.getByRole('link', { name: reference }).count()).resolves.toBe(1);
    // The acknowledgement to the resident, sent.
    if (other) {
      const ackRow = rows.filter({ hasText: ack.subject! });
      await expect(ackRow.getByText('Verstuurd', { exact: true }).count()).resolves.toBe(1);
      await expect(ackRow.getByText(server.users.resident.email).count()).resolves.toBe(1);
    }
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /1 bericht is mislukt\./ })
        .count(),
    ).resolves.toBe(1);

    // Without SMTP the worker wrote .eml files: listed, and readable in the page.
    const files = page.getByRole('table', { name: 'E-mailbestanden, nieuwste eerst' });
    await files.waitFor();
    await expect(files.getByRole('row').count()).resolves.toBeGreaterThan(1);
    const view = files.getByRole('button', { name: /^Bekijk e-mail/ }).first();
    await view.click();
    const source = files.getByRole('region', { name: /^Inhoud van .*\.eml$/ });
    await source.waitFor();
    expect(await source.textContent()).toMatch(/Subject:/);
    const hide = files.getByRole('button', { name: /^Verberg e-mail/ });
    await expect(hide.count()).resolves.toBe(1);
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await checkA11y(page, 'berichten');

    await page.getByRole('button', { name: `Opnieuw versturen: ${failedSubject}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Het bericht ‘${failedSubject}’ staat weer klaar om te versturen.` })
      .waitFor();
    // The status comes before the list has reloaded: wait for the button to go, or fail.
    await page
      .getByRole('button', { name: `Opnieuw versturen: ${failedSubject}` })
      .waitFor({ state: 'detached', timeout: 15_000 });
    await checkA11y(page, 'berichten-retried');

    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await expectNoHorizontalScroll(page);
      await checkA11y(page, 'berichten-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // The reference leads to the case.
    await first.getByRole('link', { name: reference }).click();
    await page.waitForURL(`${server.url}/behandeling/${applicationId}`);
  });

  it('is for staff only', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await expect(page.getByRole('link', { name: 'Berichten' }).count()).resolves.toBe(0);
    await page.goto(`${server.url}/berichten`);
    await expectHeading(page, 'Geen toegang', false);

    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await page.getByRole('link', { name: 'Berichten' }).click();
    await expectHeading(page, 'Berichten');
    await page.getByRole('table', { name: 'Uitgaande berichten, mislukte eerst' }).waitFor();

    // Policy staff start at the policy pages, and may read the outbox too.
    await login(page, server.url, 'policy@example.org', PASSWORD);
    await page.waitForURL(`${server.url}/beleid`);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Berichten' })
      .click();
    await expectHeading(page, 'Berichten');
  });
});

describe('a session that ends mid-visit', () => {
  it('goes to the login page with a notice, and back to the page after logging in', async () => {
    await login(page, server.url, server.users.approver.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    await page.getByRole('link', { name: 'Berichten' }).click();
    await expectHeading(page, 'Berichten');
    // Let the page finish its own requests first: one of them answering 401 would take the
    // browser to the login page before the click below, which is the point of the test.
    await page.getByRole('table', { name: 'Uitgaande berichten, mislukte eerst' }).waitFor();
    await page.waitForLoadState('networkidle');

    // The session ends elsewhere (another tab logs out, or it times out on the server).
    await server.deps.db
      .deleteFrom('sessions')
      .where('user_id', '=', server.users.approver.id)
      .execute();

    await page.getByRole('button', { name: 'Laad opnieuw' }).click();
    await expectHeading(page, 'Inloggen');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inloggen');
    expect(url.searchParams.get('next')).toBe('/berichten');
    await page
      .getByRole('status')
      .filter({ hasText: 'Uw sessie is verlopen; log opnieuw in.' })
      .waitFor();
    await checkA11y(page, 'session-expired');

    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(server.users.approver.email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expectHeading(page, 'Berichten');
    expect(new URL(page.url()).pathname).toBe('/berichten');
  });

  it('follows only paths on this site after login', async () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      await page.context().clearCookies();
      await page.goto(`${server.url}/inloggen?next=${encodeURIComponent(next)}`);
      await page.getByRole('textbox', { name: 'E-mailadres' }).fill(server.users.approver.email);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expectHeading(page, 'Werkvoorraad');
      expect(new URL(page.url()).origin).toBe(server.url);
    }
  });
});
