// The bare react-pdf render of the letters benchmark, in a worker thread started with the same
// resource limits as the project's render threads: an informational baseline that separates
// what the thread's settings give from what the pool itself costs or gains.
import { parentPort } from 'node:worker_threads';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { sampleLetter } from '../src/letters/letter.fixture';
import { LetterDocument } from '../src/letters/letter.pdf';

const content = sampleLetter();
parentPort?.on('message', async (id: number) => {
  const pdf = await renderToBuffer(createElement(LetterDocument, { content }) as never);
  parentPort?.postMessage({ id, bytes: pdf.byteLength });
});
