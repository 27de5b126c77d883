import { labelOfPath, validateFormData, type WorkflowDefinition } from '@initiatief/engine';
import { bare, type Locale } from './form-pages';

export * from './form-pages';

/**
 * Every problem of the form in the user's language, keyed by bare path: the engine's own
 * sentences (C2), so the rules and their wording exist once. Text the person typed that cannot
 * be a value at all (`problems`, from the inputs) comes first, named by the field's label. With
 * `staff` (the desk or a helper filling it in for someone) the sentences name the questions by
 * their labels for staff ("Naam van het initiatief ontbreekt.").
 */
export function formProblems(
  def: WorkflowDefinition,
  data: Record<string, unknown>,
  problems: Record<string, string>,
  locale: Locale,
  staff = false,
): Record<string, string> {
  const reader = staff ? 'staff' : 'applicant';
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    out[path] = `${labelOfPath(def.form, path, reader)[locale]}: ${message}`;
  }
  for (const issue of validateFormData(def, data, { reader }).issues) {
    const path = bare(issue.path);
    out[path] ??= issue.text?.[locale] ?? issue.message;
  }
  return out;
}

/**
 * The server's reasons for the form's fields, keyed by bare path. The engine's sentences name
 * their field already; the input boundary (`malformed_request`: a character that cannot be
 * stored) refuses a field before any form rule runs and knows no labels, so its reasons are
 * named here by the field's label (for `staff`, its label for staff).
 */
export function serverProblems(
  def: WorkflowDefinition,
  error: { code?: string; invalidParams: { name: string; reason: string }[] },
  locale: Locale,
  staff = false,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of error.invalidParams) {
    const path = bare(p.name);
    out[path] ??=
      error.code === 'malformed_request'
        ? `${labelOfPath(def.form, path, staff ? 'staff' : 'applicant')[locale]}: ${p.reason}`
        : p.reason;
  }
  return out;
}
