/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Page, renderToBuffer } from '@react-pdf/renderer';
import { Fragment } from 'react';
import { printable } from '../letters/letter.glyphs';
import { LetterDocument, LetterPage } from '../letters/letter.pdf';
import type { LetterContent } from '../letters/letter.types';

// react-pdf's font handling has failed under concurrent renders in one thread: one at a time.
let queue: Promise<unknown> = Promise.resolve();

function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** The number of pages of a PDF that react-pdf (pdfkit) wrote: its page tree's /Count. */
export function pageCountOf(pdf: Uint8Array): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(pdf).toString('latin1'));
  if (!match) throw new Error('no page tree in the PDF');
  return Number(match[1]);
}

/**
 * A day's print run as one PDF, to print double-sided: every letter from its own first sheet,
 * its address in the envelope window, its pages numbered within the letter. A letter with an
 * odd number of pages is followed by a blank page, so the next resident's letter never starts
 * on the back of it (two residents on one sheet would show one the other's letter). How many
 * pages a letter takes is known only after layout: each letter is laid out on its own first.
 */
export async function renderPrintBatchPdf(
  letters: LetterContent[],
  title: string,
): Promise<Uint8Array> {
  return serially(async () => {
    const contents = await Promise.all(letters.map((letter) => printable(letter)));
    const pages: number[] = [];
    for (const content of contents) {
      pages.push(pageCountOf(await renderToBuffer(<LetterDocument content={content} />)));
    }
    const pdf = await renderToBuffer(
      <Document title={title} author="Gemeente Rotterdam" producer="initiatief" language="nl-NL">
        {contents.map((content, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the batch's letters in posting order
          <Fragment key={index}>
            <LetterPage content={content} />
            {pages[index]! % 2 === 1 && index < contents.length - 1 ? <Page size="A4" /> : null}
          </Fragment>
        ))}
      </Document>,
    );
    return new Uint8Array(pdf);
  });
}
