/**
 * The form asks the API for what it shows once. The router asks a page's data ahead, beside the
 * page's code (pages/page-data.ts); it did so again at each step of the form, and again when an
 * address with an unknown step was corrected to the first step, for answers nothing would take:
 * four requests more per step on a resident's mobile line.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import type { ApiAs } from './api-as';
import { expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let as: ApiAs;

setUpResidentForm((started) => {
  ({ server, page, as } = started);
});

/** Every GET of the API from now on, by path. */
function countReads(): () => Record<string, number> {
  const reads: Record<string, number> = {};
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'GET' && path.startsWith('/api/')) reads[path] = (reads[path] ?? 0) + 1;
  });
  return () => reads;
}

describe('the form asks once', () => {
  it('for its data when opened, and nothing again from step to step', async () => {
    const { id } = await as('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: demoFormData(server.deps.clock()),
    });
    const reads = countReads();
    // An address with a step the form does not have (an old link) opens the first step.
    await page.goto(`${server.url}/aanvragen/${id}/bewerken/1`);
    await expectHeading(page, /^Stap 1 van \d: /, false);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectHeading(page, /^Stap 2 van \d: /);
    await page.getByRole('button', { name: 'Vorige stap' }).click();
    await expectHeading(page, /^Stap 1 van \d: /);
    await page.waitForTimeout(500);
    const asked = reads();
    for (const path of [
      `/api/applications/${id}`,
      '/api/regulations',
      `/api/applications/${id}/attachments`,
    ])
      expect(asked[path], path).toBe(1);
    const definitions = Object.entries(asked).filter(([p]) => p.startsWith('/api/definitions/'));
    expect(definitions.map(([, n]) => n)).toEqual([1]);
  });
});
