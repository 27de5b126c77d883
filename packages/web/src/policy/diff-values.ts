import { SHOW_WHEN, STAFF_AUDIENCE, X_AUDIENCE } from '@initiatief/engine';
import { isLocalized, localizedWords } from './definition-changes';
import { arr, getAt, guardsOf, labelOf, obj, str } from './editor-kit';
import { useEditorText } from './editor-messages';
import { conditionInWords } from './editor-payload-condition';
import { eventOfPath, useRefText, type VocabularyGroup } from './editor-ref-text';
import type { DefinitionJson } from './policy-api';
import { roleName } from './policy-messages';

/**
 * A value from a definition in words, whole: a text in quotes, a text in two languages as
 * "Nederlands: “…” / Engels: “…”", a list joined, anything with a label by its label, and other
 * objects as "name: value" by the words of their parts — never as JSON.
 */
export function shown(
  v: unknown,
  lang: 'nl' | 'en' = 'nl',
  partWord: (key: string) => string = (k) => k,
): string {
  if (v === undefined || v === null) return '–';
  if (typeof v === 'string') return `“${v}”`;
  if (typeof v !== 'object') return String(v);
  if (isLocalized(v)) return localizedWords(v, lang);
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object')
      ? v.join(', ') || '–'
      : v.map((x) => shown(x, lang, partWord)).join('; ') || '–';
  const o = v as Record<string, unknown>;
  const label = obj(o.label)[lang] ?? obj(obj(o.meta).label)[lang];
  if (typeof label === 'string' && label) return `“${label}”`;
  return (
    Object.entries(o)
      .map(([k, x]) => `${partWord(k)}: ${shown(x, lang, partWord)}`)
      .join('; ') || '–'
  );
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isIndex = (seg: string | undefined) => seg !== undefined && /^\d+$/.test(seg);

/**
 * A changed value of a definition in words, by what its path says it is: roles by their names
 * ("Behandelaar, Medewerker dienstverlening"), a state by its label, a condition or action as
 * the editor names it, a property by its words; anything else as `shown()` writes it. `side`
 * says which version the value comes from, so a removed thing is named as it was.
 */
export function useDiffValue(def: unknown, before: unknown) {
  const { e, word, locale } = useEditorText();
  const refAfter = useRefText(obj(def) as DefinitionJson);
  const refBefore = useRefText(obj(before) as DefinitionJson);
  const words = (list: string[]) => list.join(', ') || '–';

  return (path: string, value: unknown, side: 'before' | 'after'): string => {
    if (value === undefined) return '–';
    const d = obj(side === 'after' ? def : before);
    const refText = side === 'after' ? refAfter : refBefore;
    const parts = path.split('.');
    const last = parts.at(-1);
    // The name of the list an item is in: `roles.0` is in `roles`.
    const list = isIndex(last) ? parts.at(-2) : last;
    const stateName = (v: unknown) => labelOf(obj(d.states)[str(v)], locale, str(v));
    const inTransition = parts[0] === 'states' && (parts[2] === 'on' || parts[2] === 'after');
    const event = eventOfPath(path);
    const refsText = (group: VocabularyGroup, refs: unknown[]) =>
      refs.map((r) => refText(group, r, event)).join('; ') || '–';

    // A field's condition (`events.X.payload.properties.k.x-showWhen[.field|.in[.i]]`) by labels.
    if (parts[0] === 'events' && parts[5] === SHOW_WHEN) {
      const rulePath = parts.slice(0, 6).join('.');
      const part = parts[6] === 'field' ? 'field' : parts[6] === 'in' ? 'in' : 'rule';
      const payload = obj(getAt(d, `events.${parts[1]}.payload`));
      return conditionInWords(payload, getAt(d, rulePath), part, value, locale);
    }
    // Who reads a step's field back in the history: "alleen voor medewerkers".
    if (parts[0] === 'events' && parts[5] === X_AUDIENCE && value === STAFF_AUDIENCE)
      return e('payload.audience.staff');
    if (parts[0] === 'events' && list === 'roles')
      return words(listOf(value).map((r) => roleName(locale, String(r))));
    if (path === 'initial' || (inTransition && last === 'target')) return stateName(value);
    if (parts[0] === 'states' && list === 'tags')
      return words(listOf(value).map((t) => word('tag', String(t))));
    if (parts[0] === 'delays' && parts.length === 3 && last === 'type')
      return word('delay', String(value));
    if (inTransition) {
      // `…guard`, `…guard.0`, `…actions`, `…actions.1`, and their `type` and `params.<name>`.
      const at = parts.findLastIndex((p) => p === 'guard' || p === 'actions');
      if (at >= 0) {
        const group: VocabularyGroup = parts[at] === 'guard' ? 'guards' : 'actions';
        const prefix = group === 'guards' ? 'guard' : 'action';
        // A single guard may be written without a list: `…guard.type` as well as `…guard.0.type`.
        const item = isIndex(parts[at + 1]) ? 1 : 0;
        const rest = parts.slice(at + 1 + item);
        if (rest.length === 0) return refsText(group, item ? [value] : listOf(value));
        const ref = obj(getAt(d, parts.slice(0, at + 1 + item).join('.')));
        if (rest.length === 1 && last === 'type') return word(prefix, String(value));
        if (rest.length === 2 && rest[0] === 'params' && last) {
          // One parameter: as the editor writes it, without the name of the condition or action.
          const whole = refText(group, { type: ref.type, params: { [last]: value } }, event);
          const name = word(prefix, str(ref.type));
          return whole.startsWith(`${name}: `) ? whole.slice(name.length + 2) : whole;
        }
      }
      // A whole transition (or one of its branches): where it goes and what it does.
      if (parts.length === 4 || (parts.length === 5 && isIndex(last)))
        return listOf(value)
          .map((b) => {
            const t = typeof b === 'string' ? { target: b } : obj(b);
            const bits = [t.target ? `→ ${stateName(t.target)}` : ''];
            const guards = guardsOf(t);
            if (guards.length) bits.push(refsText('guards', guards));
            if (arr(t.actions).length) bits.push(refsText('actions', arr(t.actions)));
            return bits.filter(Boolean).join('; ') || '–';
          })
          .join(' | ');
    }
    return shown(value, locale, (k) => {
      const w = word('param', k);
      return w !== k ? w : word('part', k);
    });
  };
}
