import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/** A word the way PurgeCSS's own default extractor cuts them out of content. */
const WORD = /[A-Za-z0-9_-]+/g;
/** Class names our code and the component library build from a stem and a variable. */
const STEM = /^(?:utrecht|rotterdam|app|policy|desk)-[a-z0-9-]*-$/;

/**
 * Keeps only the CSS rules whose selectors the built pages can match. The component library's
 * stylesheet styles all of its 120 components (406 kB, 32 kB gzipped, render-blocking on every
 * page); the app uses a few dozen. PurgeCSS reads the final JavaScript and HTML, so a class
 * that appears only in the library's own code (the React components add their class names)
 * still counts. Class names built as `utrecht-alert--${type}` leave their stem behind in the
 * code; every stem ending in `-` keeps all rules that start with it. Custom properties,
 * keyframes and font faces are all kept: dropping them saves little and costs a themed colour.
 *
 * The file name's hash was made before this step, from the whole stylesheet; a build whose
 * code uses one class more would keep the name and a browser its stale cached copy (hashed
 * assets are cached as immutable). So the file gets a new hash of what it now holds, and the
 * pages and chunks that name it are told.
 */
export function purgeCss(): Plugin {
  const renamed = new Map<string, string>();
  return {
    name: 'initiatief:purge-css',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      renamed.clear();
      const content: string[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') content.push(item.code);
        else if (item.fileName.endsWith('.html')) content.push(String(item.source));
      }
      const raw = content.join('\n');
      const stems = new Set<string>();
      for (const word of raw.match(WORD) ?? []) if (STEM.test(word)) stems.add(word);
      const greedy = [...stems].map((stem) => new RegExp(`^${stem}`));
      for (const item of Object.values(bundle)) {
        if (item.type !== 'asset' || !item.fileName.endsWith('.css')) continue;
        const [result] = await new PurgeCSS().purge({
          content: [{ raw, extension: 'js' }],
          css: [{ raw: String(item.source) }],
          safelist: { standard: [/^:/], greedy },
          variables: false,
          keyframes: false,
          fontFace: false,
        });
        if (!result) continue;
        item.source = result.css;
        const hash = createHash('sha256').update(result.css).digest('base64url').slice(0, 8);
        const fileName = item.fileName.replace(/-[\w-]{8}\.css$/, `-${hash}.css`);
        if (fileName !== item.fileName) renamed.set(item.fileName, fileName);
      }
    },
    // The chunks' lists of stylesheets to load are filled in after generateBundle, so the
    // new names go into the written files (same length: source maps stay right).
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      for (const [from, to] of renamed) renameSync(join(dir, from), join(dir, to));
      const names = [...renamed].map(([from, to]) => [basename(from), basename(to)] as const);
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(?:js|html)$/.test(file)) continue;
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        let next = text;
        for (const [from, to] of names) next = next.replaceAll(from, to);
        if (next !== text) writeFileSync(path, next);
      }
    },
  };
}
