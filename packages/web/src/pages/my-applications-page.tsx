import {
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api } from '../api/client';
import { StateBadge } from '../components/state-badge';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useVocabulary } from '../forms/definitions';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { MY_APPLICATIONS_QUERY } from './page-data';

export function MyApplicationsPage() {
  const { t, tx, formatMoney, formatDate, formatDateTime } = useI18n();
  const { vocabulary } = useVocabulary();
  const { me, actingFor } = useSession();
  const errorText = useErrorText();
  // An application of someone who authorised this person says whose it is (under DigiD Machtigen
  // every row is the resident's, and the banner above the page says so).
  const forWhom = (a: { applicantId: string; applicantName: string | null }) =>
    me && a.applicantId !== me.id && a.applicantId !== actingFor?.id ? a.applicantName : null;
  const list = useLoad(() => api.listApplications(MY_APPLICATIONS_QUERY), []);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading>{t('mine.title')}</PageHeading>
      <Paragraph>
        {t('mine.intro')} <AppLink href="/regelingen">{t('mine.newLink')}</AppLink>
      </Paragraph>
      <ErrorAlert>{list.error ? errorText(list.error) : ''}</ErrorAlert>
      {list.loading && !list.data && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {list.data && items.length === 0 && <Paragraph>{t('mine.none')}</Paragraph>}
      {items.length > 0 && (
        <div>
          <Table className="app-table app-table--stack">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('app.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.state')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mine.nextDate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.requested')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.updated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((a) => {
                const state = vocabulary?.state(a.definition, a.state);
                return (
                  <TableRow key={a.id}>
                    <TableCell data-label={t('app.title')}>
                      <AppLink
                        href={
                          state?.tags.includes('draft')
                            ? `/aanvragen/${a.id}/bewerken`
                            : `/aanvragen/${a.id}`
                        }
                      >
                        {a.title || t('app.untitled')}
                      </AppLink>
                      {forWhom(a) && (
                        <span className="app-muted app-block">
                          {t('mine.onBehalfOf', { name: forWhom(a)! })}
                        </span>
                      )}
                    </TableCell>
                    <TableCell data-label={t('app.reference')}>{a.reference}</TableCell>
                    <TableCell data-label={t('app.state')}>
                      {state && <StateBadge label={state.label} tags={state.tags} />}
                    </TableCell>
                    {/* The next of its dates, as its page lists them (a draft: the last day to send it). */}
                    <TableCell data-label={t('mine.nextDate')}>
                      {a.nextDeadline ? (
                        <>
                          <span className="app-muted app-block">
                            {tx(`deadline.${a.nextDeadline.key}`, t('queue.deadlineOther'))}
                          </span>
                          {a.nextDeadline.pending
                            ? t('deadline.objectionPending')
                            : formatDate(a.nextDeadline.date)}
                          {!a.nextDeadline.pending && a.nextDeadline.daysLeft < 0 && (
                            <span className="app-muted app-block">{t('queue.deadlinePassed')}</span>
                          )}
                        </>
                      ) : (
                        t('mine.noDate')
                      )}
                    </TableCell>
                    <TableCell data-label={t('app.requested')}>
                      {formatMoney(a.requestedCents)}
                    </TableCell>
                    <TableCell data-label={t('app.updated')}>
                      {formatDateTime(a.updatedAt)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
