/**
 * What changed between two versions of a definition, in words, for the list before publishing,
 * the second officer approving it and the comparison after a conflicting save: questions of the
 * form by their labels (with type, page and whether required), texts in both languages as
 * "Nederlands: … / Engels: …", letters and mails as a word-level diff, a step's name in the
 * history by the step. What is not one of these is returned as a path change, which
 * diff-summary.tsx words by what its path says it is. The words are in definition-changes-words.ts.
 */
import { DIGITS_PATTERN, optionLabel, placeholdersInWords, yesNoLabel } from '@initiatief/engine';
import { formatMoney } from '../components/money';
import { WORDS, type Word } from './definition-changes-words';
import { templateName } from './editor-kit';
import { vocabularyWordOf } from './editor-messages';
import { type DiffPart, diffWords, shortenDiff } from './text-diff';

type Lang = 'nl' | 'en';
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
type Words = Record<string, { nl: string; en: string }>;

export interface PathChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export type ChangeItem =
  | { kind: 'sentence'; text: string }
  /** A long text: `title` says which ("De brief ‘Besluit’, tekst (Nederlands)"). */
  | { kind: 'text'; title: string; parts: DiffPart[] }
  | { kind: 'path'; change: PathChange };

/** Localized text: an object with only `nl` and `en` (either may be missing). */
export function isLocalized(v: unknown): v is { nl?: unknown; en?: unknown } {
  return (
    isObj(v) &&
    Object.keys(v).length > 0 &&
    Object.keys(v).every((k) => (k === 'nl' || k === 'en') && typeof v[k] === 'string')
  );
}

/** Texts longer than this are compared word by word rather than shown before → after. */
const LONG = 120;

export function definitionChanges(before: unknown, after: unknown, lang: Lang): ChangeItem[] {
  const w = WORDS[lang];
  const fill = (key: Word, vars: Record<string, string> = {}) =>
    (w[key] as string).replace(/\{(\w+)\}/g, (m, n: string) => vars[n] ?? m);
  const quoted = (s: string) => (s ? `“${s}”` : w.empty);
  /** A text in both languages: "Nederlands: “…” / Engels: “…”". */
  const localized = (v: unknown): string =>
    v === undefined
      ? w.none
      : (['nl', 'en'] as const).map((l) => `${w[l]}: ${quoted(str(obj(v)[l]))}`).join(' / ');
  const out: ChangeItem[] = [];
  const sentence = (text: string) => out.push({ kind: 'sentence', text });
  const textDiff = (title: string, a: string, b: string) =>
    out.push({ kind: 'text', title, parts: shortenDiff(diffWords(a, b)) });

  // The form: questions by key, pages by key.
  const fb = obj(obj(before).form);
  const fa = obj(obj(after).form);
  const labelIn = (fields: unknown[], key: string) =>
    str(obj(obj(fields.map(obj).find((f) => f.key === key)).label)[lang]) ||
    str(obj(obj(fields.map(obj).find((f) => f.key === key)).label).nl) ||
    key;
  const pageTitle = (p: Obj) => str(obj(p.title)[lang]) || str(obj(p.title).nl) || str(p.key);
  const pageOf = (form: Obj, key: string) => {
    const p = arr(form.pages)
      .map(obj)
      .find((pg) => arr(pg.fields).includes(key));
    return p ? pageTitle(p) : '';
  };
  const typeWord = (t: unknown) => {
    const word = vocabularyWordOf(lang, 'ftype', str(t)) ?? str(t);
    return word.charAt(0).toLowerCase() + word.slice(1);
  };
  const fieldValue = (part: string, v: unknown, fields: unknown[], type?: unknown): string => {
    // A question is required unless it says `required: false`.
    if (part === 'required') return v === false ? w.optional : w.required;
    // An amount's limits are amounts, never cents; a number of digits only says so in words.
    if (type === 'money' && (part === 'min' || part === 'max') && typeof v === 'number')
      return formatMoney(v, lang);
    if (part === 'pattern' && v === DIGITS_PATTERN) return w.digitsOnly;
    // A whole number is a quantity ("1.200") unless it says `display: 'code'` ("2026").
    if (part === 'display') return v === 'code' ? w.displayCode : w.displayCount;
    if (part === 'showWhen') return askedWhen(v, fields);
    if (v === undefined) return w.none;
    if (isLocalized(v)) return localized(v);
    if (part === 'type') return typeWord(v);
    if (Array.isArray(v))
      return (
        v.map((x) => (isObj(x) ? labelIn(fields, str(x.key)) : String(x))).join(', ') || w.none
      );
    if (isObj(v))
      return Object.values(v)
        .map((x) => labelIn(fields, str(x)))
        .join(' › ');
    return String(v);
  };
  /** A question's condition (`showWhen`): "als het antwoord op ‘…’ Ja is", or "altijd". */
  const askedWhen = (v: unknown, fields: unknown[]): string => {
    if (!isObj(v)) return w.always;
    const on = str(v.field);
    const target = obj(fields.map(obj).find((f) => f.key === on));
    const words = arr(v.in).map((x) =>
      typeof x === 'boolean'
        ? yesNoLabel(x)[lang]
        : optionLabel({ optionLabels: obj(target.optionLabels) as Words }, String(x))[lang],
    );
    const values =
      words.length <= 1
        ? (words[0] ?? w.none)
        : `${words.slice(0, -1).join(', ')} ${w.or} ${words[words.length - 1]}`;
    return fill('askedWhen', { on: labelIn(fields, on), values });
  };
  /** A choice list's choices in order, by their words: one list, or one per language. */
  const choicesIn = (f: Obj): string => {
    const options = arr(f.options).map(String);
    if (options.length === 0) return w.none;
    const inLang = (l: Lang) =>
      options
        .map((o) => (isObj(f.optionLabels) ? str(obj(f.optionLabels[o])[l]) || w.empty : o))
        .join(', ');
    const [nl, en] = [inLang('nl'), inLang('en')];
    return nl === en ? nl : `${w.nl}: ${nl} / ${w.en}: ${en}`;
  };
  const fieldChanges = (bf: unknown[], af: unknown[], prefix: string, formB: Obj, formA: Obj) => {
    const bKeys = bf.map((f) => str(obj(f).key));
    const aKeys = af.map((f) => str(obj(f).key));
    for (const f of af.map(obj)) {
      const key = str(f.key);
      const label = prefix + (str(obj(f.label)[lang]) || str(obj(f.label).nl) || key);
      const old = bf.map(obj).find((x) => x.key === key);
      if (!old) {
        const page = pageOf(formA, key);
        sentence(
          fill('fieldAdded', {
            label,
            type: typeWord(f.type),
            required: f.required === false ? w.optional : w.required,
          }) +
            (page ? fill('onPage', { page }) : '') +
            (isObj(f.showWhen) ? fill('addedWhen', { when: askedWhen(f.showWhen, af) }) : ''),
        );
        continue;
      }
      // A choice list's choices and their words are one change, said in words, never codes.
      const choicesBefore = choicesIn(old);
      const choicesAfter = choicesIn(f);
      if (choicesBefore !== choicesAfter)
        sentence(
          fill('fieldPart', { label, part: w.options, before: choicesBefore, after: choicesAfter }),
        );
      // What a removed choice means for the applications that hold it (a migration takes it out).
      const kept = new Set(arr(f.options).map(String));
      const gone = arr(old.options)
        .map(String)
        .filter((o) => !kept.has(o));
      if (gone.length > 0)
        sentence(
          fill('choicesGone', {
            label,
            choices: gone
              .map((o) => {
                const words = isObj(old.optionLabels) ? obj(old.optionLabels[o]) : {};
                return `‘${str(words[lang]) || str(words.nl) || o}’`;
              })
              .join(', '),
          }),
        );
      for (const part of new Set([...Object.keys(old), ...Object.keys(f)])) {
        if (part === 'key' || part === 'options' || part === 'optionLabels') continue;
        if (same(old[part], f[part])) continue;
        if (part === 'fields' && Array.isArray(old.fields) && Array.isArray(f.fields)) {
          fieldChanges(old.fields, f.fields, `${label} › `, {}, {});
          continue;
        }
        const amountLimit = f.type === 'money' && (part === 'min' || part === 'max');
        const partWord = amountLimit
          ? w[part === 'min' ? 'minAmount' : 'maxAmount']
          : ((w as Record<string, string>)[part] ?? part);
        const fields = [...af, ...bf];
        sentence(
          fill('fieldPart', {
            label,
            part: partWord,
            before: fieldValue(part, old[part], fields, f.type),
            after: fieldValue(part, f[part], fields, f.type),
          }),
        );
      }
      const pb = pageOf(formB, key);
      const pa = pageOf(formA, key);
      if (pb && pa && pb !== pa) sentence(fill('fieldMoved', { label, before: pb, after: pa }));
    }
    for (const f of bf.map(obj))
      if (!aKeys.includes(str(f.key)))
        sentence(
          fill('fieldRemoved', {
            label: prefix + (str(obj(f.label)[lang]) || str(obj(f.label).nl) || str(f.key)),
          }),
        );
    const common = aKeys.filter((k) => bKeys.includes(k));
    const commonBefore = bKeys.filter((k) => aKeys.includes(k));
    if (!same(common, commonBefore) && !Array.isArray(formA.pages)) sentence(fill('fieldOrder'));
  };
  const bFields = arr(fb.fields);
  const aFields = arr(fa.fields);
  fieldChanges(bFields, aFields, '', fb, fa);
  const bPages = arr(fb.pages).map(obj);
  const aPages = arr(fa.pages).map(obj);
  for (const p of aPages) {
    const old = bPages.find((x) => x.key === p.key);
    if (!old) {
      sentence(fill('pageAdded', { title: pageTitle(p) }));
      continue;
    }
    for (const part of ['title', 'staffTitle', 'intro'] as const)
      if (!same(old[part], p[part]))
        sentence(
          fill('pagePart', {
            title: pageTitle(p),
            part: w[part],
            before: localized(old[part]),
            after: localized(p[part]),
          }),
        );
  }
  for (const p of bPages)
    if (!aPages.some((x) => x.key === p.key))
      sentence(fill('pageRemoved', { title: pageTitle(p) }));
  const aOrder = aPages.map((p) => str(p.key)).filter((k) => bPages.some((p) => p.key === k));
  const bOrder = bPages.map((p) => str(p.key)).filter((k) => aPages.some((p) => p.key === k));
  if (!same(aOrder, bOrder))
    sentence(fill('pageOrder', { list: aPages.map(pageTitle).join(', ') }));
  for (const part of ['requestedAmount', 'titleField', 'descriptionField', 'activityDateField'])
    if (!same(fb[part], fa[part]))
      sentence(
        fill('formPart', {
          part: (w as Record<string, string>)[part] ?? part,
          before: fieldValue(part, fb[part], [...aFields, ...bFields]),
          after: fieldValue(part, fa[part], [...aFields, ...bFields]),
        }),
      );

  // Letters and mails: a long text as a diff, not as two openings.
  for (const group of ['letters', 'mails'] as const) {
    const tb = obj(obj(obj(before).templates)[group]);
    const ta = obj(obj(obj(after).templates)[group]);
    // By its subject with its placeholders in words, as everywhere in the editor.
    const what = (pair: unknown) =>
      fill(group === 'letters' ? 'letter' : 'mail', { name: templateName(pair, lang) });
    for (const key of new Set([...Object.keys(tb), ...Object.keys(ta)])) {
      const b = tb[key];
      const a = ta[key];
      if (same(a, b)) continue;
      if (b === undefined) sentence(fill('templateAdded', { what: what(a) }));
      if (a === undefined) {
        sentence(fill('templateRemoved', { what: what(b) }));
        continue;
      }
      for (const l of ['nl', 'en'] as const)
        for (const part of ['subject', 'body'] as const) {
          // Placeholders and conditional parts in words («kenmerk», «alleen als de aanvrager
          // kan inloggen»), as the editor names them everywhere else.
          const x = placeholdersInWords(str(obj(obj(b)[l])[part]), lang);
          const y = placeholdersInWords(str(obj(obj(a)[l])[part]), lang);
          if (x === y) continue;
          const title = fill('templatePart', { what: what(a), part: w[part], lang: w[l] });
          // A subject is one line: before and after, whole; a text as what was added and removed.
          if (part === 'subject') sentence(`${title}: ${quoted(x)} → ${quoted(y)}`);
          else textDiff(title, x, y);
        }
    }
  }

  // How the history names a step once taken (`historyLabel`), by the step's name; absent, the
  // history uses that name. A removed step is said by the rest; its history name goes with it.
  const eb = obj(obj(before).events);
  const ea = obj(obj(after).events);
  for (const [type, ev] of Object.entries(ea)) {
    const b = obj(eb[type]).historyLabel;
    const a = obj(ev).historyLabel;
    if (same(b, a)) continue;
    const label = obj(obj(ev).label);
    const history = (v: unknown) => (v === undefined ? w.noHistory : localized(v));
    sentence(
      fill('historyPart', {
        step: str(label[lang]) || str(label.nl) || type,
        before: history(b),
        after: history(a),
      }),
    );
  }

  // The rest, walked as paths: a text in two languages is one change, a long one a diff.
  const walk = (b: unknown, a: unknown, path: string) => {
    if (same(b, a)) return;
    if ((isLocalized(b) || b === undefined) && (isLocalized(a) || a === undefined)) {
      const long = (['nl', 'en'] as const).some(
        (l) => str(obj(b)[l]).length > LONG || str(obj(a)[l]).length > LONG,
      );
      if (long && b !== undefined && a !== undefined) {
        for (const l of ['nl', 'en'] as const)
          if (str(obj(b)[l]) !== str(obj(a)[l]))
            out.push({
              kind: 'path',
              change: { path: `${path}.${l}`, before: str(obj(b)[l]), after: str(obj(a)[l]) },
            });
      } else out.push({ kind: 'path', change: { path, before: b, after: a } });
      return;
    }
    if (isObj(b) && isObj(a)) {
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)]))
        walk(b[k], a[k], path ? `${path}.${k}` : k);
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && b.length === a.length) {
      for (const [i, x] of b.entries()) walk(x, a[i], `${path}.${i}`);
      return;
    }
    out.push({ kind: 'path', change: { path: path || '$', before: b, after: a } });
  };
  const rest = (d: unknown) => {
    const { form, templates, version, $schema, ...others } = obj(d);
    const {
      fields,
      pages,
      requestedAmount,
      titleField,
      descriptionField,
      activityDateField,
      ...f
    } = obj(form);
    // Each step without its history name, said above.
    if (isObj(others.events))
      others.events = Object.fromEntries(
        Object.entries(others.events).map(([type, ev]) => {
          if (!isObj(ev)) return [type, ev];
          const { historyLabel, ...step } = ev;
          return [type, step];
        }),
      );
    return { ...others, ...(Object.keys(f).length ? { form: f } : {}) };
  };
  walk(rest(before), rest(after), '');
  return out;
}

/** "Nederlands: “…” / Engels: “…”" for a localized value, in the given language. */
export function localizedWords(v: unknown, lang: Lang): string {
  const w = WORDS[lang];
  return (['nl', 'en'] as const)
    .map((l) => `${w[l]}: ${str(obj(v)[l]) ? `“${str(obj(v)[l])}”` : w.empty}`)
    .join(' / ');
}
