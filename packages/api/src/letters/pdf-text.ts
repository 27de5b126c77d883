import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
}

/**
 * The text of a PDF, read back with PDF.js (tests and tools): one line per baseline, pages in
 * order. Pure JavaScript, so reading a letter back needs nothing beyond `pnpm install`.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given; hand it a copy.
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        items.push({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
        });
      }
      pages.push(toLines(items).join('\n'));
    }
    return pages.join('\n\f\n');
  } finally {
    await doc.destroy();
  }
}

/** Groups text runs by baseline (top to bottom) and joins each line left to right. */
function toLines(items: PositionedText[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) < 2) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of line) {
      const gap = run.x - end;
      if (text !== '' && gap > 1 && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' ';
      text += run.str;
      end = run.x + run.width;
    }
    return text;
  });
}
