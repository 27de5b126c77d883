import type { EnteredLine } from '../forms/definition-text';
import { useI18n } from '../i18n/i18n';

/**
 * A line of what a step recorded ("Termijn voor de aanvulling (dagen): 14"). A field the
 * definition keeps for staff carries a small tag "alleen voor medewerkers" after it: visible,
 * and read out with the line ("…: 14 (alleen voor medewerkers)"), so staff know the applicant
 * does not read this value in her history. Only staff get such a value from the API.
 */
export function EnteredLineText({ line }: { line: EnteredLine }) {
  const { t } = useI18n();
  if (!line.staffOnly) return <>{line.text}</>;
  return (
    <>
      {line.text} <span className="app-visually-hidden">(</span>
      <span className="app-badge app-badge--audience">{t('entered.staffOnly')}</span>
      <span className="app-visually-hidden">)</span>
    </>
  );
}
