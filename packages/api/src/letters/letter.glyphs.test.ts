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
