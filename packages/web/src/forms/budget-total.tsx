import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';

/** The amount asked for under the budget lines, with the regulation's maximum when known. */
export function BudgetTotal({ total, max }: { total: number; max: number | undefined }) {
  const { t, formatMoney } = useI18n();
  return (
    <div role="status" aria-live="polite" className="app-total">
      <strong>{t('wizard.budget.total', { total: formatMoney(total) })}</strong>
      {max !== undefined && (
        <span className="app-muted"> {t('wizard.budget.max', { max: formatMoney(max) })}</span>
      )}
      {max !== undefined && total > max && (
        <Alert type="warning">
          <Paragraph>{t('wizard.budget.overMax')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
