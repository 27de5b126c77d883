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
  /** Threads running now: none until the first letter, none again after a quiet spell. */
  readonly threads: number;
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
  /** Ended for being idle: its exit is no crash. */
  retired?: boolean;
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
 * How long a render thread may sit idle before it is ended. Each holds 60-80 MB (its own V8
 * heap, React, react-pdf, fonts); letters come in bursts after commands, so a server that is
 * not sending letters should not keep them.
 */
export const RENDER_IDLE_MS = 60_000;

/**
 * A pool of worker threads rendering letters to PDF, one render at a time per thread
 * (react-pdf's font handling has failed under concurrency within one thread); each thread holds
 * up to JOBS_PER_THREAD requests, which it renders in turn.
 */
export function createRenderPool(
  options: { size?: number; youngGenerationMb?: number; idleMs?: number } = {},
): RenderPool {
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const youngGenerationMb = options.youngGenerationMb ?? RENDER_YOUNG_GENERATION_MB;
  const idleMs = options.idleMs ?? RENDER_IDLE_MS;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let crashes = 0;
  let idleTimer: NodeJS.Timeout | null = null;

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
      if (slot.retired) return;
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

  /** Threads that rendered nothing for idleMs are ended; the next letter starts them again. */
  function retireWhenIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (closed || queue.length > 0 || slots.some((slot) => slot.jobs.length > 0)) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (queue.length > 0 || slots.some((slot) => slot.jobs.length > 0)) return;
      for (const slot of slots.splice(0)) {
        slot.retired = true;
        void slot.worker.terminate();
      }
    }, idleMs);
    idleTimer.unref();
  }

  function dispatch(): void {
    if (queue.length > 0) while (slots.length < size) slots.push(spawn());
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
    retireWhenIdle();
  }

  return {
    size,
    render(content) {
      if (closed) return Promise.reject(new Error('render pool is closed'));
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, content, resolve, reject });
        dispatch();
      });
    },
    get threads() {
      return slots.length;
    },
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const job of queue.splice(0)) job.reject(new Error('render pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
