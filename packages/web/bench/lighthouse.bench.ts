/**
 * Lighthouse (mobile profile: simulated slow 4G and a 4x slower CPU) on the pages a resident
 * sees first, against `pnpm start` on the embedded database with the demo data, in Debian's
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Goal: performance >= 95 on each page,
 * and at most 150 kB of gzipped JavaScript on the resident's first page.
 * Writes bench/results/lighthouse.json and prints a table.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
// Lighthouse's own choice of the run nearest the median first paint and time to interactive.
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { ROOT, start, stop } from '../../api/bench/pnpm-start';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'lighthouse.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Five runs a page: Lighthouse's variability guide says the median of five halves the spread of
// one run, and on this two-core machine blocking time moves 70 to 380 ms between runs.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// A run whose trace Lighthouse could not read (NO_NAVSTART and the like) says nothing about the
// page: it is recorded as failed and run again, at most this many times a page, never scored 0.
const RETRIES = 3;
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email, password: 'demo-password-2026' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** A draft to open in the form, and a submitted application to open as a page. */
async function pages(url: string, cookie: string): Promise<Record<string, string>> {
  const get = async (path: string) =>
    (await fetch(`${url}${path}`, { headers: { Cookie: cookie } })).json();
  const { items } = (await get('/api/applications')) as { items: { id: string }[] };
  let draft: string | undefined;
  let other: string | undefined;
  for (const { id } of items) {
    const detail = (await get(`/api/applications/${id}`)) as { editable: boolean };
    if (detail.editable) draft ??= id;
    else other ??= id;
  }
  if (!draft || !other) throw new Error('the demo data has no draft and no submitted application');
  return {
    login: '/inloggen',
    myApplications: '/aanvragen',
    // The address the app links a draft to ("Verder invullen"), which opens its first step.
    form: `/aanvragen/${draft}/bewerken`,
    application: `/aanvragen/${other}`,
  };
}

/** The JavaScript a page loaded (from Lighthouse's network records), gzipped, in kB. */
function scriptsGzipKb(lhr: { audits: Record<string, { details?: unknown }> }, dist: string) {
  const { items } = lhr.audits['network-requests']!.details as {
    items: { url: string; resourceType?: string; transferSize?: number }[];
  };
  const scripts = items.filter((i) => i.resourceType === 'Script');
  let gzip = 0;
  let transfer = 0;
  for (const script of scripts) {
    const name = new URL(script.url).pathname.replace(/^\/assets\//, '');
    gzip += gzipSync(readFileSync(join(dist, 'assets', name))).length;
    transfer += script.transferSize ?? 0;
  }
  return { files: scripts.length, gzipKb: round(gzip / 1000), transferKb: round(transfer / 1000) };
}

type LighthouseResult = Parameters<typeof computeMedianRun>[0][number];

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'initiatief-lh-data-'));
  const webDist = mkdtempSync(join(tmpdir(), 'initiatief-lh-web-'));
  const server = await start({ DATA_DIR: dataDir, WEB_DIST: webDist, SEED_DEMO: 'true' });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const cookie = await login(server.url, 'resident@example.org');
    const targets = await pages(server.url, cookie);
    const rows: Record<string, unknown> = {};
    // BENCH_PAGES=form,application measures only those pages (the results file then holds them only).
    const only = process.env.BENCH_PAGES?.split(',');
    for (const [name, path] of Object.entries(targets)) {
      if (only && !only.includes(name)) continue;
      const scores: number[] = [];
      let scripts: ReturnType<typeof scriptsGzipKb> | null = null;
      const runs: Record<string, number | string>[] = [];
      const lhrs: LighthouseResult[] = [];
      const failed: string[] = [];
      for (let i = 0; scores.length < RUNS; i++) {
        const result = await lighthouse(`${server.url}${path}`, {
          port: chrome.port,
          onlyCategories: ['performance'],
          logLevel: 'error',
          output: 'json',
          ...(name === 'login' ? {} : { extraHeaders: { Cookie: cookie } }),
        });
        const lhr = result!.lhr;
        if (lhr.runtimeError) {
          failed.push(lhr.runtimeError.code);
          console.log(`${name}: run ${i + 1} failed (${lhr.runtimeError.code}), run again`);
          if (failed.length > RETRIES) throw new Error(`${name}: ${failed.length} runs failed`);
          continue;
        }
        lhrs.push(lhr);
        // BENCH_REPORTS=dir keeps every run's full report, to read its diagnostics afterwards.
        if (process.env.BENCH_REPORTS) {
          mkdirSync(process.env.BENCH_REPORTS, { recursive: true });
          writeFileSync(
            join(process.env.BENCH_REPORTS, `${name}-${i + 1}.json`),
            result!.report as string,
          );
        }
        const score = Math.round((lhr.categories.performance!.score ?? 0) * 100);
        scripts ??= scriptsGzipKb(lhr, webDist);
        scores.push(score);
        runs.push({
          score,
          fcp: lhr.audits['first-contentful-paint']!.displayValue ?? '',
          lcp: lhr.audits['largest-contentful-paint']!.displayValue ?? '',
          tbt: lhr.audits['total-blocking-time']!.displayValue ?? '',
          cls: lhr.audits['cumulative-layout-shift']!.displayValue ?? '',
          finalUrl: lhr.finalDisplayedUrl,
        });
      }
      const representative = computeMedianRun(lhrs);
      rows[name] = {
        path,
        median: median(scores),
        // The score of the run Lighthouse picks as representative (median FCP and TTI).
        medianRun: Math.round((representative.categories.performance!.score ?? 0) * 100),
        scripts,
        runs,
        failedRuns: failed,
      };
      console.log(
        `${name.padEnd(16)} ${path.padEnd(60)} ${scores.join(' ')}`,
        failed.length ? `(failed: ${failed.join(', ')})` : '',
        scripts,
      );
    }
    // A resident's first page: the login page (sign in comes first).
    const firstJs =
      (rows.login as { scripts: { gzipKb: number } } | undefined)?.scripts.gzipKb ?? 0;
    const assets = readdirSync(join(webDist, 'assets')).filter((f) => f.endsWith('.css'));
    const results = {
      measuredAt: new Date().toISOString(),
      lighthouse: '12.8.2, mobile profile (simulated throttling)',
      chromium: CHROMIUM,
      runsPerPage: RUNS,
      firstPageJsGzipKb: firstJs,
      stylesheets: assets,
      pages: rows,
      goals: {
        firstPageJs: { goal: '<= 150 kB gzip', value: firstJs, met: firstJs <= 150 },
        ...Object.fromEntries(
          Object.entries(rows).map(([name, row]) => {
            const value = (row as { median: number }).median;
            return [`performance.${name}`, { goal: '>= 95 (median)', value, met: value >= 95 }];
          }),
        ),
      },
    };
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log('Goals:', JSON.stringify(results.goals));
    console.log(`Written to ${RESULTS} (from ${ROOT})`);
  } finally {
    await chrome.kill();
    await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
