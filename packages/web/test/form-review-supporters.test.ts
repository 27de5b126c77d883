/**
 * The review step before sending ("Controleren en versturen") marks each supporter's line as the
 * step that sends it will count it: "Telt mee", or "Telt niet mee" with why not (too young,
 * another district), as the supporters' page and the application page do; she can fix a line
 * before sending rather than read a refusal after. Once anyone is invited, the step counts who
 * confirmed, not these names: then the review marks none of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { shippedFile } from '../../api/src/definitions/shipped-versions.fixture';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { delfshavenRegulationOn } from './fixtures';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let regulationId = '';
const v12 = shippedFile('bewonersinitiatief', 12);

setUpBrowserTest(
  (started) => {
    ({ server, page } = started);
  },
  {
    seed: async (s) => {
      regulationId = await delfshavenRegulationOn(s.deps.db, 'BI-DH-V12-REVIEW', {
        key: 'bewonersinitiatief',
        version: 12,
      });
    },
  },
);

/** The demo's four supporters (Delfshaven, twelve or older), the first three, then two more. */
function formWithTwoThatDoNotCount(): Record<string, unknown> {
  const data = onlyFormFields(v12, demoFormData(server.deps.clock()));
  return {
    ...data,
    supporters: [
      ...(data.supporters as object[]).slice(0, 3),
      { name: 'Sanne de Wit', postcode: '3061 AB', age: 29 },
      { name: 'Noor Bakker', postcode: '3022 AF', age: 11 },
    ],
  };
}

describe('the review step marks the supporters', () => {
  it('says per line whether it counts, and why not', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWithTwoThatDoNotCount(),
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/controleren`);
    await expectHeading(page, /^Stap \d+ van \d+: Controleren en versturen$/, false);
    const review = page.locator('main');
    await review.getByText('Jonger dan 12 jaar.').waitFor();
    await review.getByText('Woont volgens de postcode niet in Delfshaven.').waitFor();
    const text = (await review.textContent()) ?? '';
    // Three lines count, two do not; the names stay beside their marks.
    expect(text.match(/Telt niet mee/g)).toHaveLength(2);
    expect(text.match(/Telt mee(?! niet)/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(
      /Sanne de Wit.*Telt niet mee\s*Woont volgens de postcode niet in Delfshaven\./s,
    );
    expect(text).toMatch(/Noor Bakker.*Telt niet mee\s*Jonger dan 12 jaar\./s);
    await checkA11y(page, 'review-supporters');

    // In English, in her words.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await review.getByText('Younger than 12.').waitFor();
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await review.getByText('Jonger dan 12 jaar.').waitFor();
  });

  it('marks none once a supporter is invited: then who confirmed counts', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWithTwoThatDoNotCount(),
    });
    await resident('POST', `/api/applications/${app.id}/supporters`, {
      name: 'Bram Visser',
      email: 'bram.visser@example.org',
    });
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/controleren`);
    await expectHeading(page, /^Stap \d+ van \d+: Controleren en versturen$/, false);
    await page.getByText('Noor Bakker', { exact: false }).first().waitFor();
    // The supporters' count is read once the list is known: give that read its time.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main').getByText('Telt niet mee').count()).toBe(0);
    expect(await page.locator('main').getByText('Jonger dan 12 jaar.').count()).toBe(0);
  });
});
