/**
 * The postal address letters by post go to, in Chromium. On "Mijn gegevens" a resident sees the
 * address and how letters reach her, in words, and corrects the address; she removes it while
 * letters go by e-mail, and cannot choose post without a whole one (said at the address's
 * fields, by their labels). At the desk a resident
 * without e-mail, or who wants post, cannot be created without a whole address: the form says at
 * each field what is missing, by its label, before anything reaches /post.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

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

/** The error shown at a field: its text, and that the input points to it. */
async function fieldError(field: Locator): Promise<string> {
  const id = await field.getAttribute('id');
  const error = page.locator(`[id="${id}-error"]`);
  await error.waitFor();
  expect(await field.getAttribute('aria-describedby')).toContain(`${id}-error`);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  return (await error.textContent())!.trim();
}

async function userNamed(name: string) {
  return server.deps.db
    .selectFrom('users')
    .select(['email', 'street', 'postcode', 'city', 'letter_channel'])
    .where('name', '=', name)
    .execute();
}

describe('Mijn gegevens: the postal address', () => {
  it('shows where letters by post go and how letters reach her, and lets her correct it', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.getByRole('link', { name: 'Mijn gegevens' }).click();
    await expectHeading(page, 'Mijn gegevens');
    const details = page.locator('.app-datalist');
    await details.getByText('Coolsingel 40').waitFor();
    await details.getByText('3011 AD Rotterdam').waitFor();
    await details.getByText('Per e-mail, naar uw e-mailadres.').waitFor();
    const section = page.getByRole('region', { name: 'Uw postadres' });
    await section
      .getByText('Brieven en besluiten die per post gaan, sturen wij naar dit adres.', {
        exact: false,
      })
      .waitFor();
    const street = section.getByLabel('Straat en huisnummer');
    expect(await street.inputValue()).toBe('Coolsingel 40');
    await checkA11y(page, 'me-address');

    // A field left empty: said at the field, by its label, and in the summary.
    await street.fill('');
    await section.getByRole('button', { name: 'Adres opslaan' }).click();
    expect(await fieldError(street)).toBe('Vul de straat en het huisnummer in.');
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Vul de straat en het huisnummer in.' })
      .waitFor();
    await checkA11y(page, 'me-address-errors');

    // The API checks the postcode; its sentence shows at the field.
    await street.fill('Nieuwe Binnenweg 100');
    const postcode = section.getByLabel('Postcode');
    await postcode.fill('12345');
    await section.getByRole('button', { name: 'Adres opslaan' }).click();
    expect(await fieldError(postcode)).toBe('Vul een Nederlandse postcode in, zoals 3011 AB.');

    // Saved with the keyboard: the focus stays on the button, not thrown back to the page's start.
    await postcode.fill('3014gk');
    const save = section.getByRole('button', { name: 'Adres opslaan' });
    await save.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Uw adres is opgeslagen. Brieven per post gaan naar Nieuwe Binnenweg 100, 3014 GK Rotterdam.',
      })
      .waitFor();
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    await details.getByText('Nieuwe Binnenweg 100').waitFor();
    expect(await userNamed(server.users.resident.name)).toMatchObject([
      { street: 'Nieuwe Binnenweg 100', postcode: '3014 GK', city: 'Rotterdam' },
    ]);

    // Post chosen: the words say letters go by post, to this address.
    const choice = page.getByRole('group', { name: 'Hoe wilt u brieven en besluiten ontvangen?' });
    await choice.getByRole('radio', { name: 'Per post' }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await details.getByText('Per post, naar uw postadres.').waitFor();

    // After a reload the page shows what the server kept.
    await page.reload();
    await expectHeading(page, 'Mijn gegevens', false);
    await page.locator('.app-datalist').getByText('3014 GK Rotterdam').waitFor();
    await page.locator('.app-datalist').getByText('Per post, naar uw postadres.').waitFor();

    // The same in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'My details', false);
    const mine = page.getByRole('region', { name: 'Your postal address' });
    await mine.getByLabel('Town').fill('');
    await mine.getByRole('button', { name: 'Save address' }).click();
    expect(await fieldError(mine.getByLabel('Town'))).toBe('Enter the town.');
    await page.locator('.app-datalist').getByText('By post, to your postal address.').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });
});

describe('Mijn gegevens: removing the address; post needs a whole one', () => {
  const channelGroup = () =>
    page.getByRole('group', { name: 'Hoe wilt u brieven en besluiten ontvangen?' });
  const storedAddress = async () =>
    (await userNamed(server.users.resident.name)).map(
      ({ street, postcode, city, letter_channel }) => ({ street, postcode, city, letter_channel }),
    );

  it('while letters go by post the address cannot be removed: said at each field', async () => {
    // The test above left her on post, with Nieuwe Binnenweg 100.
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/mijn-gegevens`);
    await expectHeading(page, 'Mijn gegevens', false);
    const section = page.getByRole('region', { name: 'Uw postadres' });
    await section
      .getByText('Dat kan alleen als u brieven per e-mail krijgt.', { exact: false })
      .waitFor();
    expect(await section.getByRole('button', { name: 'Adres verwijderen' }).count()).toBe(0);

    // All three emptied and saved: a removal, which the API refuses, naming each field.
    for (const label of ['Straat en huisnummer', 'Postcode', 'Woonplaats']) {
      await section.getByLabel(label).fill('');
    }
    await section.getByRole('button', { name: 'Adres opslaan' }).click();
    expect(await fieldError(section.getByLabel('Straat en huisnummer'))).toBe(
      'Straat en huisnummer ontbreekt. Uw brieven gaan per post naar dit adres, dus het moet volledig zijn.',
    );
    expect(await fieldError(section.getByLabel('Woonplaats'))).toMatch(/^Woonplaats ontbreekt\./);
    expect(await storedAddress()).toEqual([
      {
        street: 'Nieuwe Binnenweg 100',
        postcode: '3014 GK',
        city: 'Rotterdam',
        letter_channel: 'paper',
      },
    ]);
  });

  it('with letters by e-mail she removes it; post is then refused at the address fields', async () => {
    await channelGroup().getByRole('radio', { name: 'Per e-mail' }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opgeslagen: brieven gaan voortaan per e-mail.' })
      .waitFor();
    // What the fields said was about post: gone now that letters go by e-mail (once the page
    // shows the saved choice; the status may be read a render before the fields are).
    await expect.poll(() => page.locator('[id="f-street-error"]').count()).toBe(0);
    const section = page.getByRole('region', { name: 'Uw postadres' });
    const remove = section.getByRole('button', { name: 'Adres verwijderen' });
    await section.getByText('Woont u niet meer in Nederland', { exact: false }).waitFor();
    await checkA11y(page, 'me-address-remove');
    await remove.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Uw postadres is verwijderd. Brieven en besluiten krijgt u per e-mail.' })
      .waitFor();
    await page.locator('.app-datalist').getByText('Nog niet bekend').waitFor();
    expect(await storedAddress()).toEqual([
      { street: null, postcode: null, city: null, letter_channel: 'email' },
    ]);
    expect(await remove.count()).toBe(0);

    // Post without an address: not saved; the reason at each address field, by its label.
    await channelGroup().getByRole('radio', { name: 'Per post' }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Uw keuze is niet opgeslagen. Voor brieven per post hebben wij' })
      .waitFor();
    const street = section.getByLabel('Straat en huisnummer');
    expect(await fieldError(street)).toBe(
      'Straat en huisnummer ontbreekt. Voor brieven per post hebben wij uw volledige postadres nodig. Vul dat eerst in en kies daarna voor post.',
    );
    expect(await fieldError(section.getByLabel('Postcode'))).toMatch(/^Postcode ontbreekt\./);
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Woonplaats ontbreekt\./ })
      .waitFor();
    await checkA11y(page, 'me-post-needs-address');
    expect(await storedAddress()).toEqual([
      { street: null, postcode: null, city: null, letter_channel: 'email' },
    ]);

    // The address first, then post.
    await street.fill('Coolsingel 40');
    await section.getByLabel('Postcode').fill('3011 AD');
    await section.getByLabel('Woonplaats').fill('Rotterdam');
    await section.getByRole('button', { name: 'Adres opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Uw adres is opgeslagen.' }).waitFor();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opgeslagen: brieven gaan voortaan per post.' })
      .waitFor();
    expect(await storedAddress()).toEqual([
      { street: 'Coolsingel 40', postcode: '3011 AD', city: 'Rotterdam', letter_channel: 'paper' },
    ]);
  });

  it('the same in English, for a resident whose account is in English', async () => {
    // The API gives its reasons in the account's language; the page's own texts follow the page.
    const setLocale = (locale: 'nl' | 'en') =>
      server.deps.db
        .updateTable('users')
        .set({ locale })
        .where('id', '=', server.users.resident.id)
        .execute();
    await setLocale('en');
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'My details', false);
    const choice = page.getByRole('group', {
      name: 'How do you want to receive letters and decisions?',
    });
    await choice.getByRole('radio', { name: 'By email' }).check();
    await page.getByRole('button', { name: 'Save choice' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: letters now go by email.' }).waitFor();
    const section = page.getByRole('region', { name: 'Your postal address' });
    await section.getByRole('button', { name: 'Remove address' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your postal address has been removed.' })
      .waitFor();
    await choice.getByRole('radio', { name: 'By post' }).check();
    await page.getByRole('button', { name: 'Save choice' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your choice has not been saved. For letters by post we need' })
      .waitFor();
    expect(await fieldError(section.getByLabel('Town'))).toBe(
      'Town is missing. For letters by post we need your complete postal address. Fill it in first, then choose post.',
    );
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await setLocale('nl');
    await logout(page);
  });
});

describe('the desk: a resident who gets letters by post needs a whole address', () => {
  it('without e-mail the address is required, at each field by label', async () => {
    const NAME = 'Ayşe Yıldız-Çelik';
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Naam').fill(NAME);
    // Without e-mail there is only post.
    const channel = form.getByRole('group', {
      name: 'Hoe ontvangt de bewoner brieven en besluiten?',
    });
    expect(await channel.getByRole('radio', { name: 'Per post' }).isChecked()).toBe(true);
    expect(await channel.getByRole('radio', { name: 'Per e-mail' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    expect(await fieldError(form.getByLabel('Straat en huisnummer'))).toBe(
      'Vul de straat en het huisnummer in.',
    );
    expect(await fieldError(form.getByLabel('Postcode'))).toBe(
      'Vul de postcode in, bijvoorbeeld 3011 AB.',
    );
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Vul de postcode in, bijvoorbeeld 3011 AB.' })
      .waitFor();
    await checkA11y(page, 'desk-address-required');
    expect(await userNamed(NAME)).toEqual([]);

    // A postcode the API refuses: its sentence at the field.
    await form.getByLabel('Straat en huisnummer').fill('Schiedamseweg 12b');
    await form.getByLabel('Postcode').fill('0123 AB');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    expect(await fieldError(form.getByLabel('Postcode'))).toBe(
      'Vul een Nederlandse postcode in, zoals 3011 AB.',
    );
    expect(await userNamed(NAME)).toEqual([]);

    await form.getByLabel('Postcode').fill('3026 AC');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await page.getByRole('heading', { name: `Aanvraag starten voor ${NAME}` }).waitFor();
    expect(await userNamed(NAME)).toEqual([
      {
        email: null,
        street: 'Schiedamseweg 12b',
        postcode: '3026 AC',
        city: 'Rotterdam',
        letter_channel: 'paper',
      },
    ]);
    await page.getByRole('button', { name: 'Andere bewoner kiezen' }).click();
  });

  it('with e-mail it is optional, unless post is chosen; the same in English', async () => {
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Naam').fill('Post Kiezer');
    await form.getByLabel('E-mailadres').fill('post.kiezer@example.org');
    const channel = form.getByRole('group', {
      name: 'Hoe ontvangt de bewoner brieven en besluiten?',
    });
    expect(await channel.getByRole('radio', { name: 'Per e-mail' }).isChecked()).toBe(true);
    await channel.getByRole('radio', { name: 'Per post' }).check();
    await form.getByLabel('Woonplaats').fill('');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    expect(await fieldError(form.getByLabel('Woonplaats'))).toBe('Vul de woonplaats in.');
    expect(await userNamed('Post Kiezer')).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'New resident' });
    await en.getByRole('button', { name: 'Create resident' }).click();
    expect(await fieldError(en.getByLabel('Street and house number'))).toBe(
      'Enter the street and house number.',
    );
    expect(await fieldError(en.getByLabel('Town'))).toBe('Enter the town.');
    await page.getByRole('button', { name: 'Nederlands' }).click();

    // Letters by e-mail: no address needed.
    await channel.getByRole('radio', { name: 'Per e-mail' }).check();
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await page.getByRole('heading', { name: 'Aanvraag starten voor Post Kiezer' }).waitFor();
    expect(await userNamed('Post Kiezer')).toEqual([
      {
        email: 'post.kiezer@example.org',
        street: null,
        postcode: null,
        city: null,
        letter_channel: 'email',
      },
    ]);
    await logout(page);
  });
});
