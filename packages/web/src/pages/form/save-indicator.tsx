import {
  Alert,
  Link,
  Paragraph,
  SecondaryActionButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ApiError } from '../../api/http';
import { ErrorAlert, StatusMessage, type SummaryError, useErrorText } from '../../components/ui';
import { useFormText } from '../../i18n/form-messages';
import { useRouter } from '../../router/router';
import type { SaveStatus } from './use-autosave';

/**
 * Whether the draft is saved. A save the server refused is said out loud, with its reasons:
 * a person who leaves believing it was saved loses their work. Fields held back from a save that
 * stored the rest (`refused`), and text typed that the page could not read, are listed, each
 * linking to its field; while there are any, the indicator never says all was saved. What the
 * error summary below already lists (`inSummary`) is not said twice: the indicator then only
 * says that the rest was saved and that what the summary lists was not.
 */
export function SaveIndicator({
  status,
  onReload,
  reasonsOf = (error) => error.invalidParams.map((p) => p.reason),
  refused = [],
  inSummary = [],
  onFollow,
}: {
  status: SaveStatus;
  onReload(): void;
  /** The refusal's reasons, each naming its field (the form knows the labels). */
  reasonsOf?(error: ApiError): string[];
  /** The fields held back from the last save, in the form's order. */
  refused?: SummaryError[];
  /** What the error summary below the indicator lists now: said there, not again here. */
  inSummary?: readonly SummaryError[];
  onFollow?(target: string, anchor: string): void;
}) {
  const { t, f, formatTime } = useFormText();
  const errorText = useErrorText();
  const { href } = useRouter();
  let text = '';
  if (status.kind === 'saving') text = t('wizard.saving');
  if (status.kind === 'saved' && refused.length === 0)
    text = t('wizard.savedAt', { time: formatTime(status.at) });
  // Saved, but not what the page could not read: never "Opgeslagen" while something is not.
  if (status.kind === 'partly' || (status.kind === 'saved' && refused.length > 0))
    text = f('save.partlyAt', { time: formatTime(status.at) });
  // Said while the held-back fields stay held back, not again at each save of the others.
  const partly = refused.length > 0 && status.kind !== 'invalid' && status.kind !== 'stale';
  // A field the summary links to, or a sentence it says, is left out here.
  const targets = new Set(inSummary.map((e) => e.target));
  const messages = new Set(inSummary.map((e) => e.message));
  const unsaid = refused.filter((r) => !targets.has(r.target) && !messages.has(r.message));
  const reasons = status.kind === 'invalid' ? reasonsOf(status.error) : [];
  const unsaidReasons = reasons.filter((reason) => !messages.has(reason));
  return (
    <>
      <StatusMessage>
        <span className="app-save-status">{text}</span>
      </StatusMessage>
      {status.kind === 'stale' && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('errors.stale')}</Paragraph>
          <SecondaryActionButton onClick={onReload}>{t('common.reload')}</SecondaryActionButton>
        </Alert>
      )}
      {status.kind === 'invalid' &&
        (unsaidReasons.length === 0 && reasons.length > 0 ? (
          <Paragraph className="app-save-note">{f('save.notSavedInSummary')}</Paragraph>
        ) : (
          <Alert type="error" role="alert">
            <Paragraph>{t('wizard.notSaved')}</Paragraph>
            <UnorderedList>
              {unsaidReasons.map((reason) => (
                <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
              ))}
            </UnorderedList>
            {unsaidReasons.length < reasons.length && (
              <Paragraph>{f('save.alsoInSummary')}</Paragraph>
            )}
          </Alert>
        ))}
      {partly && unsaid.length === 0 && (
        <Paragraph className="app-save-note">{f('save.partlyInSummary')}</Paragraph>
      )}
      {partly && unsaid.length > 0 && (
        <Alert type="error" role="alert" className="app-save-refused">
          <Paragraph>{f('save.partly')}</Paragraph>
          <UnorderedList>
            {unsaid.map((r) => (
              <UnorderedListItem key={`${r.target}:${r.message}`}>
                <Link
                  href={r.target.startsWith('/') ? href(r.target) : `#${r.anchor ?? ''}`}
                  onClick={(e) => {
                    if (!onFollow) return;
                    e.preventDefault();
                    onFollow(r.target, r.anchor ?? '');
                  }}
                >
                  {r.message}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {unsaid.length < refused.length && <Paragraph>{f('save.alsoInSummary')}</Paragraph>}
          <Paragraph>{f('save.partlyHint')}</Paragraph>
        </Alert>
      )}
      {status.kind === 'failed' && (
        <ErrorAlert>{t('wizard.saveFailed', { reason: errorText(status.error) })}</ErrorAlert>
      )}
    </>
  );
}
