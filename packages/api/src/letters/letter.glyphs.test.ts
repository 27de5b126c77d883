import { describe, expect, it } from 'vitest';
import { sampleLetter } from './letter.fixture';
import { letterFontCoverage, printableText } from './letter.glyphs';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { pdfText } from './pdf-text';
import { pdffonts, pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
const TITLE = 'Buurtfeest Tarwewijk 🎉 – Ayşe’s idee';
const PRINTED = 'Buurtfeest Tarwewijk – Ayşe’s idee';

function letterTitled(title: string): LetterContent {
  const letter = sampleLetter();
  return {
    ...letter,
    subject: `Besluit op uw aanvraag ${title}`,
    paragraphs: [`Uw initiatief “${title}” krijgt € 1.250,00.`, ...letter.paragraphs],
  };
}

describe('text the letter font cannot draw', () => {
  it('leaves out emoji with their joiners and variation selectors, and keeps every letter the font has', async () => {
    const covered = await letterFontCoverage();
    const printable = (text: string) => printableText(text, covered);
    expect(printable(TITLE)).toBe(PRINTED);
    expect(printable('🎉 Feest')).toBe('Feest');
    expect(printable('Feest 🎉')).toBe('Feest');
    expect(printable('Feest 👩🏽‍🍳 en ❤️ voor ÇÖĞİşı')).toBe('Feest en voor ÇÖĞİşı');
    expect(printable('Team 👨‍👩‍👧‍👦!\nVolgende regel')).toBe('Team!\nVolgende regel');
    expect(printable('Vlag 🇳🇱 van Rotterdam')).toBe('Vlag van Rotterdam');
    const kept = '„Ayşe’s” ‘idee’ – € 6.000,00 — Nguyễn Thị Ánh, Łódź, Đặng, İğdır, Ærø, ©';
    expect(printable(kept)).toBe(kept);
    // An address's two spaces before the town are the PostNL layout: untouched.
    expect(printable('3011 AB  ROTTERDAM')).toBe('3011 AB  ROTTERDAM');
    expect(printable('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('prints a title with an emoji without junk, the rest of the title intact, every font embedded', async () => {
    const pdf = await renderLetterPdf(letterTitled(TITLE));
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(`Besluit op uw aanvraag ${PRINTED}`);
    expect(text).toContain(`Uw initiatief “${PRINTED}” krijgt € 1.250,00.`);
    expect(text).not.toMatch(/[‹‰\uFFFD]|🎉/u);
    if (!poppler) return;
    const extracted = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(extracted).toContain(PRINTED);
    expect(extracted).not.toMatch(/[‹‰\uFFFD]|🎉/u);
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
      expect(font.name.replace(/^[A-Z]{6}\+/, '')).toMatch(/^NotoSans-/);
    }
  });
});

describe('text in Arabic script', () => {
  const ARABIC_TITLE = 'إفطار الجيران في الساحة';
  const ARABIC_NAME = 'فاطمة العمراني';

  it('is text the letter fonts have: nothing of it is left out', async () => {
    const covered = await letterFontCoverage();
    expect(printableText(ARABIC_TITLE, covered)).toBe(ARABIC_TITLE);
    expect(printableText(`Fatima El Amrani — ${ARABIC_NAME}`, covered)).toBe(
      `Fatima El Amrani — ${ARABIC_NAME}`,
    );
  });

  it('prints and reads back as written, in its own font, the Dutch around it intact', async () => {
    const letter = letterTitled(ARABIC_TITLE);
    const pdf = await renderLetterPdf({
      ...letter,
      paragraphs: [...letter.paragraphs, `Fatima El Amrani — ${ARABIC_NAME}`],
    });
    // PDF.js reads the page in the order it is drawn: each Arabic word whole, the words right
    // to left.
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const word of [...ARABIC_TITLE.split(' '), ...ARABIC_NAME.split(' ')]) {
      expect(text).toContain(word);
    }
    expect(text).toContain('Besluit op uw aanvraag');
    expect(text).toContain('krijgt € 1.250,00.');
    if (!poppler) return;
    // Poppler puts right-to-left text back in the order it was written (marking the run).
    const extracted = pdftotext(pdf)
      .replace(/[\u202a-\u202e]/g, '')
      .replace(/\s+/g, ' ');
    expect(extracted).toContain(`Besluit op uw aanvraag ${ARABIC_TITLE}`);
    expect(extracted).toContain(`Fatima El Amrani — ${ARABIC_NAME}`);
    const fonts = pdffonts(pdf).map((f) => ({ ...f, name: f.name.replace(/^[A-Z]{6}\+/, '') }));
    expect(fonts.map((f) => f.name).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
      'NotoSansArabic-Bold',
      'NotoSansArabic-Regular',
    ]);
    for (const font of fonts)
      expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
  });
});
