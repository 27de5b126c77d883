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
