import {
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { api, type PrintBatch } from '../api/client';
import { ConfirmingButton } from '../components/confirming-button';
import { LetterName } from '../components/letter-name';
import { PostalAddressForm } from '../components/postal-address-form';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { usePostText } from './print-queue-messages';
import { WaitingLetterActions } from './waiting-letter-actions';

/**
 * The print queue: paper letters waiting for the post, one print batch a day to download and
 * print (each address in the envelope window), and marking a batch posted, which dates its
 * letters and starts their objection periods.
 */
export function PrintQueuePage() {
  const { t, tn, tx, formatDate, formatDateTime, formatNumber } = usePostText();
  const errorText = useErrorText();
  const queue = useLoad(() => api.printQueue(), []);
  const [notice, setNotice] = useState('');
  // Residents' details are the desk's (and an admin's) to change; others see what is missing.
  const { hasRole } = useSession();
  const canEditPeople = hasRole('clerk', 'admin');
  // Case handlers open the case file; the desk opens the application page (the case file is not
  // theirs to see).
  const applicationHref = (id: string) =>
    hasRole('assessor', 'approver', 'admin') ? `/behandeling/${id}` : `/aanvragen/${id}`;
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  // Making a batch or marking one posted takes away the button that was pressed: focus goes on
  // to the batches, where the one made can be downloaded and its state is shown.
  const batchesHeading = useRef<HTMLHeadingElement>(null);

  async function act(key: string, action: () => Promise<string>, then?: () => void) {
    setBusy(key);
    setNotice('');
    setFailure('');
    try {
      setNotice(await action());
      await queue.reload();
      then?.();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  const toBatches = () => batchesHeading.current?.focus();
  const createBatch = () =>
    act(
      'create',
      async () => {
        const batch = await api.createPrintBatch();
        return tn('post.created', batch.letters, { date: formatDate(batch.postingDate) });
      },
      toBatches,
    );
  const markPosted = (batch: PrintBatch) =>
    act(
      batch.id,
      async () => {
        await api.markBatchPosted(batch.id);
        return t('post.posted', { date: formatDate(batch.postingDate) });
      },
      toBatches,
    );

  const waiting = queue.data?.waiting ?? [];
  const batches = queue.data?.batches ?? [];
  // One batch a day: today's, open (letters can still join it) or posted (they wait for tomorrow).
  const today = queue.data?.today;
  const todays = batches.filter((b) => b.postingDate === today);
  const todayPosted = todays.some((b) => b.status === 'posted');
  const todayOpen = todays.find((b) => b.status === 'open');
  const canJoin = waiting.some((l) => !l.addressMissing && l.batchId !== todayOpen?.id);
  return (
    <>
      <PageHeading>{t('post.title')}</PageHeading>
      <Paragraph>{t('post.intro')}</Paragraph>
      <StatusMessage>{notice}</StatusMessage>
      <ErrorAlert>{failure || (queue.error ? errorText(queue.error) : '')}</ErrorAlert>

      <section aria-labelledby="post-waiting" className="app-section">
        <Heading2 id="post-waiting" className="app-subheading">
          {t('post.waiting')}
        </Heading2>
        {queue.data && waiting.length === 0 && <Paragraph>{t('post.none')}</Paragraph>}
        {waiting.length > 0 && (
          <Table className="app-table app-table--stack">
            <caption className="app-caption">{t('post.waitingCaption')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('post.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.recipient')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.subject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.inBatch')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {waiting.map((letter) => {
                const batch = batches.find((b) => b.id === letter.batchId);
                return (
                  <TableRow key={letter.documentId}>
                    <TableHeaderCell scope="row">
                      <AppLink href={applicationHref(letter.applicationId)}>
                        {letter.reference}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell data-label={t('post.recipient')}>
                      {letter.recipient.name}
                      {letter.recipient.addressLines.map((line) => (
                        <span key={line} className="app-block app-muted">
                          {line}
                        </span>
                      ))}
                      {letter.addressMissing && (
                        <>
                          <strong className="app-block">{t('post.addressMissing')}</strong>
                          {letter.applicantId && canEditPeople && (
                            <PostalAddressForm
                              userId={letter.applicantId}
                              idPrefix={`address-${letter.documentId}`}
                              onSaved={() => {
                                setNotice(t('address.saved', { name: letter.recipient.name }));
                                void queue.reload();
                              }}
                            />
                          )}
                        </>
                      )}
                    </TableCell>
                    <TableCell className="app-break" data-label={t('post.subject')}>
                      <LetterName letter={letter} />
                    </TableCell>
                    <TableCell data-label={t('post.inBatch')}>
                      {batch
                        ? formatDate(batch.postingDate)
                        : letter.addressMissing
                          ? t('post.waitsForAddress')
                          : t('post.notInBatch')}
                    </TableCell>
                    <TableCell>
                      <WaitingLetterActions
                        letter={letter}
                        applicationHref={applicationHref(letter.applicationId)}
                        onWithheld={(name, batchId) =>
                          act(`withhold-${letter.documentId}`, async () =>
                            [
                              t('post.withheld', { letter: name }),
                              batchId && t('post.withheldReprint'),
                            ]
                              .filter(Boolean)
                              .join(' '),
                          )
                        }
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {todayPosted ? (
          waiting.length > 0 && <Paragraph>{t('post.todayPosted')}</Paragraph>
        ) : (
          <>
            {todayOpen && canJoin && <Paragraph>{t('post.addHint')}</Paragraph>}
            {/* Every waiting letter in today's batch already: nothing to add, say what comes next. */}
            {todayOpen && !canJoin && waiting.length > 0 ? (
              <Paragraph>{t('post.allInBatch')}</Paragraph>
            ) : (
              <ButtonGroup>
                <PrimaryActionButton
                  onClick={createBatch}
                  busy={busy === 'create'}
                  disabled={busy !== null || !canJoin}
                >
                  {t(todayOpen ? 'post.addToBatch' : 'post.createBatch')}
                </PrimaryActionButton>
              </ButtonGroup>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="post-batches" className="app-section">
        <Heading2 id="post-batches" className="app-subheading" ref={batchesHeading} tabIndex={-1}>
          {t('post.batches')}
        </Heading2>
        {queue.data && batches.length === 0 && <Paragraph>{t('post.batchNone')}</Paragraph>}
        {batches.length > 0 && (
          <Table className="app-table app-table--stack">
            <caption className="app-caption">{t('post.batchesCaption')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('post.postingDate')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="app-num">
                  {t('post.letters')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('post.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {batches.map((batch) => {
                const date = formatDate(batch.postingDate);
                // An open batch of an earlier day cannot be posted: its letters go in today's.
                const stale = batch.status === 'open' && batch.postingDate !== today;
                return (
                  <TableRow key={batch.id}>
                    <TableHeaderCell scope="row">{date}</TableHeaderCell>
                    <TableCell className="app-num" data-label={t('post.letters')}>
                      {formatNumber(batch.letters)}
                    </TableCell>
                    <TableCell data-label={t('post.status')}>
                      {stale
                        ? t('post.status.stale')
                        : tx(`post.status.${batch.status}`, batch.status)}
                      {batch.postedAt && (
                        <span className="app-block app-muted">
                          {formatDateTime(batch.postedAt)}
                        </span>
                      )}
                    </TableCell>
                    <TableCell>
                      <ButtonGroup>
                        <Link
                          href={batch.links.pdf}
                          download
                          aria-label={t('post.downloadNamed', { date })}
                        >
                          {t('post.download')}
                        </Link>
                        {/* Posting dates the letters and starts their terms: asked first. */}
                        {batch.status === 'open' && !stale && (
                          <ConfirmingButton
                            label={t('post.markPostedNamed', { date })}
                            question={tn('post.markPostedQuestion', batch.letters, { date })}
                            disabled={busy !== null}
                            onConfirm={() => markPosted(batch)}
                          >
                            {t('post.markPosted')}
                          </ConfirmingButton>
                        )}
                      </ButtonGroup>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
