import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LetterContent } from './letter.types';
import { startTsWorker } from './ts-worker';

export interface RenderRequest {
  id: number;
  content: LetterContent;
}
export type RenderResponse =
  | { id: number; ok: true; pdf: Uint8Array }
  | { id: number; ok: false; error: string };

export interface RenderPool {
  readonly size: number;
  render(content: LetterContent): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  content: LetterContent;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * The young generation of each render thread. A letter allocates about 10 MB of short-lived
 * objects (react-pdf's tree, yoga nodes, text runs); with a small young generation most of it
 * is scavenged and copied several times per letter. Measured with bench/letters.bench.ts on
 * 2 cores, 2 threads: 8 MB -> 18 ms CPU per letter, 24 MB -> 16.6 ms, 64 MB -> 12.4 ms,
 * 128 MB -> 13.7 ms.
 */
export const RENDER_YOUNG_GENERATION_MB = 64;

/**
 * A pool of worker threads rendering letters to PDF, one render at a time per thread
 * (react-pdf's font handling has failed under concurrency within one thread).
 */
export function createRenderPool(
  options: { size?: number; youngGenerationMb?: number } = {},
): RenderPool {
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const youngGenerationMb = options.youngGenerationMb ?? RENDER_YOUNG_GENERATION_MB;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let crashes = 0;

  function spawn(): Slot {
    const slot: Slot = {
      worker: startTsWorker(new URL('./render.worker.ts', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
      }),
      job: null,
    };
    slot.worker.unref();
    slot.worker.on('message', (response: RenderResponse) => {
      const job = slot.job;
      slot.job = null;
      crashes = 0;
      if (job && job.id === response.id) {
        if (response.ok) job.resolve(response.pdf);
        else job.reject(new Error(`letter render failed: ${response.error}`));
      }
      dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.job?.reject(error);
      slot.job = null;
    });
    slot.worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      slot.job?.reject(new Error(`render worker exited with code ${code}`));
      slot.job = null;
      if (!closed && code !== 0) crashes++;
      if (!closed && crashes > 5) {
        // A worker that cannot start will not start on the next try either.
        for (const job of queue.splice(0)) job.reject(new Error('render workers keep crashing'));
        return;
      }
      if (!closed) {
        slots.push(spawn());
        dispatch();
      }
    });
    return slot;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      const request: RenderRequest = { id: job.id, content: job.content };
      slot.worker.postMessage(request);
    }
    // Idle workers must not keep the process alive.
    for (const slot of slots) if (!slot.job) slot.worker.unref();
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    render(content) {
      if (closed) return Promise.reject(new Error('render pool is closed'));
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, content, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('render pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
