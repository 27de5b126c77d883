import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink, useRouter } from '../router/router';
import { canMoveFrom } from './migration-sources';
import { policyApi } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { ProposalsPanel } from './proposals';
import './policy.css';

/** /beleid — every version of every workflow, with what uses it. */
export function DefinitionsPage() {
  const { p, pn, t, locale, formatDate } = usePolicyText();
  const errorText = useErrorText();
  const { navigate } = useRouter();
  const list = useLoad(() => policyApi.definitions(), []);
  // A draft proposed for publishing waits for a second officer: the list says so.
  const open = useLoad(() => policyApi.proposals('open'), []);
  const proposed = (key: string, version: number) =>
    (open.data ?? []).some(
      (x) =>
        x.kind === 'publish_definition' &&
        x.definition?.key === key &&
        x.definition.version === version,
    );
  const [error, setError] = useState('');

  const newDraft = async (key: string, version: number) => {
    setError('');
    try {
      const draft = await policyApi.createDraft(key, version);
      navigate(`/beleid/werkprocessen/${key}/${draft.version}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const hasDraft = (key: string) =>
    (list.data ?? []).some((d) => d.key === key && d.status === 'draft');

  return (
    <>
      <PageHeading>{p('defs.title')}</PageHeading>
      <PolicyNav />
      <Paragraph>{p('defs.intro')}</Paragraph>
      <ErrorAlert>{error || (list.error ? errorText(list.error) : '')}</ErrorAlert>
      {!list.data ? (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      ) : (
        <div className="app-table-scroll">
          <Table className="app-table">
            <TableCaption>{p('defs.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{p('defs.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('defs.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('defs.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('defs.published')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('defs.use')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="policy-visually-hidden">{p('reports.show')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((d) => (
                <TableRow key={`${d.key}@${d.version}`}>
                  <TableHeaderCell scope="row">{d.title?.[locale] ?? d.key}</TableHeaderCell>
                  <TableCell>{d.version}</TableCell>
                  <TableCell>
                    {d.status === 'draft' && proposed(d.key, d.version)
                      ? p('common.status.proposed')
                      : p(`common.status.${d.status}` as PolicyMessageKey)}
                  </TableCell>
                  <TableCell>{d.publishedAt ? formatDate(d.publishedAt) : '–'}</TableCell>
                  <TableCell>
                    {p(d.regulationsNotApproved > 0 ? 'defs.useTextNotApproved' : 'defs.useText', {
                      regulations: pn('defs.regulations', d.regulations),
                      notApproved: d.regulationsNotApproved,
                      active: pn('defs.running', d.activeApplications),
                    })}
                  </TableCell>
                  <TableCell>
                    <AppLink href={`/beleid/werkprocessen/${d.key}/${d.version}`}>
                      {p('defs.open', { version: d.version })}
                    </AppLink>
                    {d.status !== 'draft' && !hasDraft(d.key) && (
                      <>
                        {' '}
                        <Button
                          appearance="subtle-button"
                          onClick={() => void newDraft(d.key, d.version)}
                        >
                          {p('defs.newDraft', { version: d.version })}
                        </Button>
                      </>
                    )}
                    {canMoveFrom(d, list.data ?? []) && (
                      <>
                        {' '}
                        <AppLink href={`/beleid/werkprocessen/${d.key}/migratie?van=${d.version}`}>
                          {p('defs.migrate')}
                        </AppLink>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ProposalsPanel
        kind="publish_definition"
        onChange={() => void Promise.all([list.reload(), open.reload()])}
      />
    </>
  );
}
