/** @jsxRuntime automatic @jsxImportSource react */
import { Document, renderToBuffer } from '@react-pdf/renderer';
import { composed, LetterPage } from '../letters/letter.pdf';
import type { LetterContent } from '../letters/letter.types';

// react-pdf's font handling has failed under concurrent renders in one thread: one at a time.
let queue: Promise<unknown> = Promise.resolve();

/**
 * A day's print run as one PDF: every letter from its own first sheet, its address in the
 * envelope window, its pages numbered within the letter. Printed single-sided.
 */
export async function renderPrintBatchPdf(
  letters: LetterContent[],
  title: string,
): Promise<Uint8Array> {
  const run = queue.then(() =>
    renderToBuffer(
      <Document title={title} author="Gemeente Rotterdam" producer="initiatief" language="nl-NL">
        {letters.map((letter, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the batch's letters in posting order
          <LetterPage key={index} content={composed(letter)} />
        ))}
      </Document>,
    ),
  );
  queue = run.catch(() => undefined);
  return new Uint8Array(await run);
}
