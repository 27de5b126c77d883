import type { LocalizedText } from '../core/engine.types';
import type { FormField, FormPage, ScalarField, WorkflowDefinition } from './definition.schema';
import { STATE_TAGS, type StateTag } from './state-tags';

type Add = (path: string, code: string, message: string) => void;

const KNOWN_TAGS = new Set<string>(STATE_TAGS);

// Pairs of tags that contradict each other on one state.
const EXCLUSIVE: [StateTag, StateTag][] = [
  ['open', 'closed'],
  ['draft', 'closed'],
  ['draft', 'pending_decision'],
  ['draft', 'suspended'],
  ['draft', 'awaiting_approval'],
  ['draft', 'granted'],
  ['draft', 'report_due'],
  ['pending_decision', 'suspended'],
];

/**
 * State tags (C3): a closed vocabulary; a final state is `closed`, every other state `open`;
 * the initial state is a `draft`; contradicting tags are refused.
 */
export function checkTags(def: WorkflowDefinition, add: Add): void {
  for (const [name, state] of Object.entries(def.states)) {
    const path = `states.${name}.tags`;
    const tags = state.tags ?? [];
    const seen = new Set<string>();
    tags.forEach((tag, i) => {
      if (!KNOWN_TAGS.has(tag)) {
        add(`${path}.${i}`, 'unknown_tag', `no tag ${tag}; tags are: ${STATE_TAGS.join(', ')}`);
      }
      if (seen.has(tag)) add(`${path}.${i}`, 'duplicate_tag', `tag ${tag} appears twice`);
      seen.add(tag);
    });
    const final = state.type === 'final';
    if (final && !seen.has('closed')) {
      add(path, 'missing_tag', `final state ${name} must be tagged closed`);
    }
    if (!final && !seen.has('open')) {
      add(path, 'missing_tag', `state ${name} is not final, so it must be tagged open`);
    }
    if (!final && seen.has('closed')) {
      add(path, 'bad_tag', `state ${name} is not final, so it cannot be tagged closed`);
    }
    if (name === def.initial && !seen.has('draft')) {
      add(path, 'missing_tag', `the initial state ${name} must be tagged draft`);
    }
    for (const [a, b] of EXCLUSIVE) {
      if (seen.has(a) && seen.has(b)) {
        add(path, 'bad_tag', `state ${name} cannot be both ${a} and ${b}`);
      }
    }
  }
}

/** Form pages (C1): every field of the form in exactly one page; no unknown keys. */
export function checkPages(def: WorkflowDefinition, add: Add): void {
  const pages = def.form.pages;
  if (!pages) return;
  const fieldKeys = new Set(def.form.fields.map((f) => f.key));
  const placed = new Map<string, string>();
  const pageKeys = new Set<string>();
  pages.forEach((page, p) => {
    const base = `form.pages.${p}`;
    if (pageKeys.has(page.key)) add(`${base}.key`, 'duplicate_page', `page ${page.key} twice`);
    pageKeys.add(page.key);
    page.fields.forEach((key, i) => {
      const path = `${base}.fields.${i}`;
      if (!fieldKeys.has(key)) {
        add(
          path,
          'unknown_field',
          `page ${page.key} names ${key}, which is not a field of the form`,
        );
        return;
      }
      const other = placed.get(key);
      if (other !== undefined) {
        add(path, 'duplicate_page_field', `field ${key} is on page ${other} and on ${page.key}`);
        return;
      }
      placed.set(key, page.key);
    });
  });
  def.form.fields.forEach((field, i) => {
    if (!placed.has(field.key)) {
      add(`form.fields.${i}`, 'field_without_page', `field ${field.key} is on no page`);
    }
  });
}

/**
 * The prefix of a definition that names none: every reference began with BI before definitions
 * carried their own, and published versions are never rewritten.
 */
export const DEFAULT_REFERENCE_PREFIX = 'BI';

/** The letters before the year in an application's reference (BI-2026-000012). */
export function referencePrefix(def: Pick<WorkflowDefinition, 'referencePrefix'>): string {
  return def.referencePrefix ?? DEFAULT_REFERENCE_PREFIX;
}

/**
 * A prefix for a new workflow key: the initials of its words (klein-buurtbudget: KB), or the
 * first two letters of a one-word key; policy staff can change it before publishing.
 */
export function referencePrefixFor(key: string): string {
  const words = key.split('-').filter((w) => /^[a-z]/.test(w));
  const letters =
    words.length >= 2 ? words.map((w) => w[0]).join('') : (words[0] ?? 'xx').slice(0, 2);
  return letters.slice(0, 5).toUpperCase().padEnd(2, 'X');
}

/** The pages of a form: the declared ones, or one page with every field (C1). */
export function formPages(
  def: WorkflowDefinition,
): NonNullable<WorkflowDefinition['form']['pages']> {
  return (
    def.form.pages ?? [
      {
        key: 'form',
        title: def.title,
        fields: def.form.fields.map((f) => f.key),
      },
    ]
  );
}

/**
 * Who reads a page's answers (and the questions' labels beside them): the applicant herself, or
 * anyone else (an assessor, an approver, the clerk at the desk or a helper acting for her), as
 * with a warning's `staffText`.
 */
export type PageReader = 'applicant' | 'staff';

/**
 * The heading over a form page's answers for its reader: the applicant reads the page's title
 * ("Uw initiatief"), anyone else its `staffTitle` ("Het initiatief") when it has one.
 */
export function pageHeading(
  page: Pick<FormPage, 'title' | 'staffTitle'>,
  reader: PageReader,
): FormPage['title'] {
  return reader === 'staff' && page.staffTitle ? page.staffTitle : page.title;
}

/**
 * A form field's label for its reader: the applicant reads its label ("Naam van uw initiatief"),
 * anyone else its `staffLabel` ("Naam van het initiatief") when it has one. The same for a
 * list's own fields.
 */
export function fieldLabel(
  field: Pick<FormField, 'label' | 'staffLabel'>,
  reader: PageReader,
): LocalizedText {
  return reader === 'staff' && field.staffLabel ? field.staffLabel : field.label;
}

/**
 * A choice of a choice list (`select`) in words: its `optionLabels` entry ("Straatfeest" /
 * "Street party" for `straatfeest`), a language left empty read in the other one, and without
 * words (a definition from before optionLabels, a list's own fields alike) the value itself in
 * both languages. Everything that shows a chosen answer or offers the choices reads it here.
 */
export function optionLabel(
  field: Pick<ScalarField, 'optionLabels'> | FormField,
  value: string,
): LocalizedText {
  const labels = 'optionLabels' in field ? field.optionLabels : undefined;
  const words = labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
  // A definition being edited may hold a half-made entry: only strings count as words.
  const nl = typeof words?.nl === 'string' ? words.nl.trim() : '';
  const en = typeof words?.en === 'string' ? words.en.trim() : '';
  return { nl: nl || en || value, en: en || nl || value };
}
