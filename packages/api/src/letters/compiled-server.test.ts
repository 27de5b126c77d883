import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
describe('the compiled server (scripts/build-server.mjs)', () => {
  let dist: string;

  beforeAll(() => {
    const outputs = join(REPO_ROOT, 'packages/api/test-output');
    if (!existsSync(outputs)) spawnSync('mkdir', ['-p', outputs]);
    dist = mkdtempSync(join(outputs, 'compiled-'));
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-server.mjs')], {
      env: { ...process.env, SERVER_DIST: dist },
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 60_000);

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('writes the processes and the render thread as entries side by side, with a stamp', () => {
    const files = readdirSync(dist);
    for (const entry of ['main.js', 'worker-main.js', 'render.worker.js', '.build-stamp'])
      expect(files).toContain(entry);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('is not rebuilt while its sources are unchanged', () => {
    const again = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-server.mjs')], {
      env: { ...process.env, SERVER_DIST: dist },
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/server up to date/);
  });

  it('renders a letter in a thread started from the compiled entry', async () => {
    // What render.pool.ts asks for from inside the bundle: `./render.worker.ts` beside it.
    const worker = startTsWorker(new URL('render.worker.ts', pathToFileURL(`${dist}/`)));
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
