import { FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useFormText } from '../i18n/form-messages';

type FormText = ReturnType<typeof useFormText>;

/** The sentence for a total over the regulation's maximum, or null when it is not over. */
export function overMaxText(
  text: Pick<FormText, 'f' | 'formatMoney'>,
  total: number,
  max: number | undefined,
): string | null {
  if (max === undefined || total <= max) return null;
  return text.f('total.overMax', {
    total: text.formatMoney(total),
    max: text.formatMoney(max),
  });
}

/**
 * The amount asked for under the budget lines, with the regulation's maximum when known. A total
 * over the maximum is an error at the total (`id` is where the error summary links to); lines
 * whose amount cannot be read (`unclear`, numbered from 1) are named as left out of it.
 */
export function BudgetTotal({
  total,
  max,
  id,
  unclear = [],
}: {
  total: number;
  max: number | undefined;
  id?: string;
  unclear?: number[];
}) {
  const text = useFormText();
  const { t, formatMoney } = text;
  const error = overMaxText(text, total, max);
  const errorId = id ? `${id}-error` : undefined;
  return (
    <div
      id={id}
      tabIndex={id ? -1 : undefined}
      role="status"
      aria-live="polite"
      className={`app-total${error ? ' app-total--invalid' : ''}`}
    >
      <strong>{t('wizard.budget.total', { total: formatMoney(total) })}</strong>
      {max !== undefined && (
        <span className="app-muted"> {t('wizard.budget.max', { max: formatMoney(max) })}</span>
      )}
      {unclear.length > 0 && (
        <span className="app-total__note">
          {text.fn('total.unclear', unclear.length, { lines: text.list(unclear) })}
        </span>
      )}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
    </div>
  );
}
