import { Heading2, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type RefObject, useLayoutEffect, useState } from 'react';
import { slugify } from '../forms/slugify';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router/router';

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
 * `onFollow`: the page goes to the field itself (another page of a form, say); it is handed the
 * link's target and the word its address says.
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
  if (errors.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="app-error-summary"
    >
      <Heading2 id="error-summary-title" className="app-error-summary__title">
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
    for (const id of ids.split(' ').filter(Boolean)) {
      const base = slugify(labelText(id)) || unnamed;
      let word = base;
      for (let n = 2; taken.has(word); n++) word = `${base}-${n}`;
      taken.add(word);
      out[id] = word;
    }
    setRead(out);
  }, [ids, unnamed]);
  return errors.map((e, i) => (e.anchor !== undefined ? given[i]! : (read[e.target] ?? '')));
}

/** The text a field is labelled with on the page: its label, its group's legend, its aria-label. */
function labelText(id: string): string {
  const el = document.getElementById(id);
  if (!el) return '';
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
