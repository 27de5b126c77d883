import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ChangesInWords, useChangesInWords } from './changes-in-words';
import { delayText } from './delay-text';
import { describePath, labelOf, obj } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionDiff } from './policy-api';
import { roleName } from './policy-messages';

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
  const changes = useChangesInWords(before, def);
  /** A JSON property's name in words, else the name itself. */
  const partWord = (seg: string) => {
    const w = word('param', seg);
    return w !== seg ? w : word('part', seg);
  };
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
  // A step whose roles alone changed has its own line below; any other change of a step (its
  // name, the name in the history, its message, its data) is named here.
  const roleOnly = new Set(s.roles.map((r) => r.event));
  const otherwise = (key: string) =>
    !roleOnly.has(key) ||
    diff.changes.some(
      (c) => c.path.startsWith(`events.${key}.`) && !c.path.startsWith(`events.${key}.roles`),
    );
  keyed(e('diff.steps'), { ...s.events, changed: s.events.changed.filter(otherwise) }, (k, r) =>
    name('events', k, r),
  );
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
      {before !== undefined && (
        <details open>
          <summary>{ep('diff.details', changes.items.length)}</summary>
          <ChangesInWords before={before} after={def} />
        </details>
      )}
    </>
  );
}
