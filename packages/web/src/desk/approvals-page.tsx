import {
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { StateBadge } from '../components/state-badge';
import { ErrorAlert, PageHeading, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useVocabulary } from '../forms/definitions';
import { AppLink } from '../router/router';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

/** The approver's queue: proposals that wait for a decision, earliest legal deadline first. */
export function ApprovalsPage() {
  const { d, t, formatDate } = useDeskText();
  const errorText = useErrorText();
  const { vocabulary } = useVocabulary();
  const list = useLoad(() => deskApi.approvals(), []);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{d('approvals.title')}</PageHeading>
      <Paragraph>{d('approvals.intro')}</Paragraph>
      <ErrorAlert>{list.error ? errorText(list.error) : ''}</ErrorAlert>
      {!list.data && !list.error && <Paragraph>{t('common.loading')}</Paragraph>}
      {list.data && items.length === 0 && <Paragraph>{d('approvals.none')}</Paragraph>}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        <section className="app-table-scroll" aria-labelledby="approvals-caption" tabIndex={0}>
          <Table className="app-table">
            <caption id="approvals-caption" className="app-caption">
              {d('approvals.caption')}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{d('approvals.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('approvals.initiative')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('approvals.resident')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('approvals.assessor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('approvals.deadline')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <AppLink href={`/behandeling/${a.id}`}>{a.reference}</AppLink>
                  </TableCell>
                  <TableCell>
                    {a.title || d('search.untitled')}
                    <span className="app-block">
                      {(() => {
                        const st = vocabulary?.state(a.definition, a.state);
                        return st ? <StateBadge label={st.label} tags={st.tags} /> : null;
                      })()}
                    </span>
                  </TableCell>
                  <TableCell>{a.applicantName ?? '–'}</TableCell>
                  <TableCell>{a.assignee?.name ?? '–'}</TableCell>
                  <TableCell>{a.decisionDueOn ? formatDate(a.decisionDueOn) : '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </>
  );
}
