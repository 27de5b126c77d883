import { createHash } from 'node:crypto';
import postcss, { type Rule } from 'postcss';
import type { Plugin } from 'vite';

const CLASS = /\.(utrecht-[\w-]+)/g;
const TOKEN = /utrecht-[a-z0-9_-]+/g;
/** Shorter literals (`utrecht-`) would keep everything. */
const MIN_TOKEN = 10;

/** `utrecht-button--primary-action` and `utrecht-form-field__label` belong to their block. */
function block(className: string): string {
  return className.split(/--|__/)[0] ?? className;
}

function keepSelector(selector: string, tokens: string[]): boolean {
  for (const [, className] of selector.matchAll(CLASS)) {
    const b = block(className as string);
    if (!tokens.some((token) => b.startsWith(token))) return false;
  }
  return true;
}

function withContentHash(fileName: string, content: string): string {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  return fileName.replace(/-[\w-]{8}\.css$/, `-${hash}.css`);
}

/**
 * Drops the rules of NL Design System components that no page renders. The library's
 * stylesheet holds every component (400 kB); a component is in use when its class name, or
 * the literal start of a class built at run time (`utrecht-heading-${level}`), appears in the
 * JavaScript or HTML of the build. Modifiers and elements of a used block are kept.
 */
export function pruneCss(): Plugin {
  return {
    name: 'initiatief:prune-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const found = new Set<string>();
      for (const file of Object.values(bundle)) {
        const text =
          file.type === 'chunk'
            ? file.code
            : file.fileName.endsWith('.html')
              ? String(file.source)
              : '';
        for (const [token] of text.matchAll(TOKEN)) if (token.length >= MIN_TOKEN) found.add(token);
      }
      const tokens = [...found];
      const renamed = new Map<string, string>();
      const html = Object.values(bundle).flatMap((f) =>
        f.type === 'asset' && f.fileName.endsWith('.html') ? [String(f.source)] : [],
      );
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        // Only the stylesheets the HTML links: a lazy chunk's stylesheet is named inside
        // JavaScript that Vite finishes after this hook, where a new name would not arrive.
        if (!html.some((source) => source.includes(file.fileName))) continue;
        const root = postcss.parse(String(file.source));
        root.walkRules((rule: Rule) => {
          if (!rule.selector.includes('.utrecht-')) return;
          const kept = rule.selectors.filter((s) => keepSelector(s, tokens));
          if (kept.length === 0) rule.remove();
          else if (kept.length < rule.selectors.length) rule.selectors = kept;
        });
        root.walkAtRules((at) => {
          if (at.nodes && at.nodes.length === 0) at.remove();
        });
        file.source = root.toString();
        renamed.set(file.fileName, withContentHash(file.fileName, file.source));
      }
      // The name's hash was taken before pruning; the files are cached as immutable, so a
      // name must change whenever the pruned content does.
      for (const [from, to] of renamed) {
        const file = bundle[from];
        if (file?.type !== 'asset' || from === to) continue;
        // The old name stays as well: a lazy chunk's preload list (the diagram's elkjs import)
        // still names it, and a missing stylesheet makes that import fail.
        this.emitFile({ type: 'asset', fileName: to, source: file.source });
      }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        for (const [from, to] of renamed) file.source = String(file.source).replaceAll(from, to);
      }
    },
  };
}
