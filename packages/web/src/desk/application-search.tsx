import {
  ButtonGroup,
  Heading2,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { ApplicationSummary } from '../api/client';
import { StateBadge } from '../components/state-badge';
import { ErrorAlert, StatusMessage, TextField, useErrorText } from '../components/ui';
import { useVocabulary } from '../forms/definitions';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

/**
 * The desk's and the phone's search: by reference, the resident's name, or postcode and house
 * number. Every row says whom the application is for.
 */
export function ApplicationSearch() {
  const { d, dn } = useDeskText();
  const { hasRole } = useSession();
  const errorText = useErrorText();
  const { vocabulary } = useVocabulary();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ApplicationSummary[] | null>(null);
  const [failure, setFailure] = useState('');
  // Assessors and approvers work on the case page; the desk opens the resident's view.
  const caseLink = hasRole('assessor', 'approver', 'admin');

  async function search(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    if (!q.trim()) return;
    try {
      setResults((await deskApi.findApplications(q.trim())).items);
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <section aria-labelledby="app-search-title" className="app-section">
      <Heading2 id="app-search-title" className="app-subheading">
        {d('search.title')}
      </Heading2>
      <form onSubmit={search}>
        <TextField
          id="app-search-q"
          label={d('search.query')}
          description={d('search.hint')}
          value={q}
          inputMode="search"
          onChange={setQ}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{d('search.button')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <ErrorAlert>{failure}</ErrorAlert>
      {/* One sentence, also when nothing was found ("0 aanvragen gevonden" said it twice). */}
      <StatusMessage>
        {results
          ? results.length === 0
            ? d('search.none')
            : dn('search.count', results.length)
          : ''}
      </StatusMessage>
      {results && results.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        <section className="app-table-scroll" aria-labelledby="app-search-caption" tabIndex={0}>
          <Table className="app-table">
            <caption id="app-search-caption" className="app-caption">
              {d('search.caption')}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{d('search.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('search.resident')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('search.initiative')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('search.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <AppLink href={caseLink ? `/behandeling/${a.id}` : `/aanvragen/${a.id}`}>
                      {a.reference}
                    </AppLink>
                  </TableCell>
                  <TableCell>{a.applicantName ?? '–'}</TableCell>
                  <TableCell>{a.title || d('search.untitled')}</TableCell>
                  <TableCell>
                    {(() => {
                      const st = vocabulary?.state(a.definition, a.state);
                      return st ? <StateBadge label={st.label} tags={st.tags} /> : null;
                    })()}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </section>
  );
}
