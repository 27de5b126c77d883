/** Typesetting rules of the PDF letter that are plain text work (tested without rendering). */

const NBSP = '\u00a0';

/** An http(s) URL in running text, without the sentence punctuation that may follow it. */
export const URL_PATTERN = /https?:\/\/[^\s<]+[^\s<.,;:!?)]/g;

/**
 * The document title: the subject, with the reference added only when the subject does not
 * already name it (the shipped subjects often end in "(BI-2026-000005)").
 */
export function pdfTitle(subject: string, reference: string): string {
  return subject.includes(reference) ? subject : `${subject} (${reference})`;
}

/**
 * An IBAN as a letter prints it: country, check digits, then groups of four, the last one
 * shorter ("NL91 ABNA 0417 1643 00"; 15 to 34 characters).
 */
export const IBAN_PATTERN =
  /\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/**
 * Keeps together what a reader must read or type in one piece; react-pdf breaks lines only at
 * ordinary spaces. The spaces inside become no-break spaces here, so react-pdf takes the whole
 * for one word, and `unbind` (the hyphenation callback, letter.fonts.ts) gives that word its
 * ordinary spaces back before any glyph is set: it stays on one line, and the PDF's text reads
 * it with ordinary spaces.
 *
 * - The euro sign and its amount ("€ 6.000,00" never splits).
 * - An IBAN ("NL91 ABNA 0417 1643 00").
 */
export function keepTogether(text: string): string {
  return text
    .replace(/€ (?=[\d-])/g, `€${NBSP}`)
    .replace(IBAN_PATTERN, (iban) => iban.replaceAll(' ', NBSP));
}

/**
 * A word as react-pdf lays it out, with ordinary spaces for its no-break ones (keepTogether's,
 * or one a text was written with). The hyphenation callback returns this as the word's one
 * part: react-pdf (textkit 7, wrapWords) has split the text into words at ordinary spaces
 * already and builds the line's text from the parts, so the spaces print and extract as spaces
 * but offer no line break. No no-break space reaches the PDF: its font's text map keeps the
 * character that first used the space glyph, so one would have made every space of a letter
 * read back as U+00A0.
 */
export function unbind(word: string): string {
  return word.includes(NBSP) ? word.replaceAll(NBSP, ' ') : word;
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'url'; text: string };

/** Splits running text into plain parts and URLs, so each URL can become one clickable link. */
export function segmentsOf(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    segments.push({ kind: 'url', text: match[0] });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/** Where a URL is set: its text's font size (and weight) and the width of a line, in points. */
export interface UrlLine {
  size: number;
  width: number;
  bold?: boolean;
}

/** The width in points of a text at a font size, as the letter font sets it. */
export type TextWidth = (text: string, size: number, bold?: boolean) => number;

/**
 * What a line keeps of its width unused when a URL is fitted to it: room for the difference
 * between this measure and react-pdf's own (rounding, kerning).
 */
const URL_SLACK = 0.01;

/**
 * The characters printed against a URL with no space between, which react-pdf lays out as part
 * of the same word: "(" or a quote before it, ")." or "," after it.
 */
export function adjoining(segments: TextSegment[], at: number): string {
  const before = segments[at - 1]?.kind === 'text' ? segments[at - 1]!.text : '';
  const after = segments[at + 1]?.kind === 'text' ? segments[at + 1]!.text : '';
  return (/[^ \n]*$/.exec(before)?.[0] ?? '') + (/^[^ \n]*/.exec(after)?.[0] ?? '');
}

/**
 * The font size a URL prints at, so it never leaves a line incomplete. A URL is one word that
 * must be typed exactly as printed: the hyphenation callback (letter.fonts.ts) keeps it whole,
 * and the paragraph never breaks where runs meet (`NO_BREAK_BETWEEN_RUNS`). A URL with what
 * adjoins it that is wider than the line still ran past the margin and off the paper, and
 * react-pdf then broke it from its comma with a "-" it added ("…/0b1d2e3f4a5b-"): such a URL is
 * set a little smaller, to fill one line of its own (a host such as
 * bewonersinitiatief.acceptatie.rotterdam.nl with an application's id takes about 9.5 pt of the
 * 10.5 pt text). One that fits keeps the text's size.
 */
export function urlFontSize(
  url: string,
  adjoins: string,
  line: UrlLine,
  widthOf: TextWidth,
): number {
  const room = line.width * (1 - URL_SLACK) - widthOf(adjoins, line.size, line.bold);
  const width = widthOf(url, line.size, line.bold);
  if (width <= room) return line.size;
  return Math.floor(((line.size * room) / width) * 20) / 20;
}

/**
 * react-pdf offers a line break where two runs of a word meet (a URL, which is a link, and the
 * "," after it; a name in another font) and prints a "-" there: a penalty this high takes that
 * break away (the line breaker never breaks at a penalty of 10000, "infinity").
 */
export const NO_BREAK_BETWEEN_RUNS = 10_000;
