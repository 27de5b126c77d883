import { Paragraph } from '@utrecht/component-library-react';
import type { WaitingLetter } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';
import { WithholdLetter } from './withhold-letter';

/**
 * What whoever handles the post can do with one waiting letter: read it, and withhold it when
 * events overtook it. The API says which letters may be withheld (never a decision) and which
 * the application has moved on from since they were issued.
 */
export function WaitingLetterActions({
  letter,
  applicationHref,
  onWithheld,
}: {
  letter: WaitingLetter;
  /** The application's page for this viewer: the case file, or for the desk its own page. */
  applicationHref: string;
  onWithheld(name: string, batchId: string | null): void;
}) {
  const { t } = useI18n();
  const name = t('post.letterFor', { subject: letter.subject, name: letter.recipient.name });
  return (
    <>
      {letter.overtaken && (
        <Paragraph className="app-hint">
          <strong>{t('post.overtaken')}</strong>
          {!letter.withholdable && <> {t('post.decisionGoes')}</>}
        </Paragraph>
      )}
      <Paragraph>
        <AppLink
          href={`${applicationHref}/brieven/${letter.documentId}`}
          aria-label={t('post.readLetterNamed', { letter: name })}
        >
          {t('post.readLetter')}
        </AppLink>
      </Paragraph>
      {letter.withholdable && (
        <WithholdLetter
          documentId={letter.documentId}
          idPrefix={`withhold-${letter.documentId}`}
          letterName={name}
          onWithheld={(batchId) => onWithheld(name, batchId)}
        />
      )}
    </>
  );
}
