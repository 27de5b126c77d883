/**
 * Debian's Chromium through playwright-core (never a downloaded browser), a fresh profile per
 * run, axe-core on every page the tests reach and a screenshot of each for people to look at.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

export const OUTPUT_DIR = fileURLToPath(new URL('../test-output', import.meta.url));

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  options: { width?: number; height?: number } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'initiatief-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

let shot = 0;

/** axe-core with the WCAG 2.1 A/AA tags; fails the test on any violation. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  shot += 1;
  const suite = (expect.getState().testPath ?? '')
    .split('/')
    .pop()
    ?.replace(/\.test\.ts$/, '');
  const file = `${suite ? `${suite}-` : ''}${String(shot).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: join(OUTPUT_DIR, file), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  expect(violations, `axe on ${name} (${page.url()})`).toEqual([]);
}

/** The page does not scroll sideways (WCAG 1.4.10 reflow at 320 CSS px). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(overflow.scroll, 'horizontal scroll').toBeLessThanOrEqual(overflow.client);
}

/** Waits until the h1 shows the given text and has focus (focus moves there after navigation). */
export async function expectHeading(page: Page, text: string | RegExp, focused = true) {
  const h1 = page.getByRole('heading', { level: 1, name: text });
  await h1.waitFor();
  if (focused) {
    await expect
      .poll(() => h1.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true);
  }
}

export async function login(page: Page, baseUrl: string, email: string, password: string) {
  // Start from no session, so one failed step does not leave the next logged in as someone else.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Done when the app has moved on from the login page.
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();
}

/** A screenshot of the page a failed test ended on. */
export function screenshotOnFailure(getPage: () => Page | undefined) {
  afterEach(async (ctx) => {
    const page = getPage();
    if (!page || ctx.task.result?.state !== 'fail') return;
    await mkdir(OUTPUT_DIR, { recursive: true });
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page
      .screenshot({ path: join(OUTPUT_DIR, `FAILED-${name}.png`), fullPage: true })
      .catch(() => {});
  });
}

/**
 * The share of a control's rendered pixels that stand out from a white page by at least 3:1
 * (WCAG 1.4.11 non-text contrast), read from a screenshot of it, so a ticked box that only
 * shows its border (a white tick on no fill) is caught as looking unticked.
 */
export async function contrastingShare(target: Locator): Promise<number> {
  const png = (await target.screenshot()).toString('base64');
  return target.page().evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const px = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const lin = (v: number) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) {
      const l = 0.2126 * lin(px[i]!) + 0.7152 * lin(px[i + 1]!) + 0.0722 * lin(px[i + 2]!);
      if (1.05 / (l + 0.05) >= 3) dark += 1;
    }
    return dark / (px.length / 4);
  }, png);
}

/** A ticked checkbox looks ticked: mostly filled, where an empty one shows only its border. */
export async function expectLooksTicked(ticked: Locator, empty: Locator): Promise<void> {
  expect(await ticked.isChecked()).toBe(true);
  expect(await empty.isChecked()).toBe(false);
  // Read again until the page holds still: a screenshot taken while the editor's live check
  // shifts the layout can catch the white beside the box instead of the box. The thresholds
  // stay; a box that really looks empty still fails after the wait.
  let on = 0;
  let off = 0;
  await expect
    .poll(
      async () => {
        on = await contrastingShare(ticked);
        off = await contrastingShare(empty);
        return on > 0.5 && on - off > 0.25;
      },
      { message: 'a ticked box that looks ticked', timeout: 10_000 },
    )
    .toBe(true)
    .catch((err: unknown) => {
      throw new Error(`ticked ${on.toFixed(2)} vs empty ${off.toFixed(2)}: ${String(err)}`);
    });
}

/**
 * Types a calendar date (YYYY-MM-DD) into the date field labelled `label`, as a person does: the
 * day, the month and the year, each in its box (the Dutch page's "Dag", "Maand" and "Jaar").
 */
export async function fillDate(scope: Page | Locator, label: string, date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  const field = scope.getByRole('group', { name: label, exact: true });
  await field.getByLabel('Dag', { exact: true }).fill(String(Number(day)));
  await field.getByLabel('Maand', { exact: true }).fill(String(Number(month)));
  await field.getByLabel('Jaar', { exact: true }).fill(year);
}
