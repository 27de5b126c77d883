import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { unbind } from './letter.typography';

const require = createRequire(import.meta.url);

/**
 * The letters' typeface: Noto Sans (SIL Open Font License), regular and bold, from the installed
 * `@expo-google-fonts/noto-sans` package. It covers Latin Extended A/B and Vietnamese, so every
 * resident's name prints and extracts as written (ş, ı, İ, ğ, ł, ő, ư, ạ …), where the PDF
 * standard fonts (WinAnsi) have none of them. Registered from the file path: nothing is fetched.
 * react-pdf embeds only the glyphs a letter uses (a subset, about 10 kB a weight).
 *
 * Every letter a thread renders shares these fonts, and with them fontkit's glyph cache; a
 * subset's ToUnicode map (what a screen reader and copy-paste read) is written from the cached
 * glyphs' code points. fontkit kept the code points of whoever asked for a glyph first, and a
 * subset asks for a composite's components ("C" of "Ç") with none, so letters rendered after
 * one naming Ayşe Yıldız-Çelik read "ity of Rotterdam". patches/fontkit@2.0.4.patch gives each
 * caller its own code points (letter.sequence.test.ts).
 */
export const LETTER_FONT_FAMILY = 'Noto Sans';

export const LETTER_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

/**
 * Arabic script, for what residents write in it (a name, an initiative's title): Noto Sans
 * Arabic from `@expo-google-fonts/noto-sans-arabic`, same licence. Noto Sans has no Arabic, and
 * a letter used to leave such text out. react-pdf takes each character from the first family of
 * the stack that has it, shapes Arabic with the font's own tables and orders right-to-left runs
 * by Unicode's bidi algorithm. Embedded only in a letter that uses it.
 */
export const ARABIC_FONT_FAMILY = 'Noto Sans Arabic';

export const ARABIC_FONT_FILES = {
  regular: require.resolve(
    '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  ),
  bold: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
} as const;

/** The letters' families, in the order a character is looked for. */
export const LETTER_FONT_STACK = [LETTER_FONT_FAMILY, ARABIC_FONT_FAMILY];

/** The OpenType features the letters are set with (why: letter.pdf.tsx, styles.page). */
export const LETTER_FONT_FEATURES = { ccmp: 0 } as const;

/**
 * A character's width in em before the font is loaded: more than Noto Sans's average for the
 * characters of a URL (about 0.52 em), so a URL is rather set too small than past the margin.
 */
const UNLOADED_EM = 0.65;

/**
 * The width in points of a text set in the letter font at a font size, as react-pdf lays it out.
 * The font is loaded before a letter renders (renderLetterPdf and the print batch make its text
 * printable first: letter.glyphs); before that, a generous estimate.
 */
export function letterTextWidth(text: string, size: number, bold = false): number {
  registerLetterFonts();
  const font = Font.getFont({ fontFamily: LETTER_FONT_FAMILY, fontWeight: bold ? 700 : 400 })?.data;
  if (!font) return text.length * UNLOADED_EM * size;
  const { advanceWidth } = font.layout(text, { ...LETTER_FONT_FEATURES });
  return (advanceWidth / font.unitsPerEm) * size;
}

let registered = false;

/** Registers the letter font and the no-hyphenation rule once per thread (idempotent). */
export function registerLetterFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: LETTER_FONT_FAMILY,
    fonts: [
      { src: LETTER_FONT_FILES.regular, fontWeight: 400 },
      { src: LETTER_FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  Font.register({
    family: ARABIC_FONT_FAMILY,
    fonts: [
      { src: ARABIC_FONT_FILES.regular, fontWeight: 400 },
      { src: ARABIC_FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  // A letter is set ragged right and never hyphenates: react-pdf's built-in patterns are
  // English ("aanvra-gen"), and a name, a reference, an amount or a URL split over two lines
  // is read wrongly or cannot be copied. Lines break only at spaces (and never at a no-break
  // space, which keeps "€ 6.000,00" and an IBAN together). A word is returned whole, with
  // ordinary spaces for its no-break ones: one unbreakable word that reads as written.
  Font.registerHyphenationCallback((word) => [unbind(word)]);
}
