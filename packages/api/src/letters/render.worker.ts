import { parentPort } from 'node:worker_threads';
import { renderLetterPdf } from './letter.pdf';
import type { RenderRequest, RenderResponse } from './render.pool';

// One render at a time per thread: the pool sends the next request only after the answer.
parentPort?.on('message', async (request: RenderRequest) => {
  try {
    const pdf = await renderLetterPdf(request.content);
    // Copy into a standalone ArrayBuffer so it can be transferred without cloning.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    const response: RenderResponse = { id: request.id, ok: true, pdf: bytes };
    parentPort?.postMessage(response, [bytes.buffer]);
  } catch (error) {
    const response: RenderResponse = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
    parentPort?.postMessage(response);
  }
});
