/**
 * A resident's pages load no validator. zod's schemas and its JSON Schema reader (about 40 kB
 * gzipped) serve the policy editor and the API; twice a shared engine module pulled them onto a
 * resident's page before its first paint (the form on 2026-12-02, the application page until
 * 2026-12-03), and Lighthouse's score dropped with it (docs/benchmarks.md). Reads this run's
 * build: every chunk a page loads, by its static imports and the chunks it preloads for its
 * lazy parts, and the sources its source map names. Nor do they load the staff screens' texts
 * (issue 20: about a third of the shared catalogue, in every page's entry chunk until then).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { caseTexts } from '../src/pages/case-messages';
import { deskPageTexts } from '../src/pages/desk-page-messages';
import { mailTexts } from '../src/pages/mail-messages';
import { postTexts } from '../src/pages/print-queue-messages';
import { queueTexts } from '../src/pages/queue-messages';

function distAssets(): string {
  let dist = '';
  try {
    dist = inject('webDist');
  } catch {
    // Run on its own, without the global set-up: the checked-out build.
  }
  return join(dist || fileURLToPath(new URL('../dist', import.meta.url)), 'assets');
}

const assets = distAssets();
const files = existsSync(assets) ? readdirSync(assets) : [];
const read = (file: string) => readFileSync(join(assets, file), 'utf8');

/** The chunk whose name starts with `name-`: the entry (`index`) or a lazily loaded page. */
function chunk(name: string): string {
  const found = files.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  expect(found, `one chunk named ${name}`).toHaveLength(1);
  return found[0]!;
}

/** Every chunk loaded with this one: its static imports, and (for a page) what it preloads. */
function loadedWith(page: string): Set<string> {
  const seen = new Set<string>();
  const preloads = [...read(page).matchAll(/"assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const queue = [page, ...preloads];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) {
      queue.push(m[1]!);
    }
  }
  return seen;
}

/** The validator's modules among the sources of these chunks (zod's core class kit is allowed). */
function validatorSources(chunks: Set<string>): string[] {
  const sources = [...chunks].flatMap(
    (file) => (JSON.parse(read(`${file}.map`)) as { sources: string[] }).sources,
  );
  return sources.filter((s) => /\/zod\//.test(s) && !/zod\/v4\/core\/(core|util)\.js$/.test(s));
}

describe('what a resident’s pages load', () => {
  it.each([
    ['the login page (entry)', 'index'],
    ['my applications', 'my-applications-page'],
    ['the form', 'form-page'],
    ['an application', 'application-page'],
  ])('%s loads no validator', (_, name) => {
    const chunks = name === 'index' ? new Set([chunk(name)]) : loadedWith(chunk(name));
    expect(chunks.size).toBeGreaterThan(0);
    expect(validatorSources(chunks)).toEqual([]);
  });

  it('the policy editor does load it (so the check above can find it)', () => {
    const sources = validatorSources(loadedWith(chunk('definition-editor-page')));
    expect(sources.some((s) => s.includes('zod/v4/classic/from-json-schema'))).toBe(true);
  });
});

describe('what a resident’s pages do not load: the staff screens’ texts', () => {
  const staffKeys = [caseTexts, deskPageTexts, mailTexts, postTexts, queueTexts].flatMap((table) =>
    Object.keys(table.nl),
  );
  /** The staff texts' keys these chunks hold (a key stands beside its text in the bundle). */
  const staffKeysIn = (chunks: Set<string>) => {
    const code = [...chunks].map(read).join('\n');
    return staffKeys.filter((key) => code.includes(`"${key}"`));
  };

  it.each([
    ['the login page (entry)', 'index'],
    ['my applications', 'my-applications-page'],
    ['the form', 'form-page'],
    ['an application', 'application-page'],
  ])('%s loads none of them', (_, name) => {
    const chunks = name === 'index' ? new Set([chunk(name)]) : loadedWith(chunk(name));
    expect(staffKeysIn(chunks)).toEqual([]);
  });

  it('the staff screens’ chunks hold every one of them (so the check above can find them)', () => {
    const js = new Set(files.filter((f) => f.endsWith('.js')));
    expect(staffKeysIn(js)).toEqual(staffKeys);
  });
});

describe('what a resident’s application page does not load: the staff panels', () => {
  // The desk's panels on the same page, shown only to staff, and the desk's texts: loaded when
  // someone who may use them opens the page (issue 20), never with the page for a resident.
  const staffModules = [
    'src/desk/case-staff-panel.tsx',
    'src/desk/notice-of-default-panel.tsx',
    'src/desk/penalty-not-owed-form.tsx',
    'src/desk/desk-messages.ts',
  ];
  const staffModulesIn = (chunks: Set<string>) => {
    const sources = [...chunks].flatMap(
      (file) => (JSON.parse(read(`${file}.map`)) as { sources: string[] }).sources,
    );
    return staffModules.filter((m) => sources.some((s) => s.endsWith(m)));
  };

  it('an application loads none of their modules', () => {
    expect(staffModulesIn(loadedWith(chunk('application-page')))).toEqual([]);
  });

  it('the build holds every one of them (so the check above can find them)', () => {
    const js = new Set(files.filter((f) => f.endsWith('.js')));
    expect(staffModulesIn(js)).toEqual(staffModules);
  });
});
