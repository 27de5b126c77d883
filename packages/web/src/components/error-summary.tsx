import { Heading2, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { slugify } from '../forms/slugify';
import { useI18n } from '../i18n/i18n';
import { otherLanguageWords } from '../i18n/label-words';
import { useRouter } from '../router/router';
import { replaceHash, useHashArrival } from '../router/use-address-anchor';

export interface SummaryError {
  /** The field's DOM id, or an href to another page. */
  target: string;
  /**
   * What the address says after `#` for the field (a word of its label, forms/field-anchors.ts).
   * Without it the link's address takes the word of the field's label on the page.
   */
  anchor?: string;
  message: string;
}

/**
 * The error summary at the top of a form (NL Design System, GOV.UK): focused after a failed
 * submit, each message linking to its field. Following a link moves focus to the field's input,
 * so its label is read out with it. A link's address names the field by a word of its label, as
 * the person reads it, never by an id made of the field's key (a code).
 *
 * Without `onFollow` the address then says the link's word, in place.
 *
 * `onFollow`: the page goes to the field itself (another page of a form, say; a form that names
 * its fields in the address, useLabelAnchor); it is handed the link's target and the word its
 * address says.
 */
export function ErrorSummary({
  errors,
  summaryRef,
  onFollow,
}: {
  errors: SummaryError[];
  summaryRef: RefObject<HTMLDivElement | null>;
  onFollow?: (target: string, anchor: string) => void;
}) {
  const { t } = useI18n();
  const { href } = useRouter();
  const anchors = useLabelAnchors(errors, t('errors.fieldAnchor'));
  // A page may hold several forms, each with its summary (a case page's panels).
  const titleId = useId();
  if (errors.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="app-error-summary"
    >
      <Heading2 id={titleId} className="app-error-summary__title">
        {t('errors.summaryTitle')}
      </Heading2>
      <UnorderedList>
        {errors.map((e, i) => {
          const anchor = anchors[i] ?? '';
          return (
            <UnorderedListItem key={`${e.target}:${e.message}`}>
              <Link
                href={e.target.startsWith('/') ? href(e.target) : `#${anchor}`}
                onClick={(ev) => {
                  if (onFollow) {
                    ev.preventDefault();
                    onFollow(e.target, anchor);
                    return;
                  }
                  if (!e.target.startsWith('/')) {
                    ev.preventDefault();
                    focusField(e.target);
                    if (anchor) replaceHash(anchor);
                  }
                }}
              >
                {e.message}
              </Link>
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </div>
  );
}

/**
 * Each error's word for its link's address: its own `anchor`, else the word of its field's label
 * on the page (read once the fields are there, before the summary is painted), unique in the list.
 */
function useLabelAnchors(errors: SummaryError[], unnamed: string): string[] {
  const given = errors.map((e) => e.anchor ?? '');
  const [read, setRead] = useState<Record<string, string>>({});
  const missing = errors.filter((e) => e.anchor === undefined && !e.target.startsWith('/'));
  const ids = missing.map((e) => e.target).join(' ');
  useLayoutEffect(() => {
    const out: Record<string, string> = {};
    const taken = new Set<string>();
    for (const id of ids.split(' ').filter(Boolean))
      out[id] = unique(labelWord(id) || unnamed, taken);
    setRead(out);
  }, [ids, unnamed]);
  return errors.map((e, i) => (e.anchor !== undefined ? given[i]! : (read[e.target] ?? '')));
}

/** `base`, or with `-2`, `-3` when it is `taken` already; taken from then on. */
function unique(base: string, taken: Set<string>): string {
  let word = base;
  for (let n = 2; taken.has(word); n++) word = `${base}-${n}`;
  taken.add(word);
  return word;
}

/** The word of the label a field has on the page, as an address says it ('' for none). */
function labelWord(id: string): string {
  return slugify(labelText(id));
}

/**
 * The field of `form` an address's word names: by the word of its label on the page (unique in
 * the form, as the summary's links make them), by that label's word in the other language (a link
 * shared by someone reading the other one: #town for Woonplaats), or by its id (an address from
 * before the words).
 */
function fieldOfWord(form: HTMLFormElement | null, anchor: string): string | null {
  let word: string;
  try {
    word = decodeURIComponent(anchor);
  } catch {
    return null;
  }
  const words = new Map<string, string>();
  const taken = new Set<string>();
  for (const el of Array.from(form?.elements ?? [])) {
    if (!el.id || el instanceof HTMLFieldSetElement || el instanceof HTMLButtonElement) continue;
    if (el.id === word) return el.id;
    const base = labelWord(el.id);
    if (base) words.set(unique(base, taken), el.id);
  }
  const here = words.get(word);
  if (here) return here;
  // A taken word's number (#town-2) goes with its counterpart as it is.
  const [, base = word, n = ''] = /^(.+?)(-\d+)?$/.exec(word) ?? [];
  for (const [from, number] of [
    [word, ''],
    [base, n],
  ] as const)
    for (const other of otherLanguageWords(from)) {
      const id = words.get(`${other}${number}`);
      if (id) return id;
    }
  return null;
}

/**
 * A form of the shell (no workflow's form: the desk's, a supporter's, signing in) that names its
 * fields in the address as the application's form does (pages/form/use-field-anchor.ts), by the
 * words of their labels on the page: following an error summary's link (`follow`, for the
 * summary's `onFollow`) focuses the field and puts its word in the address, in place; arriving at
 * an address whose word names a field of `form` focuses it once the form shows; and after
 * switching languages the address says the field's word in the new language.
 */
export function useLabelAnchor(form: RefObject<HTMLFormElement | null>) {
  const { locale } = useI18n();
  const { navigate } = useRouter();
  /** The field the address names, and the word it names it by. */
  const named = useRef<{ id: string; word: string } | null>(null);
  const name = (id: string, word: string) => {
    named.current = { id, word };
    replaceHash(word);
  };

  useHashArrival((word) => {
    const id = fieldOfWord(form.current, word);
    if (id === null) return false;
    focusField(id);
    name(id, labelWord(id) || word);
    return true;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of language only
  useEffect(() => {
    const was = named.current;
    if (!was || window.location.hash !== `#${was.word}`) return;
    const word = labelWord(was.id);
    if (word) name(was.id, word);
  }, [locale]);

  const follow = (target: string, word: string) => {
    if (target.startsWith('/')) return navigate(target);
    focusField(target);
    if (word) name(target, word);
  };
  return { follow };
}

/**
 * The text a field is labelled with on the page: its label, its group's legend, its aria-label. A
 * box of a date (components/date-input.tsx) is named by its question, the group's legend, not by
 * its own label (Dag).
 */
function labelText(id: string): string {
  const el = document.getElementById(id);
  if (!el) return '';
  const date = el.closest('.app-date')?.querySelector('legend');
  if (date?.textContent) return date.textContent;
  // A radio button's label is one answer; the question is its group's.
  const group = el instanceof HTMLInputElement && el.type === 'radio' && el.closest('fieldset');
  const question = group ? group.querySelector('legend') : null;
  if (question?.textContent) return question.textContent;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (label?.textContent) return label.textContent;
  const named = el.getAttribute('aria-labelledby');
  if (named) {
    const text = named
      .split(/\s+/)
      .map((n) => document.getElementById(n)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return text;
  }
  const legend = el.closest('fieldset')?.querySelector('legend');
  if (legend?.textContent) return legend.textContent;
  return el.getAttribute('aria-label') ?? el.textContent ?? '';
}

/** Moves focus to a field (its input: the label is read out with it), scrolled into the middle. */
export function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  (el as HTMLElement).focus();
}
