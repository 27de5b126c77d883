import { SHOW_WHEN, X_AUDIENCE } from '@initiatief/engine';
import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { type ChangeItem, definitionChanges } from './definition-changes';
import { useDiffValue } from './diff-values';
import { describePath, getAt, obj } from './editor-kit';
import { useEditorText } from './editor-messages';
import { type DiffPart, diffWords, shortenDiff } from './text-diff';

const nl = { added: 'toegevoegd: ', removed: 'verwijderd: ', unchanged: '(ongewijzigd)' };
const en: typeof nl = { added: 'added: ', removed: 'removed: ', unchanged: '(unchanged)' };

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
 * A word-level diff, marked up so it reads aloud as well as it looks: added words in <ins>,
 * removed ones in <del>, each with a visually hidden "toegevoegd:"/"verwijderd:" before it.
 */
export function TextDiff({ parts }: { parts: DiffPart[] }) {
  const { locale } = useEditorText();
  const t = locale === 'nl' ? nl : en;
  if (parts.every((p) => p.kind === 'same')) return <span>{t.unchanged}</span>;
  return (
    <span className="policy-text-diff">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <ins key={i}>
            <span className="policy-visually-hidden">{t.added}</span>
            {p.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
          <del key={i}>
            <span className="policy-visually-hidden">{t.removed}</span>
            {p.text}
          </del>
        ),
      )}
    </span>
  );
}

/** The changes between two definitions, in words (definition-changes.ts), as a list. */
export function useChangesInWords(before: unknown, after: unknown) {
  const { word, locale } = useEditorText();
  const valueText = useDiffValue(after, before);
  const items = definitionChanges(before, after, locale);
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
      const found = label(after) ?? label(before);
      return typeof found === 'string' ? found : key;
    };
    const segs = all
      .map((seg, i) => ({ seg, text: all[i - 1] === 'properties' ? field(i) : partWord(seg) }))
      .filter(({ seg }) => !STRUCTURE.has(seg) && !/^\d+$/.test(seg));
    // A field's condition names the field: "(Motivering, alleen gevraagd als)"; so does who
    // reads it in the history: "(Termijn voor de aanvulling (dagen), in de geschiedenis)".
    const cond = segs.findIndex(({ seg }) => seg === SHOW_WHEN || seg === X_AUDIENCE);
    if (cond > 0) return ` (${segs[cond - 1]!.text}, ${segs[cond]!.text})`;
    const lang = segs.find(({ seg }) => LANGS.has(seg));
    const last = segs.filter(({ seg }) => !LANGS.has(seg)).at(-1);
    if (!last && !lang) return '';
    const text = [last?.text ?? '', lang ? word('part', lang.seg) : ''].filter(Boolean).join(', ');
    return ` (${text})`;
  };
  /** The thing a path is in, by its label; for a path outside the named parts, its section. */
  const where = (path: string) =>
    describePath(after, path, locale) ||
    describePath(before, path, locale) ||
    partWord(path.split('.')[0] ?? path);
  const render = (item: ChangeItem): ReactNode => {
    if (item.kind === 'sentence') return item.text;
    if (item.kind === 'text')
      return (
        <>
          {item.title}: <TextDiff parts={item.parts} />
        </>
      );
    const c = item.change;
    const named = `${where(c.path)}${part(c.path)}`;
    const title = named.charAt(0).toUpperCase() + named.slice(1);
    if (
      typeof c.before === 'string' &&
      typeof c.after === 'string' &&
      (c.before.length > 80 || c.after.length > 80)
    )
      return <ChangedText title={title} before={c.before} after={c.after} />;
    return `${title}: ${valueText(c.path, c.before, 'before')} → ${valueText(c.path, c.after, 'after')}`;
  };
  return { items, render };
}

function ChangedText({ title, before, after }: { title: string; before: string; after: string }) {
  return (
    <>
      {title}: <TextDiff parts={shortenDiff(diffWords(before, after))} />
    </>
  );
}

/** The list itself; `none` is said when nothing changed. */
export function ChangesInWords({
  before,
  after,
  none,
  className = 'policy-changes',
}: {
  before: unknown;
  after: unknown;
  none?: string;
  className?: string;
}) {
  const { items, render } = useChangesInWords(before, after);
  return (
    <UnorderedList className={className}>
      {items.length === 0 && none ? <UnorderedListItem>{none}</UnorderedListItem> : null}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt from the two versions
        <UnorderedListItem key={i}>{render(item)}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
