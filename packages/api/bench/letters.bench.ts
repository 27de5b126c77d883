/**
 * Letters per second: a bare react-pdf renderToBuffer of the letter, the project's renderer in
 * one thread, and the project's render pool with worker threads, all in the same run.
 * Goal: pool >= 0.9 x bare x threads.   Run: pnpm --filter @initiatief/api exec tsx bench/letters.bench.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { sampleLetter } from '../src/letters/letter.fixture';
import { LetterDocument, renderLetterPdf } from '../src/letters/letter.pdf';
import { createRenderPool, RENDER_YOUNG_GENERATION_MB } from '../src/letters/render.pool';
import { startTsWorker } from '../src/letters/ts-worker';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 16);
const THREADS = Number(process.env.BENCH_THREADS ?? availableParallelism());
const content = sampleLetter();

const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 100);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 2);

interface Run {
  letters: number;
  seconds: number;
  /** CPU seconds of the whole process (all threads, V8's helper threads included). */
  cpuSeconds: number;
}
const empty = (): Run => ({ letters: 0, seconds: 0, cpuSeconds: 0 });
const add = (total: Run, run: Run) => {
  total.letters += run.letters;
  total.seconds += run.seconds;
  total.cpuSeconds += run.cpuSeconds;
};
const rate = (run: Run) => ({
  letters: run.letters,
  seconds: Number(run.seconds.toFixed(2)),
  perSecond: Number((run.letters / run.seconds).toFixed(1)),
  coresBusy: Number((run.cpuSeconds / run.seconds).toFixed(2)),
  cpuMsPerLetter: Number(((run.cpuSeconds * 1000) / run.letters).toFixed(2)),
});

/** Runs `once` back to back (or `concurrency` at a time) for `seconds`. */
async function measure(
  once: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<Run> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await once();
        done++;
        // One event-loop turn per letter for every variant: React's scheduler releases
        // react-pdf's finished roots from a setImmediate task (see render.worker.ts).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { letters: done, seconds: elapsed, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function main() {
  const bareOnce = () => renderToBuffer(createElement(LetterDocument, { content }) as never);
  // The same letter in the PDF standard Helvetica (not embedded, no ş or ı): what the letters
  // cost before they embedded Noto Sans, to measure the price of the embedded font.
  const helveticaOnce = () =>
    renderToBuffer(createElement(LetterDocument, { content, fontFamily: 'Helvetica' }) as never);
  const rendererOnce = async () => {
    const pdf = await renderLetterPdf(content);
    return createHash('sha256').update(pdf).digest('hex');
  };
  // Warm up the JIT and react-pdf's font metrics: every thread that renders gets the same
  // WARM_UP letters before any measurement (this one, the single pool thread, each pool thread).
  for (let i = 0; i < WARM_UP; i++) await bareOnce();
  for (let i = 0; i < WARM_UP; i++) await helveticaOnce();
  for (let i = 0; i < 5; i++) await rendererOnce();

  const one = createRenderPool({ size: 1 });
  const oneOnce = async () => {
    const pdf = await one.render(content);
    return createHash('sha256').update(pdf).digest('hex');
  };
  await Promise.all(Array.from({ length: WARM_UP }, oneOnce));
  // Informational: bare react-pdf in one worker thread with the render threads' settings.
  const bareWorker = startTsWorker(new URL('./bare-render.worker.ts', import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: RENDER_YOUNG_GENERATION_MB },
  });
  let bareWorkerNext = 0;
  const bareWorkerOnce = () =>
    new Promise<void>((resolve) => {
      const id = ++bareWorkerNext;
      const onMessage = (answer: { id: number }) => {
        if (answer.id !== id) return;
        bareWorker.off('message', onMessage);
        resolve();
      };
      bareWorker.on('message', onMessage);
      bareWorker.postMessage(id);
    });
  for (let i = 0; i < WARM_UP; i++) await bareWorkerOnce();

  const pool = createRenderPool({ size: THREADS });
  const pooledOnce = async () => {
    const pdf = await pool.render(content);
    return createHash('sha256').update(pdf).digest('hex');
  };
  // Warm up every thread (each has its own JIT and react-pdf state).
  await Promise.all(Array.from({ length: THREADS * WARM_UP }, pooledOnce));

  // Interleave short slices of the three variants so that a load change on a shared machine
  // hits all of them alike, instead of whichever happened to run at that moment.
  const slices = Math.max(1, Math.round(SECONDS / SLICE_SECONDS));
  const totals = {
    bare: empty(),
    helvetica: empty(),
    bareWorker: empty(),
    single: empty(),
    oneThread: empty(),
    threads: empty(),
  };
  for (let i = 0; i < slices; i++) {
    add(totals.bare, await measure(bareOnce, 1, SLICE_SECONDS));
    add(totals.helvetica, await measure(helveticaOnce, 1, SLICE_SECONDS));
    add(totals.bareWorker, await measure(bareWorkerOnce, 1, SLICE_SECONDS));
    add(totals.single, await measure(rendererOnce, 1, SLICE_SECONDS));
    add(totals.oneThread, await measure(oneOnce, 2, SLICE_SECONDS));
    // Two requests per thread keep each busy while its next one is posted.
    add(totals.threads, await measure(pooledOnce, THREADS * 2, SLICE_SECONDS));
  }
  await pool.close();
  await one.close();
  await bareWorker.terminate();
  const bareWorkerRate = rate(totals.bareWorker);
  const oneThread = rate(totals.oneThread);
  const bare = rate(totals.bare);
  const helvetica = rate(totals.helvetica);
  const single = rate(totals.single);
  const threads = rate(totals.threads);

  const bareRate = bare.perSecond;
  const goal = Number((0.9 * bareRate * THREADS).toFixed(1));
  const result = {
    benchmark: 'letters',
    at: new Date().toISOString(),
    node: process.version,
    nodeEnv: process.env.NODE_ENV ?? 'unset',
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    threads: THREADS,
    pdfBytes: (await renderLetterPdf(content)).byteLength,
    pdfBytesHelvetica: (await helveticaOnce()).byteLength,
    slices,
    secondsPerSlice: SLICE_SECONDS,
    bare,
    bareStandardHelvetica: helvetica,
    embeddedFontCost: {
      cpuMsPerLetter: Number((bare.cpuMsPerLetter - helvetica.cpuMsPerLetter).toFixed(2)),
      ratioOfRates: Number((bare.perSecond / helvetica.perSecond).toFixed(3)),
    },
    bareInWorkerThread: bareWorkerRate,
    rendererSingleThread: single,
    rendererOneWorkerThread: oneThread,
    rendererWorkerThreads: threads,
    ratioSingleToBare: Number((single.perSecond / bareRate).toFixed(3)),
    ratioThreadsToBare: Number((threads.perSecond / bareRate).toFixed(3)),
    ratioThreadsToBareInWorker: Number((threads.perSecond / bareWorkerRate.perSecond).toFixed(3)),
    warmUpLettersPerThread: WARM_UP,
    goal: { rule: '0.9 x bare x threads', perSecond: goal, met: threads.perSecond >= goal },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/letters.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );

  console.log(
    `\nletters/second (${SECONDS} s per variant in ${slices} interleaved slices, ${THREADS} threads, ${result.cores} cores)`,
  );
  console.table({
    'bare react-pdf renderToBuffer': {
      'letters/s': result.bare.perSecond,
      letters: bare.letters,
      'cores busy': bare.coresBusy,
      'CPU ms/letter': bare.cpuMsPerLetter,
    },
    'bare, PDF standard Helvetica (no embedded font)': {
      'letters/s': helvetica.perSecond,
      letters: helvetica.letters,
      'cores busy': helvetica.coresBusy,
      'CPU ms/letter': helvetica.cpuMsPerLetter,
    },
    [`bare, one worker thread (${RENDER_YOUNG_GENERATION_MB} MB young gen.)`]: {
      'letters/s': bareWorkerRate.perSecond,
      letters: bareWorkerRate.letters,
      'cores busy': bareWorkerRate.coresBusy,
      'CPU ms/letter': bareWorkerRate.cpuMsPerLetter,
    },
    'renderer, in this thread': {
      'letters/s': single.perSecond,
      letters: single.letters,
      'cores busy': single.coresBusy,
      'CPU ms/letter': single.cpuMsPerLetter,
    },
    'renderer, pool of 1 worker thread': {
      'letters/s': oneThread.perSecond,
      letters: oneThread.letters,
      'cores busy': oneThread.coresBusy,
      'CPU ms/letter': oneThread.cpuMsPerLetter,
    },
    [`renderer, ${THREADS} worker threads`]: {
      'letters/s': threads.perSecond,
      letters: threads.letters,
      'cores busy': threads.coresBusy,
      'CPU ms/letter': threads.cpuMsPerLetter,
    },
    [`goal 0.9 x bare x ${THREADS}`]: {
      'letters/s': goal,
      letters: result.goal.met ? 'met' : 'NOT met',
    },
  });
}

await main();
