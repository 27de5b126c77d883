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
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';

export function MyApplicationsPage() {
  const { t, tx, formatMoney, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const list = useLoad(() => api.listApplications({ sort: 'updated', limit: 100 }), []);
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
        <div className="app-table-scroll">
          <Table className="app-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('app.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.state')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.requested')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.updated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <AppLink
                      href={
                        a.state === 'draft'
                          ? `/aanvragen/${a.id}/bewerken/initiatief`
                          : `/aanvragen/${a.id}`
                      }
                    >
                      {a.title || t('app.untitled')}
                    </AppLink>
                  </TableCell>
                  <TableCell>{a.reference}</TableCell>
                  <TableCell>
                    <span className={`app-badge app-badge--${a.state}`}>
                      {tx(`state.${a.state}`, a.state)}
                    </span>
                  </TableCell>
                  <TableCell>{formatMoney(a.requestedCents)}</TableCell>
                  <TableCell>{formatDateTime(a.updatedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
