import {
  Alert,
  Paragraph,
  SecondaryActionButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ApiError } from '../../api/http';
import { ErrorAlert, StatusMessage, useErrorText } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import type { SaveStatus } from './use-autosave';

/**
 * Whether the draft is saved. A save the server refused is said out loud, with its reasons:
 * a person who leaves believing it was saved loses their work.
 */
export function SaveIndicator({
  status,
  onReload,
  reasonsOf = (error) => error.invalidParams.map((p) => p.reason),
}: {
  status: SaveStatus;
  onReload(): void;
  /** The refusal's reasons, each naming its field (the form knows the labels). */
  reasonsOf?(error: ApiError): string[];
}) {
  const { t, formatTime } = useI18n();
  const errorText = useErrorText();
  let text = '';
  if (status.kind === 'saving') text = t('wizard.saving');
  if (status.kind === 'saved') text = t('wizard.savedAt', { time: formatTime(status.at) });
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
      {status.kind === 'invalid' && (
        <Alert type="error" role="alert">
          <Paragraph>{t('wizard.notSaved')}</Paragraph>
          <UnorderedList>
            {reasonsOf(status.error).map((reason) => (
              <UnorderedListItem key={reason}>{reason}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {status.kind === 'failed' && (
        <ErrorAlert>{t('wizard.saveFailed', { reason: errorText(status.error) })}</ErrorAlert>
      )}
    </>
  );
}
