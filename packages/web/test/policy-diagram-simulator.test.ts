/**
 * A policy officer reads the workflow diagram and checks texts in the simulator: the diagram
 * fits the page's width with the start state in view, each arrow's label sits on its own arrow,
 * zoom buttons (and keys) enlarge and fit it; the simulator opens each letter and mail to its
 * filled-in text, and says a refused step at the field whose value is missing.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, expectNoHorizontalScroll } from './browser';
import { openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-schema@example.org', name: 'Pim Schema' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const diagram = () => page.locator('.policy-diagram').first();
const svg = () => diagram().locator('svg[role="img"]');
// The scroll area is a named group: the page's section of the diagram is its one landmark.
const region = () => diagram().getByRole('group', { name: 'Schema van het werkproces' });

/** The diagram's width, the scroll area's, and how far the area scrolls sideways. */
const sizes = () =>
  region().evaluate((el) => ({
    svg: el.querySelector('svg')!.getBoundingClientRect().width,
    box: el.clientWidth,
    overflow: el.scrollWidth - el.clientWidth,
  }));

/**
 * Per arrow: how far its label's middle is from its route, and how far the label's box is,
 * both in the diagram's own units (a label on its arrow is 0 away).
 */
const labelDistances = () =>
  svg().evaluate((root) => {
    const toSegment = (px: number, py: number, a: number[], b: number[]) => {
      const [ax, ay] = a as [number, number];
      const [bx, by] = b as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
      return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    };
    return [...root.querySelectorAll('g[data-edge]')].map((g) => {
      const points = (g.querySelector('polyline')?.getAttribute('points') ?? '')
        .trim()
        .split(/\s+/)
        .map((pt) => pt.split(',').map(Number));
      const label = root.querySelector(`g[data-label-of="${g.getAttribute('data-edge')}"]`);
      const rect = label?.querySelector('rect');
      const text = label?.querySelector('text')?.textContent ?? '';
      const self = g.hasAttribute('data-self');
      if (!rect || points.length < 2) return { text, self, centre: Infinity, box: Infinity };
      const x = Number(rect.getAttribute('x'));
      const y = Number(rect.getAttribute('y'));
      const w = Number(rect.getAttribute('width'));
      const h = Number(rect.getAttribute('height'));
      const near = (px: number, py: number) =>
        Math.min(...points.slice(1).map((b, i) => toSegment(px, py, points[i]!, b)));
      // The box's distance: 0 when the route crosses it, else from its nearest edge point.
      const samples: [number, number][] = [];
      for (let i = 0; i <= 10; i++) {
        samples.push([x + (w * i) / 10, y], [x + (w * i) / 10, y + h]);
        samples.push([x, y + (h * i) / 10], [x + w, y + (h * i) / 10]);
      }
      const crosses = points.some(
        ([px, py]) => px! >= x && px! <= x + w && py! >= y && py! <= y + h,
      )
        ? 0
        : Infinity;
      return {
        text,
        self,
        centre: near(x + w / 2, y + h / 2),
        box: Math.min(crosses, ...samples.map(([sx, sy]) => near(sx, sy))),
      };
    });
  });

describe('the workflow diagram for a policy officer', () => {
  it('fits the width, with the start state in view and every label on its own arrow', async () => {
    await openNewDraft(page, server, OFFICER.email, { from: 1 });
    await svg().waitFor();

    // Fitted: no sideways scrolling, the diagram as wide as the space at most.
    const fitted = await sizes();
    expect(fitted.svg).toBeLessThanOrEqual(fitted.box + 1);
    expect(fitted.overflow).toBeLessThanOrEqual(1);
    await expectNoHorizontalScroll(page);

    // The start state is drawn inside the visible part of the diagram.
    const start = await svg().locator('g[data-state="draft"] rect').boundingBox();
    const box = await region().boundingBox();
    expect(start && box).toBeTruthy();
    expect(start!.x).toBeGreaterThanOrEqual(box!.x);
    expect(start!.x + start!.width).toBeLessThanOrEqual(box!.x + box!.width);

    // Text at a readable size: the labels are not shrunk below 10 px on the screen.
    const labelPx = await svg()
      .locator('g[data-label-of] text')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(labelPx).toBeGreaterThanOrEqual(10);

    // Each label is on its own arrow: the arrow runs through (or right along) its label.
    const distances = await labelDistances();
    expect(distances.length).toBeGreaterThan(10);
    for (const d of distances) {
      expect(d.box, `label “${d.text}” is away from its arrow`).toBeLessThanOrEqual(6);
    }
    // And the labels of arrows between two states sit on the arrow's line itself.
    // (A step that stays in its state is drawn as a loop at the state's side, with its label.)
    const between = distances.filter((d) => !d.self);
    const onLine = between.filter((d) => d.centre <= 2);
    expect(onLine.length).toBeGreaterThanOrEqual(between.length * 0.7);

    await checkA11y(page, 'diagram-fitted');
  });

  it('zooms in and out with real buttons and keys, and fits again', async () => {
    const fitted = (await sizes()).svg;
    const size = page.getByText(/^Schema op \d+%\.$/).first();
    const fitText = await size.textContent();

    const zoomIn = page.getByRole('button', { name: 'Inzoomen' }).first();
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await sizes()).svg).toBeGreaterThan(fitted * 1.2);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await sizes()).svg).toBeGreaterThan(fitted * 1.5);
    // Wider than the space now: it scrolls sideways inside its own area, not the page.
    expect((await sizes()).overflow).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page);
    expect(await size.textContent()).not.toBe(fitText);

    await page.getByRole('button', { name: 'Uitzoomen' }).first().click();
    const smaller = (await sizes()).svg;
    expect(smaller).toBeLessThan(fitted * 1.5);
    expect(smaller).toBeGreaterThan(fitted);

    await page.getByRole('button', { name: 'Passend in de breedte' }).first().click();
    await expect.poll(async () => Math.round((await sizes()).svg)).toBe(Math.round(fitted));
    expect(await size.textContent()).toBe(fitText);

    // The diagram's own area zooms with + and − and fits with 0.
    await region().focus();
    await page.keyboard.press('+');
    await expect.poll(async () => (await sizes()).svg).toBeGreaterThan(fitted * 1.2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(async () => (await sizes()).svg).toBeLessThan(fitted);
    await page.keyboard.press('0');
    await expect.poll(async () => Math.round((await sizes()).svg)).toBe(Math.round(fitted));
    await checkA11y(page, 'diagram-zoom');
  });
});

describe('the simulator for a policy officer', () => {
  it('opens each letter and mail to its text, filled in', async () => {
    await page.getByRole('button', { name: 'Begin een aanvraag' }).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page.getByText('Huidige status: Ingediend').waitFor();

    const log = page.locator('.policy-log');
    const letter = log.locator('li', { hasText: /^Brief \(ontvangstbevestiging\)/ }).first();
    await letter.waitFor();
    await letter.locator('summary', { hasText: 'Tekst van de brief lezen' }).click();
    const text = letter.getByRole('region', {
      name: /^Tekst van “.*VOORBEELD-BI-\d{4}-000001.*”$/,
    });
    await text.waitFor();
    const body = (await text.textContent()) ?? '';
    // The application's own values are filled in; no placeholder is left.
    expect(body).toContain('Fatima el Amrani');
    expect(body).toMatch(/VOORBEELD-BI-\d{4}-000001/);
    expect(body).not.toContain('{{');
    // Paragraphs as the letter has them, not one run of text.
    expect(await text.locator('p').count()).toBeGreaterThan(2);
    // The trial's own values have a district: {{district}} is not left empty.
    expect(body).toContain('in de wijk Feijenoord op');
    expect(await page.getByLabel('Wijk (voor {{district}} in brieven en mails)').inputValue()).toBe(
      'Feijenoord',
    );
    // A mail to staff says who gets it.
    const staff = log.locator('li', { hasText: /^Mail aan medewerkers/ }).first();
    await staff.locator('summary', { hasText: 'Tekst van de mail lezen' }).click();
    await staff
      .getByText('Zo krijgen de medewerkers die de aanvraag behandelen de tekst', { exact: false })
      .waitFor();
    expect(await staff.getByText('Zo krijgt de aanvrager', { exact: false }).count()).toBe(0);

    // A mail too.
    const mail = log.locator('li', { hasText: /^Mail aan de aanvrager/ }).first();
    await mail.locator('summary', { hasText: 'Tekst van de mail lezen' }).click();
    const mailText = mail.getByRole('region', { name: /^Tekst van “/ });
    expect((await mailText.textContent()) ?? '').not.toContain('{{');
    await checkA11y(page, 'simulator-letter-text');
  });

  it('says a refused step at the field whose value is missing, and moves focus there', async () => {
    await page.getByLabel('U bent').selectOption('assessor');
    await page.getByRole('button', { name: 'Stap Om aanvulling vragen zetten' }).click();

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'De stap “Om aanvulling vragen” is niet gezet' });
    await alert.waitFor();
    await expect.poll(() => alert.evaluate((el) => el === document.activeElement)).toBe(true);

    // At the field, by its label.
    const field = page.getByRole('textbox', { name: 'Gevraagde aanvulling', exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const described = await field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('Gevraagde aanvulling ontbreekt.');
    await checkA11y(page, 'simulator-refused-step');

    // The alert's link goes to the field.
    await alert.getByRole('link', { name: 'Gevraagde aanvulling ontbreekt.' }).click();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    // Filled in, the step is taken and the alert goes.
    await field.fill('Graag een offerte voor het podium.');
    await page.getByRole('button', { name: 'Stap Om aanvulling vragen zetten' }).click();
    await page.getByText('Huidige status: Aanvulling gevraagd').waitFor();
    expect(await alert.count()).toBe(0);
    // The request's letter carries the officer's own words.
    const letter = page
      .locator('.policy-log li', { hasText: /^Brief \(verzoek om aanvulling\)/ })
      .first();
    await letter.locator('summary').first().click();
    await letter.getByText('Graag een offerte voor het podium.').waitFor();
  });

  it('keeps the reference of the year the trial began when the clock passes New Year', async () => {
    const clock = page.getByRole('group', { name: 'Datum en tijd van de klok' });
    const year = Number(await clock.getByLabel('Jaar', { exact: true }).inputValue());
    await clock.getByLabel('Dag', { exact: true }).fill('31');
    await clock.getByLabel('Maand', { exact: true }).fill('12');
    await clock.getByLabel('Jaar', { exact: true }).fill(String(year));
    await clock.getByLabel('Jaar', { exact: true }).blur();
    await page.getByLabel('U bent').selectOption('applicant');
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    const log = page.locator('.policy-log');
    // Each step is a line of the log with its letters and mails (their texts folded away).
    await log
      .locator('li', { hasText: new RegExp(`VOORBEELD-BI-${year}-000001`) })
      .first()
      .waitFor();
    // A day later it is a new year; the withdrawal's mail still carries the same reference.
    await page.getByRole('button', { name: '+1 dag' }).click();
    expect(await clock.getByLabel('Jaar', { exact: true }).inputValue()).toBe(String(year + 1));
    await page.getByRole('button', { name: 'Stap Intrekken zetten' }).click();
    await page.getByText('Huidige status: Ingetrokken').waitFor();
    const withdrawn = new RegExp(`Uw aanvraag is ingetrokken \\(VOORBEELD-BI-${year}-000001\\)`);
    await log.locator('li', { hasText: withdrawn }).first().waitFor();
    expect(await log.textContent()).not.toContain(`BI-${year + 1}-`);
  });

  it('names each landmark once, with the diagram in the editor and in the simulator', async () => {
    // axe's best practice, not among checkA11y's WCAG tags: two landmarks of one name.
    expect(await page.locator('.policy-diagram').count()).toBeGreaterThan(1);
    const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });
});
