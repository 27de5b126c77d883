/**
 * A server's refusal of an event, at the fields it names: a 422's invalid fields each at its own
 * (a file of an attachments field, `attachments.0`, at its field), and the budget ceiling's 409
 * at the amount's field. Empty when the refusal is one of the form as a whole.
 */
import type { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';

export function refusalAtFields(
  err: ApiError,
  form: {
    /** Every field of the event's payload. */
    fields: readonly string[];
    /** The fields as they are shown now. */
    shown: ReadonlySet<string>;
    label(name: string): string;
    t: Translate;
  },
): Record<string, string> {
  const over = budgetRefusalErrors({ ...form, code: err.code, invalidParams: err.invalidParams });
  if (Object.keys(over).length) return over;
  if (err.code !== 'validation_failed') return {};
  const errors: Record<string, string> = {};
  for (const p of err.invalidParams) {
    const path = p.name.replace(/^(payload|data)\./, '');
    const name = form.fields.includes(path) ? path : path.split('.')[0]!;
    const key = form.fields.includes(name) ? name : p.name;
    errors[key] = errors[key] ? `${errors[key]} ${p.reason}` : p.reason;
  }
  return errors;
}

/**
 * The budget ceiling's refusal (409 `budget_exceeded`, Awb 4:25) at the amount's field it names:
 * the field by its label, then the API's reason in the reader's language (the amount and what is
 * left of the budget). Empty when the refusal names no field of the form as it is shown (then the
 * form says it as a whole).
 */
function budgetRefusalErrors(args: {
  code: string | undefined;
  invalidParams: readonly { name: string; reason: string }[];
  /** The form's fields as they are shown now. */
  shown: ReadonlySet<string>;
  label(name: string): string;
  t: Translate;
}): Record<string, string> {
  if (args.code !== 'budget_exceeded') return {};
  const named = args.invalidParams
    .map((p) => ({ name: p.name.replace(/^(payload|data)\./, ''), reason: p.reason.trim() }))
    .find((p) => args.shown.has(p.name));
  if (!named) return {};
  const field = args.label(named.name);
  return {
    [named.name]: named.reason
      ? args.t('form.amountAbove.budget', { field, reason: named.reason })
      : args.t('form.amountAbove.budgetLeft', { field }),
  };
}
