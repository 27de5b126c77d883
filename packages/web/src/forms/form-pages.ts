import { type FormPage, formPages, type WorkflowDefinition } from '@initiatief/engine';

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

/** The form's steps: its pages, the general attachments page where needed, and the review. */
export function stepsOf(def: WorkflowDefinition): string[] {
  const own = pagesOf(def).map((p) => p.key);
  return hasAttachmentsField(def) ? [...own, REVIEW_STEP] : [...own, ATTACHMENTS_STEP, REVIEW_STEP];
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
