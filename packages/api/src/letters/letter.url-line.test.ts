/**
 * A web address is read off a letter and typed in, letter by letter: it never breaks over two
 * lines, never gets a "-" added and never runs past the margin, whatever host PUBLIC_URL names
 * (hyphens in the host, an application's id with its hyphens). The grant letter is rendered as a
 * resident receives it, and running text puts each address at every offset of a line; the PDF
 * is read back with PDF.js and with pdftotext.
 */
import { renderTemplate } from '@initiatief/engine';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { newestShipped, readShippedDefinitions } from '../definitions/definitions.repository';
import { templateOf } from '../messaging/messaging.texts';
import { webAddress } from '../messaging/web-address';
import { buildLetterContent } from './letter.content';
import { sampleLetter } from './letter.fixture';
import { letterTextWidth } from './letter.fonts';
import { finishedLetter } from './letter.links';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { adjoining, segmentsOf, urlFontSize } from './letter.typography';
import { letterheadOf } from './letterhead';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();

const APPLICATION = '3f2b8c1e-7d4a-4e9b-a6c5-0b1d2e3f4a5b';
const LETTER = '9c0d7e6f-1a2b-4c3d-8e5f-6a7b8c9d0e1f';
/** The municipality's host, and longer ones a test or acceptance server has. */
const HOSTS = [
  'https://bewonersinitiatief.rotterdam.nl',
  'https://bewonersinitiatief.acceptatie.rotterdam.nl',
  'https://bewonersinitiatief-test.gemeente-rotterdam.nl',
];
/** Longer than a line, so an address meets the end of a line at every offset. */
const LEAD =
  'Na afloop laat u ons uiterlijk op 9 mei 2027 weten hoe de activiteit is verlopen en wat die heeft gekost, met de bonnen.';
const OFFSETS = Array.from({ length: 48 }, (_, i) => 2 * i);
/** The right edge of the text column: A4 less the page's margins (letter.pdf.tsx). */
const COLUMN_RIGHT = 595.28 - 64;

interface Run {
  str: string;
  right: number;
  size: number;
}

/** Every run of text with where it ends and its font size, and the links, read with PDF.js. */
async function layoutOf(pdf: Uint8Array): Promise<{ runs: Run[]; links: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const runs: Run[] = [];
    const links: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b] = item.transform as number[];
        runs.push({
          str: item.str,
          right: item.transform[4] + item.width,
          size: Math.hypot(a!, b!),
        });
      }
      const annotations = (await page.getAnnotations()) as { subtype: string; url?: string }[];
      for (const a of annotations) if (a.subtype === 'Link' && a.url) links.push(a.url);
    }
    return { runs, links };
  } finally {
    await doc.destroy();
  }
}

/** The ways a PDF's text is read back: PDF.js, and pdftotext as laid out and as it joins lines. */
async function readings(pdf: Uint8Array): Promise<[string, string][]> {
  return [
    ['PDF.js', await pdfText(pdf)],
    ...(poppler
      ? ([
          ['pdftotext -layout', pdftotext(pdf, { layout: true })],
          ['pdftotext', pdftotext(pdf)],
        ] as [string, string][])
      : []),
  ];
}

/**
 * Lines that hold part of an address but not all of it, or the address with a "-" added: a
 * part is the host, the path's start or any group of an id.
 */
function brokenAddresses(text: string, urls: string[]): string[] {
  const parts = urls.flatMap((url) => {
    const { host } = new URL(url);
    return [host, '://', ...url.split(/[/?=.-]/).filter((p) => /^[0-9a-f]{4,12}$/.test(p))];
  });
  return text.split('\n').filter((line) => {
    if (!parts.some((part) => line.includes(part))) return false;
    const whole = urls.filter((url) => line.includes(url));
    return whole.length === 0 || whole.some((url) => line.includes(`${url}-`));
  });
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the grant letter, as a resident receives it', () => {
  let definitionOf: () => ReturnType<typeof newestShipped>;
  beforeAll(async () => {
    const definitions = await readShippedDefinitions();
    definitionOf = () => newestShipped(definitions, 'bewonersinitiatief');
  });

  /** Issued with the placeholder (messaging.plan.ts), finished for the post (letter.links.ts). */
  function grantLetter(language: 'nl' | 'en', publicUrl: string): LetterContent {
    const definition = definitionOf()!;
    const { text } = templateOf(definition, 'letters', 'grant', language);
    const variables: Record<string, string> = {
      applicationUrl: '{{applicationUrl}}',
      reference: 'BI-2027-000123',
      applicantName: 'Ayşe Yıldız',
      title: 'Buurtfeest bij Ayşe Yıldız',
      district: 'Kralingen-Crooswijk',
      activityDate: '14 maart 2027',
      requestedAmount: '€ 1.250,00',
      grantedAmount: '€ 1.250,00',
      advanceAmount: '€ 1.000,00',
      reportDueDate: '9 mei 2027',
      objectionDeadline: '25 februari 2027',
      motivation: 'Uw initiatief past bij het wijkakkoord.',
      conditions: 'U vermeldt de bijdrage van de gemeente.',
    };
    const conditions = { online: true };
    const content = buildLetterContent({
      kind: 'grant',
      language,
      reference: 'BI-2027-000123',
      sentOn: '2027-01-14',
      objectionLastDay: '2027-02-25',
      recipient: {
        name: 'Ayşe Yıldız',
        street: 'Oostzeedijk 10',
        postcode: '3063 BB',
        city: 'Rotterdam',
      },
      subject: renderTemplate(text.subject, variables, conditions),
      body: renderTemplate(text.body, variables, conditions),
      variables,
      conditions,
      sender: letterheadOf(definition, language),
    });
    return finishedLetter({ id: LETTER, application_id: APPLICATION, content }, publicUrl, true);
  }

  for (const language of ['nl', 'en'] as const) {
    for (const host of HOSTS) {
      it(`prints each address whole on one line, within the margin (${language}, ${host})`, async () => {
        const application = webAddress(host, '/aanvragen/:id', language, { id: APPLICATION });
        const page = `${host}/api/documents/${LETTER}?format=html`;
        const letter = grantLetter(language, host);
        expect(letter.paragraphs.join('\n')).toContain(application);
        const pdf = await renderLetterPdf(letter);
        for (const [reader, text] of await readings(pdf)) {
          expect(brokenAddresses(text, [application, page]), reader).toEqual([]);
          expect(count(text, application), reader).toBeGreaterThanOrEqual(1);
          expect(count(text, page), reader).toBe(1);
        }
        const { runs, links } = await layoutOf(pdf);
        expect(links).toContain(application);
        expect(links).toContain(page);
        expect(Math.max(...runs.map((r) => r.right))).toBeLessThanOrEqual(COLUMN_RIGHT + 0.5);
        // At the text's size where it fits; smaller, and still legible, where it would not.
        const size = runs.find((r) => r.str.includes(application))?.size;
        if (host === HOSTS[0] && language === 'nl') expect(size).toBeCloseTo(10.5, 1);
        expect(size).toBeGreaterThanOrEqual(8.5);
      }, 60_000);
    }
  }
});

describe('an address in running text', () => {
  // Short enough to share a line with words (the demo's), about a line long, and longer.
  const urls = [
    webAddress('http://localhost:3000', '/aanvragen/:id', 'nl', { id: APPLICATION }),
    webAddress(HOSTS[0]!, '/aanvragen/:id', 'nl', { id: APPLICATION }),
    webAddress(HOSTS[0]!, '/aanvragen/:id', 'en', { id: APPLICATION }),
    webAddress(HOSTS[1]!, '/aanvragen/:id', 'en', { id: APPLICATION }),
  ];
  const paragraphs = urls.flatMap((url) =>
    OFFSETS.map((n) =>
      `${LEAD.slice(0, n)} Dat kan via ${url}, per post of aan de balie. Volg uw aanvraag op ${url}. Of kijk op (${url}).`.trimStart(),
    ),
  );

  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderLetterPdf({ ...sampleLetter(), paragraphs });
  }, 60_000);

  it('stays whole on one line at every offset, never with a "-" added', async () => {
    for (const [reader, text] of await readings(pdf)) {
      expect(brokenAddresses(text, urls), reader).toEqual([]);
      for (const url of urls) expect(count(text, url), `${reader} ${url}`).toBe(OFFSETS.length * 3);
    }
  });

  it('and within the margin', async () => {
    const { runs } = await layoutOf(pdf);
    expect(Math.max(...runs.map((r) => r.right))).toBeLessThanOrEqual(COLUMN_RIGHT + 0.5);
  });
});

describe('the size of an address', () => {
  const line = { size: 10.5, width: 595.28 - 128 };

  it('is the text’s where the address fits, and fills a line of its own where it would not', () => {
    const short = 'https://bewonersinitiatief.rotterdam.nl/aanvragen/1';
    expect(urlFontSize(short, ',', line, letterTextWidth)).toBe(10.5);
    const long = webAddress(HOSTS[2]!, '/aanvragen/:id', 'en', { id: APPLICATION });
    expect(letterTextWidth(long, 10.5)).toBeGreaterThan(line.width);
    const size = urlFontSize(long, ').', line, letterTextWidth);
    expect(size).toBeLessThan(10.5);
    expect(size).toBeGreaterThan(8.5);
    const used = letterTextWidth(long, size) + letterTextWidth(').', 10.5);
    expect(used).toBeLessThanOrEqual(line.width);
    expect(used).toBeGreaterThan(line.width * 0.97);
  });

  it('counts what is printed against it with no space between', () => {
    const segments = segmentsOf('Zie (https://x.nl/a), of https://x.nl/b. Klaar\nhttps://x.nl/c');
    expect(segments.filter((s) => s.kind === 'url').map((s) => s.text)).toEqual([
      'https://x.nl/a',
      'https://x.nl/b',
      'https://x.nl/c',
    ]);
    expect(adjoining(segments, 1)).toBe('(),');
    expect(adjoining(segments, 3)).toBe('.');
    expect(adjoining(segments, 5)).toBe('');
  });
});
