import { Paragraph } from '@utrecht/component-library-react';
import type { WaitingLetter } from '../api/client';
import { useLetterNaming } from '../components/letter-name';
import { MessageWith, NamedByMessage } from '../components/message-parts';
import { AppLink } from '../router/router';
import { usePostText } from './print-queue-messages';
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
  const { t } = usePostText();
  const name = t('post.letterFor', { subject: letter.subject, name: letter.recipient.name });
  // For screen readers: the letter named in the page's words where its workflow has them, else
  // by its own subject, marked with its language (WCAG 3.1.2); never in an aria-label.
  const naming = useLetterNaming(letter);
  const named = (
    <MessageWith
      text={t('post.letterFor')}
      parts={{
        subject: <span lang={naming.titleLang}>{naming.title}</span>,
        name: letter.recipient.name,
      }}
    />
  );
  return (
    <>
      {letter.overtaken && (
        <Paragraph className="app-hint">
          <strong>{t('post.overtaken')}</strong>
          {!letter.withholdable && <> {t('post.decisionGoes')}</>}
        </Paragraph>
      )}
      <Paragraph>
        <AppLink href={`${applicationHref}/brieven/${letter.documentId}`}>
          <NamedByMessage
            action={t('post.readLetter')}
            text={t('post.readLetterNamed')}
            parts={{ letter: named }}
          />
        </AppLink>
      </Paragraph>
      {letter.withholdable && (
        <WithholdLetter
          documentId={letter.documentId}
          idPrefix={`withhold-${letter.documentId}`}
          letterName={named}
          onWithheld={(batchId) => onWithheld(name, batchId)}
        />
      )}
    </>
  );
}
