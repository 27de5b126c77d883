/**
 * Letters rendered one after another in one thread read back as written, whatever came before.
 *
 * The render threads render many letters in turn, and every letter of a thread shares the same
 * loaded fonts. fontkit caches a font's glyphs by id, each with the code points it was first
 * asked for, and a PDF's ToUnicode map is written from those code points. Embedding a subset
 * asks for a composite glyph's components with no code points at all: after a letter with "Ç"
 * (Ayşe Yıldız-Çelik), "C" was cached as a glyph of no character, and every later letter of
 * the thread extracted "ity of Rotterdam" and "all 14 010" for "City of Rotterdam" and
 * "Call 14 010" (after "Ánh": "Fatima el mrani"), for a screen reader and for copy and paste.
 * Fixed in fontkit's getGlyph (patches/fontkit@2.0.4.patch).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sampleLetter } from './letter.fixture';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';
import { createRenderPool, type RenderPool } from './render.pool';

const poppler = popplerOrSkip();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function letter(
  language: 'nl' | 'en',
  name: string,
  paragraph: string,
): { key: string; content: LetterContent } {
  const sample = sampleLetter({ language });
  return {
    key: `${language}: ${name}`,
    content: {
      ...sample,
      recipient: { ...sample.recipient, name },
      subject: `${sample.subject} – ${name}`,
      paragraphs: [paragraph, ...sample.paragraphs],
    },
  };
}

// Composite glyphs (Ç Ş Ğ İ Á ễ), in bold (the address's name, the subject) and regular (the
// running text), next to the plain letters they are built from (C S G I A e) in the letterhead,
// the subject and the text of the same and of other letters.
const LETTERS = [
  letter(
    'nl',
    'Ayşe Yıldız-Çelik',
    'Wij verlenen u € 1.234,56 voor het buurtfeest van Çiğdem Şahin, Ánh Nguyễn en İlkay Güneş.',
  ),
  letter(
    'en',
    'Ayşe Yıldız-Çelik',
    'We grant you € 1.234,56. Call 14 010 with any questions; City Hall, Coolsingel 40, Gouda.',
  ),
  letter('nl', 'Ánh Nguyễn', 'Bel 14 010 als u vragen heeft. Coolsingel 40, Capelle, Schiedam.'),
  letter('en', 'Fatima el Amrani', 'Amount granted: € 1.234,56. Call 14 010. Ayşe, Ilse, Sara.'),
];

/** What a resident must be able to read back: every line of the letter she was sent. */
function expectedTexts(content: LetterContent): string[] {
  return [
    content.sender.organisation,
    content.sender.department,
    content.recipient.name,
    ...content.recipient.addressLines,
    content.subject,
    content.salutation,
    ...content.paragraphs.flatMap((paragraph) => paragraph.split('\n')),
    content.signature.closing,
    content.signature.role,
    content.signature.organisation,
    ...(content.objection ? [content.objection.heading, ...content.objection.paragraphs] : []),
  ]
    .map(flat)
    .filter(Boolean);
}

interface Read {
  pdfjs: string;
  poppler: string | null;
}

async function read(pdf: Uint8Array): Promise<Read> {
  return { pdfjs: flat(await pdfText(pdf)), poppler: poppler ? flat(pdftotext(pdf)) : null };
}

function expectReadsAsWritten(content: LetterContent, text: Read, where: string): void {
  for (const [reader, extracted] of Object.entries(text)) {
    if (extracted === null) continue;
    // A glyph without a character extracts as nothing (pdftotext), as U+0000, or as whatever
    // PDF.js makes of an empty ToUnicode entry ("=all", "7all", "5oolsingel" for "Call").
    expect(extracted, `${where}, ${reader}`).not.toMatch(/[\p{Cc}\ufffd]/u);
    for (const expected of expectedTexts(content)) {
      expect(extracted, `${where}, ${reader}`).toContain(expected);
    }
  }
}

/** Renders the letters in the order given, one after another, and reads each back. */
async function renderInTurn(
  order: number[],
  render: (content: LetterContent) => Promise<Uint8Array>,
): Promise<Map<number, Read>> {
  const texts = new Map<number, Read>();
  for (const index of order) texts.set(index, await read(await render(LETTERS[index]!.content)));
  return texts;
}

const ORDERS = {
  'Dutch first': [0, 1, 2, 3, 0, 1],
  'English first': [3, 1, 2, 0, 3, 1],
};

describe('letters rendered one after another in one thread', () => {
  const byOrder = new Map<string, Map<number, Read>>();

  for (const [name, order] of Object.entries(ORDERS)) {
    it(`read back exactly as written, with PDF.js and pdftotext (${name})`, async () => {
      const texts = await renderInTurn(order, renderLetterPdf);
      for (const [index, text] of texts) {
        expectReadsAsWritten(LETTERS[index]!.content, text, `${name}, ${LETTERS[index]!.key}`);
      }
      byOrder.set(name, texts);
    }, 120_000);
  }

  it('read back the same whichever letters came before', () => {
    const [first, second] = [...byOrder.values()];
    expect(first && second, 'both orders rendered').toBeTruthy();
    for (const [index, text] of first!) {
      expect(second!.get(index), LETTERS[index]!.key).toEqual(text);
    }
  });
});

describe('letters rendered in turn by the render threads', () => {
  let pool: RenderPool | null = null;
  afterAll(async () => {
    await pool?.close();
  });

  it('read back exactly as written, one thread, every letter after others', async () => {
    pool = createRenderPool({ size: 1 });
    const own = pool;
    const order = [...ORDERS['Dutch first'], ...ORDERS['English first']];
    // One at a time: the thread renders them in this order.
    const texts = await renderInTurn(order, (content) => own.render(content));
    const here = await renderInTurn([0, 1, 2, 3], renderLetterPdf);
    for (const [index, text] of texts) {
      expectReadsAsWritten(LETTERS[index]!.content, text, `render thread, ${LETTERS[index]!.key}`);
      expect(text, LETTERS[index]!.key).toEqual(here.get(index));
    }
  }, 180_000);

  it('read back exactly as written, two threads, letters queued together', async () => {
    const two = createRenderPool({ size: 2 });
    try {
      const order = [0, 1, 2, 3, 3, 2, 1, 0];
      const pdfs = await Promise.all(order.map((index) => two.render(LETTERS[index]!.content)));
      for (const [at, pdf] of pdfs.entries()) {
        const index = order[at]!;
        expectReadsAsWritten(LETTERS[index]!.content, await read(pdf), `thread, ${at}`);
      }
    } finally {
      await two.close();
    }
  }, 180_000);
});
