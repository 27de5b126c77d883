/**
 * How fast the definition editor answers typing: a policy officer opens a new draft of the
 * newest (largest) shipped version of the resident initiatives' workflow and types N characters
 * without a pause into the English name, as `policy-editor-more.test.ts` does. Reported per
 * keystroke: the wall time of each key through Chromium (CDP waits until the page handled it),
 * the page's own time from `beforeinput` to after React's `input` handler (the synchronous
 * render), the time until the live check has caught up after the last key, and the same again
 * with the CPU slowed down 4x (a policy officer's slow laptop). A CPU profile of one run says
 * which functions took the time. Writes bench/results/editor-typing.json and prints a table.
 *
 *   cd packages/web && pnpm bench:editor   (vitest run --config bench/vitest.config.ts)
 *
 * BENCH_KEYS (default 40) and BENCH_RUNS (default 3; the median run is reported).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from '../test/policy-kit';
import type { TestServer } from '../test/server';

const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RESULTS = join(import.meta.dirname, 'results', 'editor-typing.json');
const OFFICER = { email: 'bench@example.org', name: 'Bo Bench' };
const TEXT = 'Resident initiative grant South, Feijenoord, Charlois, IJsselmonde'.slice(0, KEYS);

let server: TestServer;
let page: Page;
setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

/** Records, in the page, how long each input took from `beforeinput` to after React's handler. */
async function watchInputs(p: Page): Promise<void> {
  await p.evaluate(() => {
    const w = window as unknown as { __bench?: { start: number; inputs: number[] } };
    if (w.__bench) {
      w.__bench.inputs = [];
      return;
    }
    const bench = { start: 0, inputs: [] as number[] };
    w.__bench = bench;
    window.addEventListener('beforeinput', () => (bench.start = performance.now()), true);
    // Bubbling to the window comes after React's root listener and its synchronous render.
    window.addEventListener('input', () => bench.inputs.push(performance.now() - bench.start));
  });
}

interface Run {
  wallMsPerKey: number;
  wallP95: number;
  inputMsMedian: number;
  inputMsP95: number;
  settledMs: number;
}

/** Types TEXT into the English name, key by key, and waits until the check has caught up. */
async function typeOnce(p: Page): Promise<Run> {
  const general = p.locator('#def-section-general');
  const field = general.getByLabel('Naam (Engels)');
  await field.fill('');
  // An empty English name is the one problem until the typing is done.
  await expectNoProblems(p, '1 probleem gevonden.');
  await watchInputs(p);
  await field.focus();
  const walls: number[] = [];
  const started = performance.now();
  for (const ch of TEXT) {
    const t0 = performance.now();
    await p.keyboard.press(ch === ' ' ? 'Space' : ch);
    walls.push(performance.now() - t0);
  }
  const typed = performance.now();
  await expect.poll(() => field.inputValue()).toBe(TEXT);
  // The check follows a step behind (useDeferredValue); done when it says so again.
  await expectNoProblems(p);
  await expect
    .poll(async () => JSON.parse(await p.locator('#def-json').inputValue()).title.en)
    .toBe(TEXT);
  const settled = performance.now();
  const inputs = await p.evaluate(
    () => (window as unknown as { __bench: { inputs: number[] } }).__bench.inputs,
  );
  expect(inputs.length).toBe(TEXT.length);
  return {
    wallMsPerKey: round((typed - started) / TEXT.length),
    wallP95: round(p95(walls)),
    inputMsMedian: round(median(inputs)),
    inputMsP95: round(p95(inputs)),
    settledMs: round(settled - typed),
  };
}

async function series(p: Page): Promise<Run & { runs: Run[] }> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await typeOnce(p));
  const mid = [...runs].sort((a, b) => a.wallMsPerKey - b.wallMsPerKey)[Math.floor(RUNS / 2)]!;
  return { ...mid, runs };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function over one typing run, the 20 largest, as shares of the sampled time. */
async function profileOnce(cdp: CDPSession, p: Page) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await typeOnce(p);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byNode.get(id)!;
    const { functionName, url } = n.callFrame;
    if (functionName === '(idle)') return;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([name, us]) => ({ name, ms: round(us / 1000), share: `${round((us / total) * 100)} %` }));
}

it(`types ${KEYS} characters into the editor of the largest shipped definition`, async () => {
  await openNewDraft(page, server, OFFICER.email);
  await expectNoProblems(page);
  await page.locator('summary', { hasText: 'Naam, omschrijving, kenmerk en afzender' }).click();
  const size = (await page.locator('#def-json').inputValue()).length;
  // A first run warms the JIT; it is not counted.
  await typeOnce(page);
  const normal = await series(page);
  const cdp = await page.context().newCDPSession(page);
  const profile = await profileOnce(cdp, page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const slow = await series(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const result = {
    takenAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map(round) },
    keys: TEXT.length,
    definitionChars: size,
    normal,
    cpu4xSlower: slow,
    profileSelfTime: profile,
  };
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.table({
    normal: { ...normal, runs: undefined },
    '4x slower CPU': { ...slow, runs: undefined },
  });
  console.table(profile);
});
