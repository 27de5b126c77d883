/**
 * What staff type with a step reaches the resident tidied: a question asked with "Om aanvulling
 * vragen", typed with double spaces, trailing spaces and stray blank lines, is printed in the
 * letter (PDF, read back with PDF.js and pdftotext), its web page, the mail as received over SMTP
 * and the paper letter of a print batch with single spaces and one empty line between its
 * paragraphs, its line breaks kept. The history keeps the words as typed.
 */
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONDITIONS } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationIn,
  type Kit,
  lettersByPost,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { penaltyLetterText } from '../desk/penalty-decision';
import type { LetterContent } from '../letters/letter.types';
import { pdfText } from '../letters/pdf-text';
import { POPPLER, pdftotext, popplerOrSkip } from '../letters/poppler';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import { call, loginAs } from '../test/test-app';
import { createSmtpTransport } from './mail.transport';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

/** As an assessor might type it: double spaces, a tab, trailing spaces, four empty lines. */
const TYPED =
  '  Wij  missen de begroting .   \n\n\n\n   \nGraag ook  een offerte\tvoor het podium,   \nen de huurprijs van de  tent.  \n\n';
const FIRST = 'Wij missen de begroting .';
const SECOND = 'Graag ook een offerte voor het podium,\nen de huurprijs van de tent.';
const TIDIED = `${FIRST}\n\n${SECOND}`;
/** Two blanks in a row, or a blank at a line's end: what must not reach the resident. */
const UNTIDY = /[ \t]{2}|[ \t]\n/;
const poppler = popplerOrSkip();

let kit: Kit;
let pool: RenderPool;
let sink: SmtpSink;

beforeAll(async () => {
  kit = await setupKit();
  pool = createRenderPool({ size: 1 });
  sink = await startSmtpSink({ parse: true });
});

afterAll(async () => {
  await sink?.close();
  await pool?.close();
  await kit?.close();
});

/** Renders and sends what the outbox holds, over SMTP to the sink. */
async function runOutbox(): Promise<void> {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, {
    ignoreTLS: true,
    connectionTimeoutMs: 2_000,
  });
  const worker = startOutboxWorker(
    {
      db: kit.t.db,
      config: kit.app.deps.config,
      logger: silentLogger(),
      clock: kit.clock,
    },
    { loop: false, renderPool: pool, transport },
  );
  await worker.drain();
  await worker.stop();
  transport.close();
}

async function askSupplement(): Promise<string> {
  const app = await applicationIn(kit, 'submitted');
  await step(kit, 'assessor', app.id, 'REQUEST_INFO', { message: TYPED, periodDays: 14 });
  return app.id;
}

function letterOf(applicationId: string) {
  return kit.t.db
    .selectFrom('documents')
    .select(['id', 'content', 'pdf'])
    .where('application_id', '=', applicationId)
    .where('kind', '=', 'supplement_request')
    .executeTakeFirstOrThrow();
}

/** The paragraphs of a letter's text as a reader sees them: lines joined, runs of lines kept. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The question's lines as printed. */
const QUESTION_LINES = [
  'Wij missen de begroting .',
  'Graag ook een offerte voor het podium,',
  'en de huurprijs van de tent.',
];

/**
 * The space between the words of a printed line, measured from the word boxes pdftotext finds
 * (`-bbox`), for every line of the PDF that reads `line`. Text extraction writes one space for a
 * double one (PDF.js and pdftotext alike), so the gaps are what show a double space.
 */
function gapsOfLine(pdf: Uint8Array, line: string): number[][] {
  const xhtml = execFileSync(POPPLER, ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8' });
  const lines = new Map<string, { xMin: number; xMax: number; word: string }[]>();
  for (const m of xhtml.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  )) {
    const [, xMin, yMin, xMax, word] = m as unknown as [string, string, string, string, string];
    const key = Number(yMin).toFixed(1);
    lines.set(key, [...(lines.get(key) ?? []), { xMin: Number(xMin), xMax: Number(xMax), word }]);
  }
  return [...lines.values()]
    .filter((words) => words.map((w) => w.word).join(' ') === line)
    .map((words) => words.slice(1).map((w, i) => w.xMin - words[i]!.xMax));
}

/** Every line of the question is printed, with one space's width between each two words. */
function expectSingleSpaced(pdf: Uint8Array): void {
  for (const line of QUESTION_LINES) {
    const found = gapsOfLine(pdf, line);
    expect(found.length, line).toBeGreaterThanOrEqual(1);
    for (const gaps of found) {
      expect(Math.max(...gaps), line).toBeLessThan(Math.min(...gaps) * 1.5);
    }
  }
}

describe('free text typed with a step', () => {
  it('reaches the letter, its web page and the mail tidied; the history keeps it as typed', async () => {
    const id = await askSupplement();

    const history = await kit.t.db
      .selectFrom('application_history')
      .select('payload')
      .where('application_id', '=', id)
      .where('event', '=', 'REQUEST_INFO')
      .executeTakeFirstOrThrow();
    expect((history.payload as { message: string }).message).toBe(TYPED);

    const stored = await letterOf(id);
    const content = stored.content as LetterContent;
    expect(content.variables.message).toBe(TIDIED);
    expect(content.paragraphs).toContain(FIRST);
    expect(content.paragraphs).toContain(SECOND);
    for (const p of content.paragraphs) expect(p).not.toMatch(UNTIDY);

    const mail = await kit.t.db
      .selectFrom('outbox')
      .select('body')
      .where('application_id', '=', id)
      .where('kind', '=', 'mail')
      .where('template_key', '=', 'supplement_request')
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain(`\n\n${TIDIED}\n\n`);

    await runOutbox();
    const received = sink.messages.find((m) => m.text?.includes(FIRST));
    expect(received, 'the mail with the question').toBeDefined();
    expect(received!.text).toContain(TIDIED);
    expect(received!.text).not.toMatch(/Wij\s{2,}missen/);
    expect(received!.html).toContain(
      'Graag ook een offerte voor het podium,<br>en de huurprijs van de tent.',
    );

    const cookie = await loginAs(kit.app, kit.users.resident.email!);
    const pdf = await call(kit.app, 'GET', `/api/documents/${stored.id}?format=pdf`, { cookie });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const read = await pdfText(bytes);
    expect(read).toContain(FIRST);
    expect(read).toContain('Graag ook een offerte voor het podium,\nen de huurprijs van de tent.');
    expect(read).not.toMatch(/Wij\s{2,}missen|ook\s{2,}een|de\s{2,}tent/);
    if (poppler) {
      const layout = pdftotext(bytes, { layout: true });
      expect(layout).toMatch(/Wij missen de begroting \./);
      expect(layout).not.toMatch(/Wij {2,}missen|ook {2,}een|offerte {2,}voor|de {2,}tent/);
      expect(flat(pdftotext(bytes))).toContain(flat(TIDIED));
      expectSingleSpaced(bytes);
    }

    const html = await call(kit.app, 'GET', `/api/documents/${stored.id}?format=html`, { cookie });
    const page = await html.text();
    expect(page).toContain(FIRST);
    expect(page).toContain(
      'Graag ook een offerte voor het podium,<br>en de huurprijs van de tent.',
    );
    expect(page).not.toMatch(/Wij\s{2,}missen|ook\s{2,}een|de\s{2,}tent/);
  });

  it('reads the same in a paper letter dated again when its print batch is posted', async () => {
    await lettersByPost(kit);
    const id = await askSupplement();
    const clerk = await loginAs(kit.app, kit.users.clerk.email!);
    const batch = await call(kit.app, 'POST', '/api/print-batches', { cookie: clerk });
    expect(batch.status).toBe(201);
    const { id: batchId } = (await batch.json()) as { id: string };

    const printed = await call(kit.app, 'GET', `/api/print-batches/${batchId}/pdf`, {
      cookie: clerk,
    });
    expect(printed.status).toBe(200);
    const sheetsPdf = new Uint8Array(await printed.arrayBuffer());
    const sheets = await pdfText(sheetsPdf);
    expect(sheets).toContain(FIRST);
    expect(sheets).toContain(
      'Graag ook een offerte voor het podium,\nen de huurprijs van de tent.',
    );
    expect(sheets).not.toMatch(/Wij\s{2,}missen|ook\s{2,}een|de\s{2,}tent/);
    if (poppler) expectSingleSpaced(sheetsPdf);

    const posted = await call(kit.app, 'POST', `/api/print-batches/${batchId}/posted`, {
      cookie: clerk,
    });
    expect(posted.status).toBe(200);
    await runOutbox();
    const letter = await letterOf(id);
    expect((letter.content as LetterContent).variables.message).toBe(TIDIED);
    expect(letter.pdf).not.toBeNull();
    const own = await pdfText(letter.pdf!);
    expect(own).toContain(FIRST);
    expect(own).not.toMatch(/Wij\s{2,}missen|ook\s{2,}een|de\s{2,}tent/);
    if (poppler) expectSingleSpaced(letter.pdf!);
  });
});

describe('conditions typed as blanks only', () => {
  it('are none: the grant letter states the standard ones', async () => {
    const app = await applicationIn(kit, 'assessed');
    await step(kit, 'approver', app.id, 'GRANT', { conditions: '  \n\t \n ' });
    const grant = await kit.t.db
      .selectFrom('documents')
      .select('content')
      .where('application_id', '=', app.id)
      .where('kind', '=', 'grant')
      .executeTakeFirstOrThrow();
    expect((grant.content as LetterContent).variables.conditions).toBe(DEFAULT_CONDITIONS.nl);
  });
});

describe('the reasons staff give for owing no penalty', () => {
  it('are tidied in the decision letter', () => {
    const notice = {
      receivedOn: '2026-05-04',
      termEndedOn: '2026-04-28',
      firstDay: '2026-05-19',
      lastDay: '2026-05-21',
      days: 3,
      cents: 6_900,
    } as unknown as Parameters<typeof penaltyLetterText>[1]['notice'];
    const { body } = penaltyLetterText('nl', {
      what: 'Buurtfeest',
      reference: 'BI-2026-000009',
      notice,
      notOwed: { ground: 'manifest', motivation: TYPED },
    });
    expect(body.endsWith(`\n\n${TIDIED}`)).toBe(true);
  });
});
