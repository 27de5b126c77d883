/**
 * Typographic quotes and apostrophes in a letter: the Dutch „…” and ‘…’, the English “…”, the
 * apostrophe of "foto’s" and "’s-Gravendijkwal". The letter font (Noto Sans) has them: they are
 * printed with real glyphs (a character the font lacks would be left out, letter.glyphs.ts) and
 * read back exactly with PDF.js and with poppler's pdftotext; the web page keeps them as written.
 */
import { describe, expect, it } from 'vitest';
import { sampleLetter } from './letter.fixture';
import { renderLetterHtml } from './letter.html';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { pdfText } from './pdf-text';
import { pdffonts, pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
const SUBJECT = 'Besluit op uw aanvraag „Zomerfeest ’s-Gravendijkwal”';
const QUOTED = [
  'U noemt uw activiteit ‘een feest voor iedereen’; stuur ons de foto’s.',
  'Zij schreef: „Wij zorgen voor ‚stille’ uren.” En in het Engels: “a ‘quiet’ party”.',
];

function quotedLetter(): LetterContent {
  const letter = sampleLetter();
  return { ...letter, subject: SUBJECT, paragraphs: [...letter.paragraphs, ...QUOTED] };
}

/** A text's lines joined, so a line break in the PDF reads as a space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('typographic quotes in a letter', () => {
  it('are printed and read back exactly by PDF.js and pdftotext', async () => {
    const pdf = await renderLetterPdf(quotedLetter());
    const read = flat(await pdfText(pdf));
    for (const text of [SUBJECT, ...QUOTED]) expect(read).toContain(text);
    if (poppler) {
      const popplerRead = flat(pdftotext(pdf));
      for (const text of [SUBJECT, ...QUOTED]) expect(popplerRead).toContain(text);
      // Only the embedded letter font, with its Unicode map: no standard font stood in.
      const fonts = pdffonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name).toMatch(/NotoSans/);
        expect(font).toMatchObject({ embedded: true, unicode: true });
      }
    }
  });

  it('are kept as written on the letter’s web page', () => {
    const html = renderLetterHtml(quotedLetter(), {
      documentId: '00000000-0000-4000-8000-000000000001',
      applicationId: '00000000-0000-4000-8000-000000000002',
      publicUrl: 'http://localhost:3000',
    });
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<h1 id="letter-subject" tabindex="-1">${SUBJECT}</h1>`);
    for (const text of QUOTED) expect(html).toContain(text);
  });
});
