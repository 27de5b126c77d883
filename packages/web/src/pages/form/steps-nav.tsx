import { useFormText } from '../../i18n/form-messages';
import { AppLink } from '../../router/router';

/**
 * The form's steps as a numbered list: the current one marked for screen readers, the others
 * links that save before they go (`onGo`), still real links for opening in a new tab.
 */
export function StepsNav({
  steps,
  current,
  titleOf,
  hrefOf,
  onGo,
}: {
  steps: string[];
  current: string;
  titleOf(step: string): string;
  hrefOf(step: string): string;
  onGo(step: string): void;
}) {
  const { t } = useFormText();
  return (
    <nav aria-label={t('wizard.stepsLabel')} className="app-steps">
      <ol className="app-steps__list">
        {steps.map((s, i) => (
          <li
            key={s}
            className={`app-steps__item${s === current ? ' app-steps__item--current' : ''}`}
          >
            {s === current ? (
              <span aria-current="step">
                {i + 1}. {titleOf(s)}
              </span>
            ) : (
              <AppLink
                href={hrefOf(s)}
                onClick={(e) => {
                  e.preventDefault();
                  onGo(s);
                }}
              >
                {i + 1}. {titleOf(s)}
              </AppLink>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
