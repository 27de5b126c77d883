/**
 * The wizard's problems beside the form's own rules (form-model.ts): fields the API refused to
 * store, a total over the regulation's maximum, and budget lines left out of the total. Each is
 * keyed by bare path, as the form's problems are, so they share the error summary and its order.
 */
import { type FormPage, labelOfPath, type WorkflowDefinition } from '@initiatief/engine';
import { fieldId } from '../../api/client';
import type { SummaryError } from '../../components/ui';
import { overMaxText } from '../../forms/budget-total';
import { type Locale, pageOfPath, serverProblems } from '../../forms/form-model';
import { inFormOrder, totalPath } from '../../forms/form-order';
import type { Refusal } from './refusals';

type Problems = Record<string, string>;

/**
 * The refused fields' reasons, named by their labels (for `staff`, the desk or a helper filling
 * it in for someone, by their labels for staff).
 */
export function refusedProblems(
  def: WorkflowDefinition,
  refusals: Refusal[],
  locale: Locale,
  staff = false,
): Problems {
  const out: Problems = {};
  for (const r of refusals) {
    const error = { code: r.code, invalidParams: [r.param] };
    Object.assign(out, serverProblems(def, error, locale, staff));
  }
  return out;
}

/** Text typed that cannot be read (the inputs' problems), each named by its field's label. */
export function labelled(
  def: WorkflowDefinition,
  inputProblems: Problems,
  locale: Locale,
  staff = false,
): Problems {
  const out: Problems = {};
  const reader = staff ? 'staff' : 'applicant';
  for (const [path, message] of Object.entries(inputProblems)) {
    out[path] = `${labelOfPath(def.form, path, reader)[locale]}: ${message}`;
  }
  return out;
}

/** The total over the regulation's maximum, as an error at the budget's total. */
export function overMaxProblem(
  def: WorkflowDefinition,
  text: Parameters<typeof overMaxText>[0],
  total: number,
  max: number | undefined,
): Problems {
  const list = def.form.requestedAmount?.list;
  const message = overMaxText(text, total, max);
  return list && message ? { [totalPath(list)]: message } : {};
}

/** The budget lines (numbered from 1) whose amount was typed but cannot be read. */
export function unclearLines(def: WorkflowDefinition, inputProblems: Problems): number[] {
  const spec = def.form.requestedAmount;
  if (!spec) return [];
  const lines: number[] = [];
  for (const path of Object.keys(inputProblems)) {
    const [list, row, field] = path.split('.');
    if (list === spec.list && field === spec.field && /^\d+$/.test(row ?? '')) {
      lines.push(Number(row) + 1);
    }
  }
  return lines.sort((a, b) => a - b);
}

/**
 * The error summary's entries in the order of the form, each linking to its field: on this page
 * by id, on another page by its address (the field is focused once that page shows). The address
 * names the field by the word of its label (`anchorOf`: field-anchors.ts), never by its key.
 */
export function summaryOf(
  def: WorkflowDefinition,
  pages: FormPage[],
  problems: Problems,
  step: string,
  hrefOf: (step: string) => string,
  fallback: string,
  anchorOf: (path: string) => string,
): SummaryError[] {
  return inFormOrder(def, problems).map(([path, message]) => {
    const holder = pageOfPath(pages, path);
    if (!holder) return { target: fallback, message };
    const anchor = anchorOf(path);
    return {
      target: holder.key === step ? fieldId(path) : `${hrefOf(holder.key)}#${anchor}`,
      anchor,
      message,
    };
  });
}
