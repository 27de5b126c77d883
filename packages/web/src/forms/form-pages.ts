import {
  type FormPage,
  formPages,
  questionApplies,
  type WorkflowDefinition,
} from '@initiatief/engine';

// What pages and the application page need of a form without validating it: they do not load
// the engine's validation and zod with it (form-model.ts adds the problems for the form).

export type Locale = 'nl' | 'en';

/** The pages a form has after the definition's own: general attachments (see stepsOf), review. */
export const ATTACHMENTS_STEP = 'bijlagen';
export const REVIEW_STEP = 'controleren';

/** A dotted path without the `data.` / `payload.` prefix: `budgetLines.0.amountCents`. */
export function bare(path: string): string {
  return path.replace(/^(data|payload)\./, '');
}

/** The top-level field a path belongs to (`budgetLines` for `budgetLines.0.amountCents`). */
export function topKey(path: string): string {
  return bare(path).split('.')[0] ?? '';
}

export function pagesOf(def: WorkflowDefinition): FormPage[] {
  return formPages(def);
}

/**
 * Whether the form asks for files itself. Forms that do not (definitions from before the field
 * type existed) get the general attachments page after their own pages.
 */
export function hasAttachmentsField(def: WorkflowDefinition): boolean {
  return def.form.fields.some((f) => f.type === 'attachments');
}

/**
 * Whether a page is asked with these answers: some question on it applies (`showWhen`, the
 * engine's form-show-when.ts). A page whose every question waits for an answer that was not
 * given ("Eerdere subsidie", only after Ja to an earlier question) is skipped: not counted as a
 * step, passed over by next and back, left out of the review. A page without questions stays.
 */
export function pageApplies(
  def: WorkflowDefinition,
  page: Pick<FormPage, 'fields'>,
  data: Record<string, unknown>,
): boolean {
  if (page.fields.length === 0) return true;
  return page.fields.some((key) => {
    const field = def.form.fields.find((f) => f.key === key);
    return field !== undefined && questionApplies(def.form.fields, field, data);
  });
}

/** The form's pages that are asked with these answers (see `pageApplies`), in order. */
export function askedPagesOf(def: WorkflowDefinition, data: Record<string, unknown>): FormPage[] {
  return pagesOf(def).filter((page) => pageApplies(def, page, data));
}

/**
 * The form's steps with these answers: the pages asked (see `pageApplies`), the general
 * attachments page where needed, and the review.
 */
export function stepsOf(def: WorkflowDefinition, data: Record<string, unknown>): string[] {
  const own = askedPagesOf(def, data).map((p) => p.key);
  return hasAttachmentsField(def) ? [...own, REVIEW_STEP] : [...own, ATTACHMENTS_STEP, REVIEW_STEP];
}

/**
 * The step an address shows: the step itself when asked; a page skipped with these answers (an
 * old link, a review's link from before the answer changed) the next step that is asked, at the
 * latest the review; anything else (no step of this form) the first step.
 */
export function stepFor(
  def: WorkflowDefinition,
  data: Record<string, unknown>,
  requested: string,
): string {
  const steps = stepsOf(def, data);
  if (steps.includes(requested)) return requested;
  const all = pagesOf(def).map((p) => p.key);
  const at = all.indexOf(requested);
  if (at < 0) return steps[0]!;
  return steps.find((s) => !all.includes(s) || all.indexOf(s) > at) ?? steps[0]!;
}

/** The page that holds a path's field, or undefined for problems of the whole application. */
export function pageOfPath(pages: FormPage[], path: string): FormPage | undefined {
  const key = topKey(path);
  return pages.find((p) => p.fields.includes(key));
}

/** The problems of one page only: what "next" checks before moving on. */
export function problemsOnPage(
  all: Record<string, string>,
  page: FormPage,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all).filter(([path]) => page.fields.includes(topKey(path))),
  );
}

type Transition = { target?: string } | string;

function targetsOf(def: WorkflowDefinition, state: string, event: string): string[] {
  const t = def.states[state]?.on?.[event] as Transition | Transition[] | undefined;
  if (t === undefined) return [];
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => (typeof x === 'string' ? x : (x.target ?? state)));
}

/**
 * The event that sends a finished form on from a state tagged `draft`: one the person's roles
 * may send, that asks for no payload, and that leads to a state that is neither a draft nor
 * closed (withdrawing also leaves the draft, but closes the application). Chosen from the
 * definition by tags, never by the event's name; it need not be allowed yet, since an
 * incomplete form is exactly what the last page reports.
 */
export function forwardEvent(
  def: WorkflowDefinition,
  state: string,
  roles: readonly string[],
): string | undefined {
  if (!(def.states[state]?.tags ?? []).includes('draft')) return undefined;
  return Object.keys(def.states[state]?.on ?? {}).find((type) => {
    const event = def.events[type];
    if (!event?.roles.some((r) => roles.includes(r))) return false;
    const required = (event.payload as { required?: string[] } | undefined)?.required ?? [];
    if (required.length > 0) return false;
    const targets = targetsOf(def, state, type);
    return (
      targets.length > 0 &&
      targets.every((name) => {
        const tags = def.states[name]?.tags ?? [];
        return name !== state && !tags.includes('draft') && !tags.includes('closed');
      })
    );
  });
}
