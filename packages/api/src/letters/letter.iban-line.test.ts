/**
 * An account number is read off the letter and typed into a banking app: it never breaks over two
 * lines, wherever the sentence puts it, and it reads back (pdftotext and PDF.js) as written, in
 * groups of four with ordinary spaces. The test sets the same sentence after a lead-in one
 * character longer each paragraph, so the IBAN meets the end of a line at every offset.
 */
import { Font } from '@react-pdf/renderer';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleLetter } from './letter.fixture';
import { registerLetterFonts } from './letter.fonts';
import { renderLetterHtml } from './letter.html';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { keepTogether } from './letter.typography';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();

const HERS = 'NL91 ABNA 0417 1643 00';
const OURS = 'NL09 BNGH 0285 1700 07';
/** Longer than a line (about 85 characters), so every offset of the IBAN in a line is met. */
const LEAD =
  'Wij hebben uw verantwoording ontvangen en goedgekeurd, en wij stellen de subsidie vast op het bedrag dat u heeft besteed.';
const OFFSETS = Array.from({ length: 96 }, (_, i) => i);

function letterWith(paragraphs: string[]): LetterContent {
  return { ...sampleLetter(), paragraphs };
}

/** Lines of a PDF's text that hold part of an account number but not all of it. */
function brokenAccounts(text: string, iban: string): string[] {
  const [country] = iban.split(' ');
  const tail = iban.split(' ').slice(-2).join(' ');
  return text
    .split('\n')
    .filter((line) => (line.includes(country!) || line.includes(tail)) && !line.includes(iban));
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** The right edge of the text column: A4 less the page's padding (letter.pdf.tsx). */
const COLUMN_RIGHT = 595.28 - 64;

/** Where each run of text ends on the page, read with PDF.js. */
async function rightEdges(pdf: Uint8Array): Promise<number[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const edges: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { items } = await (await doc.getPage(n)).getTextContent();
      for (const item of items) {
        if ('str' in item && item.str.trim()) edges.push(item.transform[4] + item.width);
      }
    }
    return edges;
  } finally {
    await doc.destroy();
  }
}

describe('the words react-pdf lays out', () => {
  /** As react-pdf's textkit does: words split at ordinary spaces, each through the callback. */
  function words(text: string): string[] {
    const callback = Font.getHyphenationCallback();
    if (!callback) throw new Error('no hyphenation callback registered');
    return keepTogether(text)
      .split(/([ ]+)/g)
      .filter(Boolean)
      .flatMap((word) => callback(word));
  }

  it('take an IBAN for one word, with its ordinary spaces', () => {
    registerLetterFonts();
    const sentence = `Het bedrag (€ 1.250,00) komt op ${HERS}; terug op ${OURS}.`;
    const laid = words(sentence);
    expect(laid).toContain(`${HERS};`);
    expect(laid).toContain(`${OURS}.`);
    // The spaces are ordinary again, the IBAN's and the euro sign's: no no-break space is set.
    expect(laid.join('')).toBe(sentence);
    expect(laid).toContain('(€ 1.250,00)');
    // Not an IBAN: lower case, too few groups, part of a longer word.
    for (const other of ['nl91 abna 0417 1643 00', 'NL91 ABNA', 'XNL91 ABNA 0417 1643 00']) {
      expect(words(other).join('')).toBe(other);
      expect(words(other)).toContain(' ');
    }
  });
});

describe('an IBAN stays on one line', () => {
  const paragraphs = OFFSETS.map((n) =>
    `${LEAD.slice(0, n)} Het bedrag komt op uw rekening ${HERS} ten name van A. Yılmaz.`.trimStart(),
  );
  const reclaim = OFFSETS.map((n) =>
    `${LEAD.slice(0, n)} Betaal het bedrag terug op onze rekening ${OURS}. Vermeld uw kenmerk.`.trimStart(),
  );

  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderLetterPdf(letterWith([...paragraphs, ...reclaim]));
  });

  it('in running text, at every offset, read back with PDF.js with ordinary spaces', async () => {
    const text = await pdfText(pdf);
    expect(brokenAccounts(text, HERS)).toEqual([]);
    expect(brokenAccounts(text, OURS)).toEqual([]);
    expect(count(text, HERS)).toBe(OFFSETS.length);
    expect(count(text, OURS)).toBe(OFFSETS.length);
    // The letter still breaks its lines: these paragraphs are longer than a line.
    expect(text.split('\n').length).toBeGreaterThan(OFFSETS.length * 4);
    expect(text).not.toContain('\u00a0');
    // Kept whole by moving to the next line, not by running past the margin.
    expect(Math.max(...(await rightEdges(pdf)))).toBeLessThanOrEqual(COLUMN_RIGHT + 0.5);
  });

  it.runIf(poppler)('and with pdftotext -layout, as it stands on the paper', () => {
    for (const layout of [true, false]) {
      const text = pdftotext(pdf, { layout });
      expect(brokenAccounts(text, HERS), `layout ${layout}`).toEqual([]);
      expect(brokenAccounts(text, OURS), `layout ${layout}`).toEqual([]);
      expect(count(text, HERS)).toBe(OFFSETS.length);
      expect(count(text, OURS)).toBe(OFFSETS.length);
      expect(text).not.toContain('\u00a0');
    }
  });
});

describe('the HTML letter', () => {
  it('keeps each IBAN on one line too, its spaces ordinary ones', () => {
    const html = renderLetterHtml(
      letterWith([`Het bedrag (€ 1.250,00) komt op ${HERS}; terug op ${OURS}.`]),
      { documentId: 'd', publicUrl: 'https://initiatief.example', applicationId: 'a' },
    );
    expect(html).toContain(`<span class="nowrap">${HERS}</span>;`);
    expect(html).toContain(`<span class="nowrap">${OURS}</span>.`);
    expect(html).toMatch(/\.nowrap \{ white-space: nowrap; \}/);
  });
});
