import { parentPort } from 'node:worker_threads';
import { renderLetterPdf } from './letter.pdf';
import type { RenderRequest, RenderResponse } from './render.pool';

// One render at a time per thread: the pool may post the next request while this one renders
// (so the thread never waits for the main thread), and requests wait here in order.
const waiting: RenderRequest[] = [];
let busy = false;

parentPort?.on('message', (request: RenderRequest) => {
  waiting.push(request);
  if (!busy) void drain();
});

async function drain(): Promise<void> {
  busy = true;
  for (let request = waiting.shift(); request; request = waiting.shift()) {
    await render(request);
    await yieldToEventLoop();
  }
  busy = false;
}

/**
 * react-pdf leaves each document's React root in the reconciler's schedule, which React's
 * scheduler clears from a setImmediate task. Letters rendered back to back from promises alone
 * never let that task run: the roots pile up (about 40 KB a letter, 100 MB after 1,500 letters)
 * and make every garbage collection slower. One turn of the event loop per letter lets it run.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function render(request: RenderRequest): Promise<void> {
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
}
