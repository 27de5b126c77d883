import {
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { ApiError, api, type MailFile, type OutboxItem } from '../api/client';
import { NamedByMessage } from '../components/message-parts';
import { NamedAction } from '../components/named-action';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { useMailText } from './mail-messages';

/** The outbox with the references of the applications it mentions (one request per application). */
async function loadOutbox(): Promise<{ items: OutboxItem[]; references: Map<string, string> }> {
  const items = await api.outbox({ limit: 200 });
  const ids = [...new Set(items.map((i) => i.applicationId).filter((id): id is string => !!id))];
  const references = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        references.set(id, (await api.getApplication(id)).reference);
      } catch (err) {
        // An expired session must still end up at the login page; other failures show the id.
        if (err instanceof ApiError && err.status === 401) throw err;
      }
    }),
  );
  return { items, references };
}

/** The development mail files; null when mail really goes out over SMTP. */
async function loadMailFiles(): Promise<MailFile[] | null> {
  const { transport, items } = await api.mailFiles();
  return transport === 'file' ? items : null;
}

export function MailPage() {
  const { t, tx, tn, formatDate, formatDateTime, formatNumber } = useMailText();
  const { hasRole } = useSession();
  const errorText = useErrorText();
  const outbox = useLoad(loadOutbox, []);
  const files = useLoad(loadMailFiles, []);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<Record<string, string>>({});

  const items = outbox.data?.items ?? [];
  const failed = items.filter((i) => i.status === 'failed').length;
  // Case handlers open the case file; others (the counter) the application page.
  const caseHref = (id: string) =>
    hasRole('assessor', 'approver', 'admin') ? `/behandeling/${id}` : `/aanvragen/${id}`;

  // A letter to render has no subject of its own; a mail to staff no single recipient.
  const subjectOf = (item: OutboxItem) =>
    item.subject ?? (item.kind === 'render' ? t('mail.renderSubject') : (item.template ?? item.id));
  // Making a letter's PDF is not sending it: a paper letter is sent when its batch is posted.
  const statusOf = (item: OutboxItem) =>
    item.kind === 'render' && item.status === 'done'
      ? item.channel === 'paper' && item.postedOn
        ? t('mail.status.postedOn', { date: formatDate(item.postedOn) })
        : t('mail.status.rendered')
      : tx(`mail.status.${item.status}`, item.status);
  const recipientOf = (item: OutboxItem) =>
    item.recipient ?? (item.audience ? tx(`mail.audience.${item.audience}`, item.audience) : '–');

  async function retry(item: OutboxItem) {
    const subject = subjectOf(item);
    setBusy(item.id);
    setNotice('');
    setFailure('');
    try {
      await api.retryOutbox(item.id);
      setNotice(t('mail.retried', { subject }));
      await outbox.reload();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  async function toggle(file: MailFile) {
    if (open[file.name] !== undefined) {
      setOpen(({ [file.name]: _, ...rest }) => rest);
      return;
    }
    setFailure('');
    try {
      const text = await api.mailFile(file.name);
      setOpen((o) => ({ ...o, [file.name]: text }));
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  async function reload() {
    setNotice('');
    setFailure('');
    await Promise.all([outbox.reload(), files.reload()]);
  }

  return (
    <>
      <PageHeading>{t('mail.title')}</PageHeading>
      <Paragraph>{t('mail.intro')}</Paragraph>
      <StatusMessage>
        {notice}
        {outbox.data
          ? ` ${tn('mail.count', items.length)}${failed ? ` ${tn('mail.failedCount', failed)}` : ''}`
          : ''}
      </StatusMessage>
      <ErrorAlert>{failure || (outbox.error ? errorText(outbox.error) : '')}</ErrorAlert>
      <ButtonGroup>
        <SecondaryActionButton onClick={reload}>{t('common.reload')}</SecondaryActionButton>
      </ButtonGroup>
      {outbox.loading && !outbox.data && <Paragraph>{t('common.loading')}</Paragraph>}
      {outbox.data && items.length === 0 && <Paragraph>{t('mail.none')}</Paragraph>}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        <section className="app-table-scroll" aria-labelledby="outbox-caption" tabIndex={0}>
          <Table className="app-table app-outbox">
            <caption id="outbox-caption" className="app-caption">
              {t('mail.caption')}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('mail.subject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.recipient')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.status')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="app-num">
                  {t('mail.attempts')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.lastError')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.application')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.updated')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mail.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                const subject = subjectOf(item);
                const reference = item.applicationId
                  ? (outbox.data?.references.get(item.applicationId) ?? item.applicationId)
                  : null;
                return (
                  <TableRow key={item.id}>
                    <TableHeaderCell scope="row" className="app-outbox__subject">
                      {/* A subject is in its mail's or letter's language, not always the page's. */}
                      <span lang={item.subject ? (item.language ?? undefined) : undefined}>
                        {subject}
                      </span>
                      <span className="app-muted app-block">
                        {tx(`mail.kind.${item.kind}`, item.kind)}
                      </span>
                    </TableHeaderCell>
                    <TableCell className="app-break">{recipientOf(item)}</TableCell>
                    <TableCell>
                      <span className={`app-badge app-badge--outbox-${item.status}`}>
                        {statusOf(item)}
                      </span>
                    </TableCell>
                    <TableCell className="app-num">
                      {t('mail.attemptsOf', {
                        n: formatNumber(item.attempts),
                        max: formatNumber(item.maxAttempts),
                      })}
                    </TableCell>
                    <TableCell className="app-break">{item.lastError ?? '–'}</TableCell>
                    <TableCell>
                      {item.applicationId && reference ? (
                        <AppLink href={caseHref(item.applicationId)}>{reference}</AppLink>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                    <TableCell>{formatDateTime(item.updatedAt)}</TableCell>
                    <TableCell>
                      {item.status === 'failed' ? (
                        <SecondaryActionButton
                          className="app-small-button"
                          onClick={() => retry(item)}
                          busy={busy === item.id}
                          disabled={busy !== null}
                        >
                          {/* Named by the subject, read in its own language. */}
                          <NamedAction
                            action={t('mail.retry')}
                            name={subject}
                            lang={item.subject ? (item.language ?? undefined) : undefined}
                          />
                        </SecondaryActionButton>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      )}

      {files.data && (
        <section aria-labelledby="mail-files-heading">
          <Heading2 id="mail-files-heading">{t('mail.filesTitle')}</Heading2>
          <Paragraph>{t('mail.filesIntro')}</Paragraph>
          {files.data.length === 0 ? (
            <Paragraph>{t('mail.filesNone')}</Paragraph>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
            <section className="app-table-scroll" aria-labelledby="files-caption" tabIndex={0}>
              <Table className="app-table">
                <caption id="files-caption" className="app-caption">
                  {t('mail.filesCaption')}
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('mail.subject')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('mail.fileTo')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('mail.fileWritten')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('mail.file')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {files.data.map((file) => {
                    const source = open[file.name];
                    const sourceId = `eml-${file.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
                    // The subject in the language the mail was written in (WCAG 3.1.2), in the
                    // buttons' names too: hidden text, as an aria-label has one language only.
                    const named = file.subject ? (
                      <span lang={file.language ?? undefined}>{file.subject}</span>
                    ) : (
                      file.name
                    );
                    return (
                      <TableRow key={file.name}>
                        <TableHeaderCell scope="row">{named}</TableHeaderCell>
                        <TableCell>{file.to ?? '–'}</TableCell>
                        <TableCell>{formatDateTime(file.modifiedAt)}</TableCell>
                        <TableCell>
                          <ButtonGroup>
                            <SecondaryActionButton
                              className="app-small-button"
                              aria-expanded={source !== undefined}
                              aria-controls={source !== undefined ? sourceId : undefined}
                              onClick={() => toggle(file)}
                            >
                              <NamedByMessage
                                action={t(source !== undefined ? 'mail.fileHide' : 'mail.fileView')}
                                text={t(
                                  source !== undefined
                                    ? 'mail.fileHideNamed'
                                    : 'mail.fileViewNamed',
                                )}
                                parts={{ name: named }}
                              />
                            </SecondaryActionButton>
                            <Link href={file.href} download={file.name}>
                              <NamedByMessage
                                action={t('mail.fileDownload')}
                                text={t('mail.fileDownloadNamed')}
                                parts={{ name: named }}
                              />
                            </Link>
                          </ButtonGroup>
                          {source !== undefined && (
                            <section
                              id={sourceId}
                              className="app-eml"
                              // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable text must be keyboard-reachable
                              tabIndex={0}
                              aria-label={t('mail.fileSource', { name: file.name })}
                            >
                              <pre>{source}</pre>
                            </section>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </section>
          )}
        </section>
      )}
    </>
  );
}
