import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { describePath } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionDiff } from './policy-api';

/** A value from a definition, short enough to read in a list: "4", "“Beste …”", "a, b". */
function shown(v: unknown): string {
  if (v === undefined) return '–';
  if (typeof v === 'string') return `“${v.length > 80 ? `${v.slice(0, 77)}…` : v}”`;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ') || '–';
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Which part of the named thing changed: "params.count" after "… › Indienen". */
function tail(path: string): string {
  const parts = path.split('.');
  const skip = parts[0] === 'states' ? (parts[2] === 'on' || parts[2] === 'after' ? 4 : 2) : 2;
  return parts.slice(skip).join('.');
}

/**
 * What publishing changes against the previous version: the summary by label, and every change
 * with its value before and after, so a reviewer sees "Aantal: 4 → 5", not a path.
 */
export function DiffSummary({ diff, def }: { diff: DefinitionDiff; def?: unknown }) {
  const { p, e, word, locale } = useEditorText();
  const part = (path: string) => {
    const t = tail(path);
    return t ? ` (${word('param', t.split('.').at(-1)!)})` : '';
  };
  const s = diff.summary;
  const lines: string[] = [];
  const name = (prefix: string, key: string) =>
    describePath(def, `${prefix}.${key}`, locale) || key;
  const keyed = (
    title: string,
    prefix: string,
    k: { added: string[]; removed: string[]; changed: string[] },
  ) => {
    const list = (keys: string[]) => keys.map((key) => name(prefix, key)).join(', ');
    if (k.added.length) lines.push(`${title} +: ${list(k.added)}`);
    if (k.removed.length) lines.push(`${title} −: ${k.removed.join(', ')}`);
    if (k.changed.length) lines.push(`${title} ~: ${list(k.changed)}`);
  };
  keyed(p('states.title'), 'states', s.states);
  keyed(p('states.event'), 'events', s.transitions);
  for (const r of s.roles)
    lines.push(
      `${p('events.roles', { event: name('events', r.event) })}: ${r.before.join(', ') || '–'} → ${r.after.join(', ') || '–'}`,
    );
  keyed(p('delays.title'), 'delays', s.delays);
  keyed(p('texts.letters'), 'templates.letters', s.letters);
  keyed(p('texts.mails'), 'templates.mails', s.mails);
  if (s.form) lines.push(e('form.title'));
  if (s.other.length) lines.push(s.other.join(', '));
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
        <summary>{e('diff.details', { n: diff.changes.length })}</summary>
        <UnorderedList className="policy-changes">
          {diff.changes.map((c) => (
            <UnorderedListItem key={c.path}>
              {describePath(def, c.path, locale) || c.path}
              {part(c.path)}: {shown(c.before)} → {shown(c.after)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
    </>
  );
}
