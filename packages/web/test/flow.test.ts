/**
 * The whole life of one application in a real browser (issue 6): a resident applies and
 * submits; an assessor requests information; the resident supplements; the assessor assesses;
 * the approver grants; the resident reads the decision, downloads the PDF and reports; the
 * assessor settles. axe-core runs on every page and state reached.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let applicationId = '';
let reference = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const next = () => page.getByRole('button', { name: 'Volgende stap' }).click();
const saved = () =>
  page
    .getByRole('status')
    .filter({ hasText: /Opgeslagen om \d{2}:\d{2}/ })
    .first()
    .waitFor();
const stateIs = (label: string) =>
  page.getByRole('main').getByText(label, { exact: true }).first().waitFor();

async function openCase(as: 'assessor' | 'approver', check?: string) {
  await login(page, server.url, server.users[as].email, PASSWORD);
  await expectHeading(page, 'Werkvoorraad');
  await page.getByRole('link', { name: reference }).waitFor();
  if (check) {
    await checkA11y(page, check);
    await at320(check);
  }
  await page.getByRole('link', { name: reference }).click();
  await expectHeading(page, 'Straatfeest Mathenesserlaan');
}

/** The same page at 320 CSS px (400% zoom of 1280): no sideways scrolling, and axe again. */
async function at320(name: string) {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await expectNoHorizontalScroll(page);
    await checkA11y(page, `${name}-320`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Letters are rendered by the outbox worker after the commit: reload until one shows. */
async function waitForLetter(name: RegExp) {
  for (let i = 0; i < 30; i++) {
    const link = page.getByRole('link', { name });
    if ((await link.count()) > 0) return link.first();
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  throw new Error(`no letter ${name}`);
}

describe('an application from draft to settlement', () => {
  it('a resident fills in the wizard, which saves itself, and submits', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await checkA11y(page, 'resident-my-applications-empty');

    await page.getByRole('link', { name: 'Subsidieregelingen' }).first().click();
    await expectHeading(page, 'Subsidieregelingen');
    await page
      .getByRole('region', { name: 'Bewonersinitiatieven Delfshaven 2026' })
      .getByRole('button', { name: 'Aanvraag starten' })
      .click();

    // The form comes from the published definition: its pages, labels, help and rules.
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    applicationId = page.url().split('/')[4]!;
    await page.getByText('Vertel wat u gaat doen, waar en wanneer.').waitFor();
    // Next without filling in: the error summary gets focus and lists every problem of the page,
    // in the engine's own sentences, each linking to its field.
    await next();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect
      .poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true);
    await summary.getByRole('link', { name: 'Beschrijving ontbreekt.' }).waitFor();
    await summary.getByRole('link', { name: 'Locatie ontbreekt.' }).waitFor();
    await checkA11y(page, 'form-1-errors');
    await summary.getByRole('link', { name: 'Naam van uw initiatief ontbreekt.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-title');
    // The same sentence stands beside the field.
    await page.locator('#f-title-error').filter({ hasText: 'ontbreekt' }).waitFor();

    await page.getByLabel('Naam van uw initiatief').fill('Straatfeest Mathenesserlaan');
    // The definition's lower limit is said beside the field before anyone trips over it.
    expect(
      await page.getByLabel('Beschrijving').evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      ),
    ).toContain('Minstens 20 tekens.');
    await page
      .getByLabel('Beschrijving')
      .fill(
        'Een middag met muziek, spelletjes voor kinderen en een lange tafel met eten uit de buurt.',
      );
    await page.getByLabel('Wijk').selectOption('Delfshaven');
    await fillDate(page, 'Datum van de activiteit', addDays(server.today(), 70));
    await page.getByLabel('Locatie').fill('Mathenesserlaan, tussen 200 en 260');
    // A number that is not one stays visible, with a sentence, and stops the next step.
    await page.getByLabel('Verwacht aantal deelnemers').fill('120a');
    await next();
    await summary
      .getByRole('link', { name: /Verwacht aantal deelnemers: Vul een heel getal in/ })
      .waitFor();
    await page.getByLabel('Verwacht aantal deelnemers').fill('120');
    await saved();
    await checkA11y(page, 'form-1-initiative');
    await next();

    await expectHeading(page, 'Stap 2 van 5: Begroting');
    await page.getByRole('button', { name: 'Regel toevoegen aan Begroting' }).click();
    // An empty line saves (nothing typed is nothing wrong yet).
    await saved();
    const line1 = page.getByRole('group', { name: 'Begroting, regel 1' });
    await line1.getByLabel('Omschrijving').fill('Huur podium en geluid');
    // "1.5" could be € 1,50 or € 1.500: refused with a sentence, never guessed.
    await line1.getByLabel('Bedrag').fill('1.5');
    await line1.getByLabel('Omschrijving').focus();
    await line1
      .getByText('Bij “1.5” is niet duidelijk welk bedrag u bedoelt.', { exact: false })
      .waitFor();
    await line1.getByLabel('Bedrag').fill('450,50');
    await page.getByRole('button', { name: 'Regel toevoegen aan Begroting' }).click();
    const line2 = page.getByRole('group', { name: 'Begroting, regel 2' });
    await line2.getByLabel('Omschrijving').fill('Boodschappen lange tafel');
    await line2.getByLabel('Bedrag').fill('1.300');
    await line2.getByLabel('Omschrijving').focus();
    // Read back as it was understood.
    expect(await line2.getByLabel('Bedrag').inputValue()).toBe('1.300,00');
    await line2.getByLabel('Bedrag').fill('300');
    await page.getByText('Totaal aangevraagd: € 750,50').waitFor();
    await saved();
    // Files are a field of the definition's budget page, found by its label; each upload is
    // saved into the field at once, and a file put there by mistake comes out again.
    const quotes = page.getByLabel('Offertes en andere stukken', { exact: true });
    await quotes.setInputFiles({
      name: 'oude-schets.png',
      mimeType: 'image/png',
      buffer: pngBuffer(8),
    });
    await page.getByRole('link', { name: 'oude-schets.png' }).waitFor();
    await quotes.setInputFiles({
      name: 'tekening-podium.png',
      mimeType: 'image/png',
      buffer: pngBuffer(),
    });
    await page.getByRole('link', { name: 'tekening-podium.png' }).waitFor();
    await page
      .getByRole('button', { name: 'oude-schets.png verwijderen bij Offertes en andere stukken' })
      .click();
    await page.getByText('oude-schets.png is verwijderd bij Offertes en andere stukken.').waitFor();
    expect(await page.getByRole('link', { name: 'oude-schets.png' }).count()).toBe(0);
    await saved();
    await checkA11y(page, 'form-2-budget');
    await at320('form-2-budget');
    await next();

    await expectHeading(page, 'Stap 3 van 5: Handtekeningen van buurtbewoners');
    const people = [
      ['Mehmet Yılmaz', '3022 AB', '34'],
      ['Henk Visser', '3022 AC', '67'],
      ['Priya Ramdin', '3022 AD', '15'],
      ['Kees Bakker', '3022 AE', '45'],
    ];
    for (const [i, [name, postcode, age]] of people.entries()) {
      await page
        .getByRole('button', { name: 'Regel toevoegen aan Handtekeningen van buurtbewoners' })
        .click();
      const group = page.getByRole('group', {
        name: `Handtekeningen van buurtbewoners, regel ${i + 1}`,
      });
      await group.getByLabel('Naam').fill(name!);
      await group.getByLabel('Postcode').fill(postcode!);
      await group.getByLabel('Leeftijd').fill(age!);
    }
    await saved();
    await checkA11y(page, 'form-3-supporters');
    await next();

    // Skip the payment page: the last page shows every remaining problem at once.
    await expectHeading(page, 'Stap 4 van 5: Betaalgegevens');
    await page.getByRole('link', { name: '5. Controleren en versturen' }).click();
    await expectHeading(page, 'Stap 5 van 5: Controleren en versturen');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await summary.waitFor();
    await expect
      .poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true);
    await checkA11y(page, 'form-6-review-errors');
    await summary.getByRole('link', { name: 'IBAN-rekeningnummer ontbreekt.' }).click();
    await expectHeading(page, 'Stap 4 van 5: Betaalgegevens', false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 })
      .toBe('f-iban');
    await page.getByLabel('IBAN-rekeningnummer').fill('NL91 ABNA 0417 1643 00');
    await saved();
    await checkA11y(page, 'form-4-payment');
    await next();

    await expectHeading(page, 'Stap 5 van 5: Controleren en versturen');
    await page.getByText('€ 750,50').first().waitFor();
    await page.getByRole('link', { name: 'tekening-podium.png' }).waitFor();
    expect(await page.getByRole('link', { name: 'oude-schets.png' }).count()).toBe(0);
    await page.getByText('NL91 ABNA 0417 1643 00').waitFor();
    // A supporter's row in one line: the age says it is one, not a bare number.
    await page.getByText('Kees Bakker · 3022 AE · 45 jaar', { exact: true }).waitFor();
    await checkA11y(page, 'form-6-review');
    await at320('form-6-review');

    // The draft is on the server: a fresh load of the review shows the same data.
    await page.reload();
    await page.getByText('Straatfeest Mathenesserlaan').first().waitFor();
    await page.getByText('€ 750,50').first().waitFor();
    await page.getByRole('link', { name: 'tekening-podium.png' }).waitFor();
    expect(await page.getByRole('link', { name: 'oude-schets.png' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    // The outcome in the definition's own words (C4), never a code.
    await page.getByText('Uw aanvraag is ingediend. U krijgt een ontvangstbevestiging.').waitFor();
    await page.getByText(/Het kenmerk van uw aanvraag is BI-/).waitFor();
    // …and no step's code in the address either; said once, not again after a reload.
    expect(new URL(page.url()).search).toBe('');
    reference = (await page
      .getByText(/^Kenmerk: /)
      .first()
      .textContent())!.replace('Kenmerk: ', '');
    expect(reference).toMatch(/^BI-2026-\d+$/);
    await stateIs('Ingediend');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Straatfeest Mathenesserlaan' }).waitFor();
    expect(await page.getByText('Uw aanvraag is ingediend.', { exact: false }).count()).toBe(0);
    await page.getByText('Uiterlijk besluit').waitFor();
    // The history says in which state the details were edited, in words.
    await page
      .getByText(/in de status Concept/)
      .first()
      .waitFor();
    await checkA11y(page, 'resident-submitted');
    await logout(page);
  });

  it('an assessor claims it from the queue and requests information; a stale version is kept', async () => {
    await openCase('assessor', 'assessor-queue-with-application');
    await checkA11y(page, 'assessor-case-submitted');
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText(`U behandelt nu ${reference}.`).waitFor();

    const form = page.getByRole('region', { name: 'Om aanvulling vragen' });
    await form.getByLabel('Gevraagde aanvulling').fill('Graag een offerte voor het podium.');
    // Someone else changes the application meanwhile.
    await server.touch(applicationId);
    await form.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag gewijzigd; laad opnieuw' })
      .waitFor();
    await checkA11y(page, 'assessor-stale-412');
    await form.getByRole('button', { name: 'Laad opnieuw' }).click();
    // The warning goes once the newer version is in; sending before that would be stale again.
    await form
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag gewijzigd' })
      .waitFor({ state: 'detached' });
    expect(await form.getByLabel('Gevraagde aanvulling').inputValue()).toBe(
      'Graag een offerte voor het podium.',
    );
    await form.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    await page.getByText('Het verzoek om aanvulling is verstuurd.').waitFor();
    await stateIs('Aanvulling gevraagd');
    // Staff read about the applicant, not "u".
    await page
      .getByText(
        'De beslistermijn staat stil tot de aanvrager de gevraagde aanvulling heeft gestuurd.',
      )
      .waitFor();
    await checkA11y(page, 'assessor-info-requested');
    await logout(page);
  });

  it('the resident answers the request for information', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('link', { name: 'Straatfeest Mathenesserlaan' }).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    await page.getByText('Graag een offerte voor het podium.').first().waitFor();
    await page.getByText('Aanvulling uiterlijk').waitFor();
    // Changing the application is offered with the request, in one sentence and one link.
    const request = page.getByRole('region', { name: 'De gemeente vraagt om een aanvulling' });
    await request
      .getByText('U kunt ook de gegevens van uw aanvraag aanpassen.', { exact: false })
      .waitFor();
    await request.getByRole('link', { name: 'Aanvraag aanpassen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Aanvraag aanpassen' }).count()).toBe(1);
    await checkA11y(page, 'resident-info-requested');
    // Changing the form now sends nothing by itself: its last step says so, and with what.
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken/controleren`);
    await expectHeading(page, /: Uw wijzigingen controleren$/, false);
    await page
      .getByText('Dat gebeurt als u op de pagina van de aanvraag ‘Aanvullen’ gebruikt.', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByText('Door te versturen', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Verstuur de aanvraag', { exact: false }).count()).toBe(0);
    await page.getByRole('button', { name: 'Terug naar de aanvraag' }).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    const form = page.getByRole('region', { name: 'Aanvullen' });
    await form
      .getByLabel('Toelichting')
      .fill('De offerte van de podiumverhuur zit als bijlage bij.');
    await form
      .getByLabel('Bijlagen bij uw aanvulling')
      .setInputFiles({ name: 'offerte.png', mimeType: 'image/png', buffer: pngBuffer(12) });
    await page.getByRole('link', { name: 'offerte.png' }).waitFor();
    await form.getByRole('button', { name: 'Aanvullen' }).click();
    await page.getByText('Uw aanvulling is verstuurd.').waitFor();
    await stateIs('Ingediend');
    await checkA11y(page, 'resident-supplemented');
    await logout(page);
  });

  it('the assessor assesses, and the approver grants', async () => {
    await openCase('assessor');
    const assess = page.getByRole('region', { name: 'Beoordelen' });
    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    expect(await assess.getByLabel('Voorgesteld bedrag').inputValue()).toBe('750,50');
    await assess.getByLabel('Motivering').fill('Past bij het wijkakkoord van Delfshaven.');
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    await stateIs('Beoordeeld');
    await checkA11y(page, 'assessor-assessed');
    await logout(page);

    await openCase('approver');
    await checkA11y(page, 'approver-case');
    await at320('approver-case');
    // The proposal stands where the approver decides: advice by its word, amount in money, reasons.
    const actions = page.getByRole('region', { name: 'Wat kunt u nu doen?' });
    // (Money is written with a no-break space after the euro sign.)
    const proposal = (await actions.textContent())?.replace(/\s+/g, ' ');
    expect(proposal).toContain('Vastgelegd bij de stap Beoordelen');
    expect(proposal).toContain(`${server.users.assessor.name}, `);
    expect(proposal).toContain('Advies: Verlenen');
    expect(proposal).toContain('Voorgesteld bedrag: € 750,50');
    expect(proposal).toContain('Past bij het wijkakkoord van Delfshaven.');
    expect(proposal).not.toMatch(/\bgrant\b|recommendation|proposedAmount/);
    const grant = page.getByRole('region', { name: 'Verlenen' });
    expect(await grant.getByLabel('Te verlenen bedrag').inputValue()).toBe('750,50');
    await grant.getByLabel('Motivering').fill('Het initiatief brengt de straat samen.');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    // A decision cannot be taken back: the page asks first, in words, with the amount it
    // grants, and nothing is sent yet.
    await grant
      .getByRole('alert')
      .getByText(
        /^Verlenen: €\s750,50\. Hierna gaat het besluit naar de aanvrager\. Dat kan niet ongedaan worden gemaakt\. Weet u het zeker\?$/,
      )
      .waitFor();
    await checkA11y(page, 'approver-grant-confirm');
    await grant.getByRole('button', { name: 'Annuleren' }).click();
    // Left empty, the proposed amount is granted: the question says so.
    await grant.getByLabel('Te verlenen bedrag').fill('');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant
      .getByRole('alert')
      .getByText(/^Verlenen: €\s750,50 \(het voorgestelde bedrag\)\. Hierna gaat/)
      .waitFor();
    await grant.getByRole('button', { name: 'Annuleren' }).click();
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await stateIs('Verleend');
    await checkA11y(page, 'approver-granted');
    await logout(page);
  });

  it('the resident reads the decision, downloads its PDF and reports afterwards', async () => {
    // The report can be sent from the activity date on (server clock + 70 days).
    server.advanceDays(71);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}`);
    await expectHeading(page, 'Straatfeest Mathenesserlaan', false);
    await stateIs('Verleend');
    await page.getByText('Bezwaar maken kan tot en met').waitFor();
    await checkA11y(page, 'resident-granted');

    const read = await waitForLetter(/^Lees de brief: Besluit/);
    await read.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('article').first().waitFor();
    await checkA11y(page, 'resident-decision-letter');
    // One way back to the application: the letter's own page link stays on its own page.
    expect(await page.locator(`a[href$="/aanvragen/${applicationId}"]`).count()).toBe(1);
    expect(await page.locator('.app-letter').textContent()).not.toContain('Naar de aanvraag');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const file = await (await download).path();
    expect((await readFile(file!)).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Terug naar de aanvraag' }).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    const report = page.getByRole('region', { name: 'Verantwoording indienen' });
    // The activity (server clock + 70 days, in 2026) lies before the browser's real today.
    await page.getByText('Uw activiteit is voorbij.', { exact: false }).waitFor();
    await report.getByLabel('Werkelijke kosten', { exact: true }).fill('700');
    await report
      .getByLabel('Verslag van de activiteit')
      .fill('Ruim honderd buren aten samen; de kinderen speelden tot het donker werd.');
    await report
      .getByLabel("Foto's van de activiteit")
      .setInputFiles({ name: 'feest.png', mimeType: 'image/png', buffer: pngBuffer(16) });
    await page.getByRole('link', { name: 'feest.png' }).waitFor();
    await report.getByRole('button', { name: 'Verantwoording indienen' }).click();
    await page.getByText('Uw verantwoording is ingediend.').waitFor();
    await stateIs('Verantwoording ingediend');
    await checkA11y(page, 'resident-reported');
    await logout(page);
  });

  it('the assessor settles the grant', async () => {
    await openCase('assessor');
    const settle = page.getByRole('region', { name: 'Vaststellen' });
    expect(await settle.getByLabel('Vast te stellen bedrag').inputValue()).toBe('700,00');
    await settle.getByRole('button', { name: 'Vaststellen' }).click();
    await settle.getByRole('button', { name: 'Ja, bevestigen' }).click();
    // The words after the action are the definition's (C4): read them from it, not from here.
    const shipped = JSON.parse(
      await readFile(
        new URL('../../../workflows/bewonersinitiatief/definition.json', import.meta.url),
        'utf8',
      ),
    );
    await page.getByText(shipped.events.SETTLE.outcome.nl).waitFor();
    await stateIs('Vastgesteld');
    await checkA11y(page, 'assessor-settled');
    await page.getByRole('link', { name: 'Werkvoorraad' }).click();
    await expectHeading(page, 'Werkvoorraad');
    await checkA11y(page, 'assessor-queue-after');
    await logout(page);
  });
});
