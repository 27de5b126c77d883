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
  /** Jobs posted to this thread, oldest first; the thread renders them one at a time. */
  jobs: Job[];
}

/**
 * Jobs posted to a thread ahead of the one it renders: while the main thread receives one
 * letter, the render thread already works on the next, so it never waits for the main thread
 * to be scheduled (on two busy cores that wait cost about 4 % of the threads' time).
 */
const JOBS_PER_THREAD = 2;

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
 * (react-pdf's font handling has failed under concurrency within one thread); each thread holds
 * up to JOBS_PER_THREAD requests, which it renders in turn.
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
      jobs: [],
    };
    slot.worker.unref();
    slot.worker.on('message', (response: RenderResponse) => {
      // The thread answers in the order it was asked.
      const job = slot.jobs[0]?.id === response.id ? slot.jobs.shift() : undefined;
      crashes = 0;
      if (job) {
        if (response.ok) job.resolve(response.pdf);
        else job.reject(new Error(`letter render failed: ${response.error}`));
      }
      dispatch();
    });
    slot.worker.on('error', (error) => {
      for (const job of slot.jobs.splice(0)) job.reject(error);
    });
    slot.worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      for (const job of slot.jobs.splice(0)) {
        job.reject(new Error(`render worker exited with code ${code}`));
      }
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
    // Fill the emptiest thread first, so a short queue spreads over all threads.
    for (let depth = 0; depth < JOBS_PER_THREAD && queue.length > 0; depth++) {
      for (const slot of slots) {
        if (slot.jobs.length > depth) continue;
        const job = queue.shift();
        if (!job) break;
        slot.jobs.push(job);
        slot.worker.ref();
        const request: RenderRequest = { id: job.id, content: job.content };
        slot.worker.postMessage(request);
      }
    }
    // Idle workers must not keep the process alive.
    for (const slot of slots) if (slot.jobs.length === 0) slot.worker.unref();
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
