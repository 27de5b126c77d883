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
 * Binds the euro sign to its amount with a no-break space ("€ 6.000,00" never splits over two
 * lines): react-pdf breaks lines only at ordinary spaces.
 */
export function keepTogether(text: string): string {
  return text.replace(/€ (?=[\d-])/g, `€${NBSP}`);
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
