import { Font } from '@react-pdf/renderer';
import { LETTER_FONT_STACK, registerLetterFonts } from './letter.fonts';

/** Does the letter font draw this code point (regular and bold alike)? */
export type Coverage = (codePoint: number) => boolean;

/**
 * Invisible parts of an emoji sequence: zero-width joiner, variation selectors (U+FE0F asks
 * for the emoji picture), the combining keycap and tag characters (flags of regions). They mean
 * nothing in a printed letter, and a font that has a glyph for one draws a box or nothing.
 */
function emojiPart(cp: number): boolean {
  return (
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x20e3 ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

/**
 * The text as the letter font can print it. A character the embedded font has no glyph for
 * (an emoji such as 🎉, a pictograph) is left out with its joiners and variation selectors,
 * and the space it leaves is not doubled: "Buurtfeest Tarwewijk 🎉 – Ayşe’s idee" prints
 * "Buurtfeest Tarwewijk – Ayşe’s idee". Without this react-pdf draws the font's notdef glyph
 * over the next letters and the PDF's text reads back as junk ("‹‰"). Every letter the font
 * has (ş, ı, Ç, Ö, ị, €, ‘’ “”, – —) stays; line breaks and no-break spaces stay.
 */
export function printableText(text: string, covered: Coverage): string {
  let out = '';
  let gap = false;
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    const whitespace = /\s/u.test(ch);
    if (!whitespace && (emojiPart(cp) || !covered(cp))) {
      gap = true;
      continue;
    }
    if (gap && ch === ' ' && (out === '' || /\s$/u.test(out))) continue;
    // "Team 🎉!" prints "Team!", not "Team !"; "Feest 🎉\n" leaves no space at the line end.
    if (gap && /[\n.,;:!?)\]”’»]/u.test(ch) && out.endsWith(' ')) out = out.slice(0, -1);
    gap = false;
    out += ch;
  }
  return gap && out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** Every string of a value (a letter's content) as printableText makes it. */
export function printableValue<T>(value: T, covered: Coverage): T {
  if (typeof value === 'string') return printableText(value, covered) as T;
  if (Array.isArray(value)) return value.map((item) => printableValue(item, covered)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, printableValue(item, covered)]),
    ) as T;
  }
  return value;
}

let coverage: Promise<Coverage> | null = null;

/**
 * What the registered letter fonts cover, read from the font files themselves (fontkit, which
 * react-pdf loads them with): a code point counts when one family of the stack has a glyph for
 * it in both weights (react-pdf takes each character from the first family that has it).
 */
export function letterFontCoverage(): Promise<Coverage> {
  registerLetterFonts();
  coverage ??= (async () => {
    const families = await Promise.all(
      LETTER_FONT_STACK.map(async (fontFamily) => {
        const weights = [400, 700].map((fontWeight) => Font.getFont({ fontFamily, fontWeight }));
        await Promise.all(weights.map((source) => source.load()));
        return weights.map((source) => {
          if (!source.data) throw new Error(`letter font ${source.src} did not load`);
          return source.data;
        });
      }),
    );
    const known = new Map<number, boolean>();
    return (cp: number) => {
      let has = known.get(cp);
      if (has === undefined) {
        has = families.some((fonts) => fonts.every((font) => font.hasGlyphForCodePoint(cp)));
        known.set(cp, has);
      }
      return has;
    };
  })();
  coverage.catch(() => {
    coverage = null;
  });
  return coverage;
}

/** A letter's content with every text printable in the letter font (see printableText). */
export async function printable<T>(content: T): Promise<T> {
  return printableValue(content, await letterFontCoverage());
}
