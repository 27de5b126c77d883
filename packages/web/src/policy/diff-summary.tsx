import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { delayText } from './delay-text';
import { useDiffValue } from './diff-values';
import { describePath, getAt, labelOf, obj } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionDiff } from './policy-api';
import { roleName } from './policy-messages';

/** Which part of the named thing changed: "params.count" after "… › Indienen". */
function tail(path: string): string[] {
  const parts = path.split('.');
  const named = (): number => {
    switch (parts[0]) {
      case 'states':
        return parts[2] === 'on' || parts[2] === 'after' ? 4 : 2;
      case 'templates':
        return 3;
      case 'form':
        return parts[1] === 'fields' ? 3 : 1;
      case 'events':
      case 'delays':
        return 2;
      default:
        return 1;
    }
  };
  return parts.slice(named());
}

/** Parts of a path that are structure, not something a person changed. */
const STRUCTURE = new Set(['params', 'properties']);

const LANGS = new Set(['nl', 'en']);

/**
 * What publishing changes against the previous version: the summary by label ("Termijnen
 * gewijzigd: …"), and every change with its value before and after, so a reviewer sees
 * "Aantal: 4 → 5", not a path, and values by their words (roles, states, conditions), not their
 * codes. `before` is the previous version: what was removed is named by its label there.
 */
export function DiffSummary({
  diff,
  def,
  before,
}: {
  diff: DefinitionDiff;
  def?: unknown;
  before?: unknown;
}) {
  const { p, e, ep, word, locale } = useEditorText();
  const valueText = useDiffValue(def, before);
  /** A JSON property's name in words, else the name itself. */
  const partWord = (seg: string) => {
    const w = word('param', seg);
    return w !== seg ? w : word('part', seg);
  };
  /** The changed part in words: "(Aantal)", "(onderwerp, Nederlands)". */
  const part = (path: string) => {
    const all = tail(path);
    // A step's field by its question: `payload.properties.<field>`.
    const field = (i: number) => {
      const key = all[i] ?? '';
      const at = path
        .split('.')
        .slice(0, path.split('.').length - all.length + i + 1)
        .join('.');
      const label = (d: unknown) => obj(obj(getAt(d, at))['x-label'])[locale];
      const found = label(def) ?? label(before);
      return typeof found === 'string' ? found : key;
    };
    const segs = all
      .map((seg, i) => ({ seg, text: all[i - 1] === 'properties' ? field(i) : partWord(seg) }))
      .filter(({ seg }) => !STRUCTURE.has(seg) && !/^\d+$/.test(seg));
    const lang = segs.find(({ seg }) => LANGS.has(seg));
    const last = segs.filter(({ seg }) => !LANGS.has(seg)).at(-1);
    if (!last && !lang) return '';
    const text = [last?.text ?? '', lang ? word('part', lang.seg) : ''].filter(Boolean).join(', ');
    return ` (${text})`;
  };
  /** The thing a path is in, by its label; for a path outside the named parts, its section. */
  const where = (path: string) =>
    describePath(def, path, locale) ||
    describePath(before, path, locale) ||
    partWord(path.split('.')[0] ?? path);
  const s = diff.summary;
  const lines: string[] = [];
  const name = (prefix: string, key: string, removed = false) =>
    describePath(removed ? before : def, `${prefix}.${key}`, locale) || key;
  /** `state.EVENT`, `state.after.delay`, `state.always` in words: "Ingediend › Indienen". */
  const transitionName = (key: string, removed = false) => {
    const d = obj(removed ? before : def);
    const [state = '', ...rest] = key.split('.');
    const stateLabel = labelOf(obj(d.states)[state], locale, state);
    if (rest[0] === 'always') return stateLabel;
    if (rest[0] === 'after') return `${stateLabel} › ${delayText(d, rest[1] ?? '', locale)}`;
    return `${stateLabel} › ${labelOf(obj(d.events)[rest[0] ?? ''], locale, rest[0] ?? '')}`;
  };
  const keyed = (
    what: string,
    k: { added: string[]; removed: string[]; changed: string[] },
    named: (key: string, removed?: boolean) => string,
  ) => {
    const list = (keys: string[], removed = false) =>
      keys.map((key) => named(key, removed)).join(', ');
    if (k.added.length) lines.push(e('diff.added', { what, list: list(k.added) }));
    if (k.removed.length) lines.push(e('diff.removed', { what, list: list(k.removed, true) }));
    if (k.changed.length) lines.push(e('diff.changed', { what, list: list(k.changed) }));
  };
  const roles = (codes: string[]) => codes.map((r) => roleName(locale, r)).join(', ') || '–';
  keyed(p('states.title'), s.states, (k, r) => name('states', k, r));
  keyed(e('diff.transitions'), s.transitions, transitionName);
  for (const r of s.roles)
    lines.push(
      `${p('events.roles', { event: name('events', r.event) })}: ${roles(r.before)} → ${roles(r.after)}`,
    );
  keyed(p('delays.title'), s.delays, (k, r) => name('delays', k, r));
  keyed(p('texts.letters'), s.letters, (k, r) => name('templates.letters', k, r));
  keyed(p('texts.mails'), s.mails, (k, r) => name('templates.mails', k, r));
  if (s.form) lines.push(e('diff.form'));
  if (s.other.length) lines.push(e('diff.other', { list: s.other.map(partWord).join(', ') }));
  return (
    <>
      <UnorderedList>
        {lines.length === 0 ? (
          <UnorderedListItem>{p('common.none')}</UnorderedListItem>
        ) : (
          lines.map((l) => <UnorderedListItem key={l}>{l}</UnorderedListItem>)
        )}
      </UnorderedList>
      <details open>
        <summary>{ep('diff.details', diff.changes.length)}</summary>
        <UnorderedList className="policy-changes">
          {diff.changes.map((c) => (
            <UnorderedListItem key={c.path}>
              {where(c.path)}
              {part(c.path)}: {valueText(c.path, c.before, 'before')} →{' '}
              {valueText(c.path, c.after, 'after')}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
    </>
  );
}
