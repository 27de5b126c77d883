import { execFileSync } from 'node:child_process';
import type { Effect } from '@initiatief/engine';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLetter } from '../letters/letter.fixture';
import { renderLetterPdf } from '../letters/letter.pdf';
import { pdfText } from '../letters/pdf-text';
import { popplerOrSkip } from '../letters/poppler';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from '../messaging/messaging.fixture';
import { enqueueMessaging } from '../messaging/messaging.service';
import { call, createTestApp, createUser, loginAs, readBody, testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { pageCountOf, renderPrintBatchPdf } from './print.pdf';

let t: TestDatabase;
let fixture: MessagingFixture;
const clock = testClock('2026-06-01T08:00:00.000Z'); // a Monday
const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'http://localhost:3000';
const poppler = popplerOrSkip();

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
});

afterAll(async () => {
  await t?.close();
});

/** Each page's text, read back with PDF.js. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

async function issue(app: FixtureApplication) {
  const effects: Effect[] = [{ type: 'document', kind: 'grant', template: 'grant' }];
  return t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition: fixture.definition,
      effects,
      now: clock(),
    }),
  );
}

async function paperApplication(options: { email: boolean }) {
  const app = await createFixtureApplication(t.db, fixture, clock());
  await t.db
    .updateTable('users')
    .set({ letter_channel: 'paper', ...(options.email ? {} : { email: null }) })
    .where('id', '=', app.applicant.id)
    .execute();
  return app;
}

describe('a print batch printed double-sided', () => {
  it('starts every letter on a new sheet: a blank page after a letter with an odd number of pages', async () => {
    const one = { ...sampleLetter(), reference: 'BI-2027-000001' };
    const two = { ...sampleLetter({ paragraphs: 14 }), reference: 'BI-2027-000002' };
    const three = { ...sampleLetter(), reference: 'BI-2027-000003' };
    expect(pageCountOf(await renderLetterPdf(one))).toBe(1);
    expect(pageCountOf(await renderLetterPdf(two))).toBe(2);

    const pdf = await renderPrintBatchPdf([one, two, three], 'Postbatch');
    const pages = await pagesOf(pdf);
    // Sheet 1: letter one and a blank back; sheet 2: letter two; sheet 3: letter three.
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('BI-2027-000001');
    expect(pages[1]!.trim()).toBe('');
    expect(pages[2]).toContain('BI-2027-000002');
    expect(pages[2]).toMatch(/Pagina 1 van 2/);
    expect(pages[3]).toContain('BI-2027-000002');
    expect(pages[3]).toMatch(/Pagina 2 van 2/);
    expect(pages[4]).toContain('BI-2027-000003');
    expect(pageCountOf(pdf)).toBe(5);
    if (poppler) {
      const info = execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+5$/m);
    }

    // Two letters of two pages need nothing between them; the last letter needs no blank page.
    expect(await pagesOf(await renderPrintBatchPdf([two, one], 'Postbatch'))).toHaveLength(3);
  }, 60_000);
});

describe('the line under a paper letter', () => {
  it('points a resident without an account to 14 010, not to a web page she cannot open', async () => {
    const desk = await paperApplication({ email: false });
    const online = await paperApplication({ email: true });
    const deskLetter = (await issue(desk)).documentIds[0]!;
    const onlineLetter = (await issue(online)).documentIds[0]!;
    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const cookie = await loginAs(http, clerk.email!);
    const batch = await readBody(await call(http, 'POST', '/api/print-batches', { cookie }));
    const res = await call(http, 'GET', `/api/print-batches/${batch.id}/pdf`, { cookie });
    const pages = (await pdfText(new Uint8Array(await res.arrayBuffer()))).split('\n\f\n');
    const deskPages = pages.filter((p) => p.includes(desk.reference)).join(' ');
    const onlinePages = pages.filter((p) => p.includes(online.reference)).join(' ');
    const flat = (text: string) => text.replace(/\s+/g, ' ');

    expect(flat(deskPages)).toContain(
      `Heeft u vragen over deze brief? Bel dan 14 010 (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem uw kenmerk ${desk.reference}.`,
    );
    expect(deskPages).not.toContain('toegankelijke webpagina');
    expect(deskPages).not.toContain(`/api/documents/${deskLetter}`);

    expect(flat(onlinePages)).toContain('Deze brief is ook te lezen als toegankelijke webpagina:');
    expect(flat(onlinePages)).toContain(`${PUBLIC_URL}/api/documents/${onlineLetter}?format=html`);
  }, 60_000);

  it('says it in English in an English letter', async () => {
    const pdf = await renderLetterPdf({
      ...sampleLetter({ language: 'en' }),
      links: { html: null },
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Any questions about this letter? Call 14 010 (Monday to Friday, 8:00 to 18:00) and quote your reference BI-2027-000123.',
    );
    expect(text).not.toContain('accessible web page');
  });
});

describe('one print batch a day', () => {
  it("refuses a second batch once today's was posted; the letters go in tomorrow's", async () => {
    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    clock.advance(DAY);
    let cookie = await loginAs(http, clerk.email!);
    await issue(await paperApplication({ email: false }));
    const first = await readBody(await call(http, 'POST', '/api/print-batches', { cookie }));
    expect(first).toMatchObject({ postingDate: '2026-06-02', status: 'open' });
    const posted = await call(http, 'POST', `/api/print-batches/${first.id}/posted`, { cookie });
    expect(posted.status).toBe(200);
    // Posted twice: said in words, not the web's general sentence for a conflict.
    const twice = await call(http, 'POST', `/api/print-batches/${first.id}/posted`, { cookie });
    expect(twice.status).toBe(409);
    const twiceBody = await readBody(twice);
    expect(twiceBody.text).toEqual({
      nl: 'Deze postbatch is al gemeld als gepost.',
      en: 'This batch has already been marked as posted.',
    });
    expect(twiceBody.detail).toBe(twiceBody.text.en);

    // A letter issued after the post went: no second batch today.
    const late = await paperApplication({ email: false });
    const lateLetter = (await issue(late)).documentIds[0]!;
    const second = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(second.status).toBe(409);
    const secondBody = await readBody(second);
    expect(secondBody.text).toEqual({
      nl: 'De postbatch van vandaag is al gepost. De brieven die nu wachten, gaan mee in de postbatch van morgen.',
      en: "Today's print batch has already been posted. The letters that wait now go in tomorrow's batch.",
    });
    expect(secondBody.detail).toBe(secondBody.text.en);
    const queue = await readBody(await call(http, 'GET', '/api/print-queue', { cookie }));
    expect(queue.today).toBe('2026-06-02');
    expect(
      queue.batches.filter((b: { postingDate: string }) => b.postingDate === '2026-06-02'),
    ).toHaveLength(1);
    expect(queue.waiting.map((w: { documentId: string }) => w.documentId)).toContain(lateLetter);

    // Tomorrow it goes, dated tomorrow.
    clock.advance(DAY);
    cookie = await loginAs(http, clerk.email!);
    const next = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(next.status).toBe(201);
    expect(await readBody(next)).toMatchObject({ postingDate: '2026-06-03', letters: 1 });
  }, 60_000);
});
