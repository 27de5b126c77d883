/**
 * The second shipped workflow (klein buurtbudget) end to end in Chromium, through the same
 * screens as the first and with no code for it: a regulation pointed at it gets that workflow's
 * pages, labels and rules; the resident applies and submits, an assessor proposes, another
 * person grants, and the grant is settled at once (directe vaststelling). The decision letter
 * is rendered by the outbox worker and read back from its PDF; the mail reaches the resident.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallBudgetRegulation } from '../../api/src/applications/applications.fixtures';
import { pdftotext } from '../../api/src/letters/poppler';
import { waitForMail } from '../../api/src/test/mailbox';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  fillDate,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { addDays, pngBuffer } from './fixtures';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let applicationId = '';
let reference = '';
const TITLE = 'Buurtbarbecue Afrikaanderwijk';
/** Assesses, and may decide too: four eyes must keep her from deciding on her own proposal. */
const BOTH = { email: 'beoordelaar@example.org', name: 'Bram Beide' };

beforeAll(async () => {
  server = await startTestServer();
  await smallBudgetRegulation(server.deps.db, {
    code: 'KB-FEIJENOORD-2026',
    title: 'Klein buurtbudget Feijenoord 2026',
    district: 'Feijenoord',
    ceilingCents: 5_000_000,
  });
  await createUser(server.deps.db, {
    roles: ['assessor', 'approver'],
    ...BOTH,
    password: PASSWORD,
  });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const stateIs = (label: string) =>
  page.getByRole('main').getByText(label, { exact: true }).first().waitFor();

async function openCase(email: string) {
  await login(page, server.url, email, PASSWORD);
  await expectHeading(page, 'Werkvoorraad');
  await page.getByRole('link', { name: reference }).click();
  await expectHeading(page, TITLE);
}

/** The same page at 320 CSS px: nothing scrolls sideways, and axe again. */
async function at320(name: string) {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await expectNoHorizontalScroll(page);
    await checkA11y(page, `${name}-320`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

describe('a second workflow through the same screens', () => {
  it('a resident fills in the klein buurtbudget form its definition declares, and submits', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page
      .getByRole('region', { name: 'Klein buurtbudget Feijenoord 2026' })
      .getByRole('button', { name: 'Aanvraag starten' })
      .click();
    await expectHeading(page, 'Stap 1 van 5: Uw activiteit');
    // This workflow asks for no supporters: its draft's page has nobody to invite or count.
    const draftId = new URL(page.url()).pathname.split('/')[2]!;
    await page.goto(`${server.url}/aanvragen/${draftId}`);
    await page.getByRole('link', { name: 'Ga verder met invullen' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('region', { name: 'Ondersteuners uit de buurt' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Ga verder met invullen' }).click();
    await expectHeading(page, 'Stap 1 van 5: Uw activiteit');
    await page.getByText('Klein buurtbudget', { exact: false }).first().waitFor();
    await page.getByLabel('Naam van uw initiatief').fill('Buurtbarbecue Afrikaanderwijk');
    await page
      .getByLabel('Beschrijving')
      .fill('Een barbecue op het plein voor alle buren, met muziek en spelletjes.');
    await page.getByLabel('Wijk').selectOption('Feijenoord');
    await fillDate(page, 'Datum van de activiteit', addDays(server.today(), 40));
    // This workflow's own file field takes photos only: a PDF is refused in words naming it.
    const photos = page.getByLabel("Foto's of een schets van uw plan", { exact: true });
    await photos.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page
      .getByText(
        "Bij Foto's of een schets van uw plan kunt u alleen foto's toevoegen (JPEG of PNG).",
        {
          exact: false,
        },
      )
      .waitFor();
    await photos.setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: pngBuffer() });
    await page.getByRole('link', { name: 'plein.png' }).waitFor();
    await checkA11y(page, 'kb-1-activity');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await expectHeading(page, 'Stap 2 van 5: Kosten');
    await page.getByRole('button', { name: 'Regel toevoegen aan Begroting' }).click();
    const line = page.getByRole('group', { name: 'Begroting, regel 1' });
    await line.getByLabel('Omschrijving').fill('Houtskool en eten');
    // Over the regulation's maximum: said at once, in euro.
    await line.getByLabel('Bedrag').fill('2.000');
    await page
      .getByText(
        /^Het totaal is hoger dan het maximum van deze regeling: u vraagt €\s2\.000,00 aan, het maximum is €\s[\d.]+,\d\d\.$/,
      )
      .waitFor();
    await line.getByLabel('Bedrag').fill('1.250,00');
    await page.getByText('Totaal aangevraagd: € 1.250,00').waitFor();
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    // A field the first workflow does not have, found by its label in the definition.
    await expectHeading(page, 'Stap 3 van 5: Betaalgegevens');
    await page.getByLabel('IBAN-rekeningnummer').fill('NL91 ABNA 0417 1643 00');
    await page.getByLabel('Naam van de rekeninghouder').fill('F. el Amrani');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await expectHeading(page, 'Stap 4 van 5: Contact');
    await page.getByLabel('Telefoonnummer').fill('010 123 45 67');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectHeading(page, 'Stap 5 van 5: Controleren en versturen');
    await page.getByText('Naam van de rekeninghouder').waitFor();
    await page.getByText('F. el Amrani').waitFor();
    await page.getByRole('link', { name: 'plein.png' }).waitFor();
    await checkA11y(page, 'kb-6-review');
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await expectNoHorizontalScroll(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, TITLE);
    applicationId = new URL(page.url()).pathname.split('/')[2]!;
    reference = (await page
      .getByText(/^Kenmerk: /)
      .first()
      .textContent())!.replace('Kenmerk: ', '');
    await page.getByText('Uw aanvraag is ingediend', { exact: false }).first().waitFor();
    await page.getByRole('main').getByText('Ingediend', { exact: true }).first().waitFor();
    // The case page lists the data under the second workflow's own page titles.
    await page.getByRole('heading', { name: 'Betaalgegevens' }).waitFor();
    await checkA11y(page, 'kb-submitted');
    expect(page.url()).toContain('/aanvragen/');
  });

  it('an assessor proposes a lower amount, and another person grants it: settled at once', async () => {
    await openCase(BOTH.email);
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText(`U behandelt nu ${reference}.`).waitFor();
    const assess = page.getByRole('region', { name: 'Beoordelen' });
    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    expect(await assess.getByLabel('Voorgesteld bedrag').inputValue()).toBe('1.250,00');
    await assess.getByLabel('Voorgesteld bedrag').fill('1.234,56');
    await assess
      .getByLabel('Motivering')
      .fill('Past in het buurtbudget; de drank betaalt men zelf.');
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    await stateIs('Beoordeeld');
    // Four eyes: the one who assessed may decide, but not on her own proposal.
    await page
      .getByText('Volgens het vier-ogenprincipe neemt een andere medewerker het besluit.', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByRole('region', { name: 'Verlenen' }).count()).toBe(0);
    await logout(page);

    await openCase(server.users.approver.email);
    await page.getByText('€ 50.000,00 van € 50.000,00').waitFor();
    const grant = page.getByRole('region', { name: 'Verlenen' });
    expect(await grant.getByLabel('Te verlenen bedrag').inputValue()).toBe('1.234,56');
    await grant.getByLabel('Motivering').fill('Een barbecue brengt de buren van het plein samen.');
    await checkA11y(page, 'kb-approver-case');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    // The definition's own words, and its final state (tags granted and closed): no report due.
    await page
      .getByText('Het buurtbudget is toegekend en meteen vastgesteld.', { exact: false })
      .waitFor();
    await page
      .getByRole('main')
      .locator('.app-badge--tag-granted', { hasText: 'Toegekend en vastgesteld' })
      .first()
      .waitFor();
    const overview = page.getByRole('region', { name: 'Overzicht' });
    await overview.getByText('€ 1.250,00', { exact: true }).waitFor();
    expect(await overview.getByText('€ 1.234,56', { exact: true }).count()).toBe(2);
    // The budget is committed: € 50.000,00 − € 1.234,56.
    await page.getByText('€ 48.765,44 van € 50.000,00').waitFor();
    await page.getByText('U kunt nu niets doen met deze aanvraag.').waitFor();
    await checkA11y(page, 'kb-granted-case');
    await at320('kb-granted-case');
    await logout(page);

    const row = await server.deps.db
      .selectFrom('applications')
      .select(['state', 'granted_cents', 'awaiting_decision'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'settled', granted_cents: 123_456, awaiting_decision: false });
  });

  it('the decision letter and mail reach the resident, who sees the decision', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}`);
    await expectHeading(page, TITLE, false);
    await stateIs('Toegekend en vastgesteld');
    const amounts = page.getByRole('region', { name: 'Bedragen' });
    await amounts.getByText('€ 1.234,56', { exact: true }).first().waitFor();
    await page.getByText('Verleend bedrag: € 1.234,56.').waitFor();

    // The outbox worker renders the letter after the commit: reload until it is listed.
    const letter = `Besluit: buurtbudget toegekend en vastgesteld voor ${TITLE} (${reference})`;
    const read = page.getByRole('link', { name: `Lees de brief: ${letter}` });
    for (let i = 0; i < 30 && (await read.count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await expectHeading(page, TITLE, false);
    }
    await checkA11y(page, 'kb-resident-decision');
    await at320('kb-resident-decision');

    await read.click();
    await page.getByRole('heading', { level: 1, name: letter }).waitFor();
    await page.getByRole('article').getByText('directe vaststelling', { exact: false }).waitFor();
    await checkA11y(page, 'kb-resident-letter');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const text = pdftotext(await readFile((await (await download).path())!));
    expectDecisionText(text);

    // The mail to the resident, as the mail transport wrote it (no SMTP in tests): the
    // decision's notice, with the same letter attached.
    const mail = await waitForMail(
      server.deps.config.mailDir,
      (m) => m.subject === `Er is een besluit over uw aanvraag (${reference})`,
    );
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(
      server.users.resident.email,
    );
    expect(mail.text).toContain(`Beste ${server.users.resident.name},`);
    expect(mail.text).toContain(`${server.url}/aanvragen/${applicationId}`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf, 'the letter attached to the mail').toBeDefined();
    expectDecisionText(pdftotext(pdf!.content));
  });
});

/** What a decision letter on this application must say, read back from its PDF. */
function expectDecisionText(pdfText: string) {
  // pdftotext breaks lines where the letter wraps: compare on single spaces.
  const text = pdfText.replace(/\s+/g, ' ');
  expect(text).toContain(server.users.resident.name);
  expect(text).toContain(reference);
  expect(text).toContain('toe te kennen van € 1.234,56');
  expect(text).toContain('U had € 1.250,00 aangevraagd');
  expect(text).toContain('vast op € 1.234,56 (directe vaststelling)');
}
