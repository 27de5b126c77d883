import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';
import { sampleLetter } from './letter.fixture';
import { pdfText } from './pdf-text';
import type { RenderRequest, RenderResponse } from './render.pool';
import { startTsWorker } from './ts-worker';

// `pnpm start` runs the server compiled by scripts/build-server.mjs. Its render threads must find
// their compiled entry beside the bundle and render letters from there, with the fonts and
// react-pdf loaded from node_modules as under tsx.
const BUILD = join(REPO_ROOT, 'scripts/build-server.mjs');

/** Runs the build as `pnpm start` does, into `dist`; resolves with its exit code and output. */
function runBuild(
  dist: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILD], { env: { ...process.env, SERVER_DIST: dist } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the compiled server (scripts/build-server.mjs)', () => {
  let dist: string;
  let build: string;

  beforeAll(async () => {
    const outputs = join(REPO_ROOT, 'packages/api/test-output');
    mkdirSync(outputs, { recursive: true });
    dist = mkdtempSync(join(outputs, 'compiled-'));
    // Two processes starting at once on changed sources (pnpm start beside pnpm worker).
    const [first, second] = await Promise.all([runBuild(dist), runBuild(dist)]);
    for (const run of [first, second]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const builds = readdirSync(dist);
    expect(builds).toHaveLength(1);
    build = join(dist, builds[0]!);
  }, 60_000);

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('writes the processes and the render thread as entries side by side, in one folder', () => {
    const files = readdirSync(build);
    for (const entry of ['main.js', 'worker-main.js', 'render.worker.js'])
      expect(files).toContain(entry);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('is not rebuilt while its sources are unchanged', async () => {
    const again = await runBuild(dist);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/server up to date/);
    expect(readdirSync(dist)).toEqual([build.slice(dist.length + 1)]);
  });

  it('renders a letter in a thread started from the compiled entry', async () => {
    // What render.pool.ts asks for from inside the bundle: `./render.worker.ts` beside it.
    const worker = startTsWorker(new URL('render.worker.ts', pathToFileURL(`${build}/`)));
    try {
      const answer = new Promise<RenderResponse>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`render thread exited with ${code}`)));
      });
      const request: RenderRequest = { id: 1, content: sampleLetter() };
      worker.postMessage(request);
      const response = await answer;
      if (!response.ok) throw new Error(response.error);
      const text = await pdfText(response.pdf);
      expect(text).toContain('Fatima el Amrani');
      expect(text).toContain('€ 1.250,00');
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
