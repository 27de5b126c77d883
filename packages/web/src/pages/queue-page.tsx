import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import {
  type ApplicationQuery,
  type ApplicationSummary,
  api,
  type Regulation,
} from '../api/client';
import { StateBadge } from '../components/state-badge';
import {
  ErrorAlert,
  PageHeading,
  SelectField,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { useVocabulary } from '../forms/definitions';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { QueueDeadline } from './queue-deadline';
import { useQueueText } from './queue-messages';
import { PenaltiesToSet } from './queue-penalties';

type Sort = NonNullable<ApplicationQuery['sort']>;

export function QueuePage() {
  const { t, tx, tn, locale, formatMoney, formatDate } = useQueueText();
  const { me, hasRole } = useSession();
  // An approver decides on proposals and never claims a case.
  const mayClaim = hasRole('assessor', 'admin');
  const errorText = useErrorText();
  const [filters, setFilters] = useState({
    state: '',
    district: '',
    q: '',
    mine: false,
    overdue: false,
  });
  const [applied, setApplied] = useState(filters);
  const [sort, setSort] = useState<Sort>('deadline');
  const [extra, setExtra] = useState<ApplicationSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  const [status, setStatus] = useState('');
  // Closed regulations too: their cases still run (reports, settlements) after the scheme ends.
  const regs = useLoad(() => api.regulations(true).catch(() => [] as Regulation[]), []);
  const { vocabulary } = useVocabulary();
  // The states staff work with, in the definitions' own order: never residents' drafts.
  const states = (vocabulary?.states() ?? []).filter((s) => !s.tags.includes('draft'));
  const allButDraft = states.map((s) => s.name).join(',');
  /** Without a state filter the queue shows what still needs staff: open, not a draft. */
  const openStates = states
    .filter((s) => s.tags.includes('open'))
    .map((s) => s.name)
    .join(',');
  const districts = [...new Set((regs.data ?? []).map((r) => r.district))].sort();

  const query = (c?: string): ApplicationQuery => ({
    state: applied.state || openStates || undefined,
    district: applied.district || undefined,
    q: applied.q || undefined,
    assignedTo: applied.mine ? 'me' : undefined,
    overdue: applied.overdue ? 'true' : undefined,
    sort,
    limit: 50,
    cursor: c,
  });
  const list = useLoad(async () => {
    if (!vocabulary) return undefined;
    const page = await api.listApplications(query());
    setExtra([]);
    setCursor(page.nextCursor);
    return page;
  }, [applied, sort, vocabulary]);
  const items = [...(list.data?.items ?? []), ...extra];

  async function more() {
    if (!cursor) return;
    try {
      const page = await api.listApplications(query(cursor));
      setExtra((x) => [...x, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  async function claim(a: ApplicationSummary, release: boolean) {
    setFailure('');
    try {
      if (release) await api.release(a.id);
      else await api.claim(a.id);
      setStatus(t(release ? 'queue.released' : 'queue.claimed', { reference: a.reference }));
      await list.reload();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    setApplied(filters);
  }

  const sortHeader = (key: Sort, label: string) => (
    <TableHeaderCell
      scope="col"
      aria-sort={sort === key ? (key === 'deadline' ? 'ascending' : 'descending') : undefined}
    >
      <Button
        appearance="subtle-button"
        className="app-sort-button"
        onClick={() => setSort(key)}
        aria-pressed={sort === key}
      >
        {label}
      </Button>
    </TableHeaderCell>
  );

  return (
    <>
      <PageHeading>{t('queue.title')}</PageHeading>
      <Paragraph>{t('queue.intro')}</Paragraph>
      {hasRole('assessor', 'approver', 'admin') && <PenaltiesToSet />}
      <form onSubmit={apply} className="app-filters" aria-label={t('queue.filters')}>
        <TextField
          id="filter-q"
          label={t('queue.search')}
          value={filters.q}
          inputMode="search"
          type="search"
          onChange={(v) => setFilters((f) => ({ ...f, q: v }))}
        />
        <SelectField
          id="filter-state"
          label={t('app.state')}
          value={filters.state}
          onChange={(v) => setFilters((f) => ({ ...f, state: v }))}
          options={[
            { value: '', label: t('queue.openStates') },
            { value: allButDraft, label: t('queue.allStates') },
            ...states.map((s) => ({ value: s.name, label: s.label[locale] })),
          ]}
        />
        <SelectField
          id="filter-district"
          label={t('field.district')}
          value={filters.district}
          onChange={(v) => setFilters((f) => ({ ...f, district: v }))}
          options={[
            { value: '', label: t('queue.allDistricts') },
            ...districts.map((d) => ({ value: d, label: d })),
          ]}
        />
        <div className="app-filters__checks">
          <FormField type="checkbox">
            <div className="app-choice">
              <Checkbox
                id="filter-mine"
                checked={filters.mine}
                onChange={(e) => setFilters((f) => ({ ...f, mine: e.target.checked }))}
              />
              <FormLabel htmlFor="filter-mine" type="checkbox">
                {t('queue.mine')}
              </FormLabel>
            </div>
          </FormField>
          <FormField type="checkbox">
            <div className="app-choice">
              <Checkbox
                id="filter-overdue"
                checked={filters.overdue}
                onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}
              />
              <FormLabel htmlFor="filter-overdue" type="checkbox">
                {t('queue.overdue')}
              </FormLabel>
            </div>
          </FormField>
        </div>
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('queue.apply')}</PrimaryActionButton>
        </ButtonGroup>
      </form>

      <StatusMessage>
        {status}
        {list.data ? ` ${tn('queue.count', items.length)}` : ''}
      </StatusMessage>
      <ErrorAlert>{failure || (list.error ? errorText(list.error) : '')}</ErrorAlert>
      {list.loading && !list.data && <Paragraph>{t('common.loading')}</Paragraph>}
      {list.data && items.length === 0 && <Paragraph>{t('queue.none')}</Paragraph>}
      {items.length > 0 && (
        <section aria-labelledby="queue-caption">
          <Table className="app-table app-table--stack app-table--sortable app-queue">
            <caption id="queue-caption" className="app-caption">
              {t('queue.caption', { sort: tx(`queue.sort.${sort}`, sort) })}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('app.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('app.state')}</TableHeaderCell>
                {sortHeader('deadline', t('queue.deadline'))}
                {sortHeader('submitted', t('queue.submitted'))}
                <TableHeaderCell scope="col" className="app-num">
                  {t('app.requested')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.assignee')}</TableHeaderCell>
                {sortHeader('updated', t('app.updated'))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((a) => {
                const state = vocabulary?.state(a.definition, a.state);
                const mine = a.assignee?.id === me?.id;
                // A case its definition has closed is not taken on (the API refuses it too).
                const closed = !!state && (state.final || state.tags.includes('closed'));
                return (
                  <TableRow key={a.id}>
                    <TableCell data-label={t('app.reference')}>
                      <AppLink href={`/behandeling/${a.id}`}>{a.reference}</AppLink>
                    </TableCell>
                    <TableCell data-label={t('app.title')}>
                      {a.title || t('app.untitled')}
                      <span className="app-muted app-block">{a.district}</span>
                    </TableCell>
                    <TableCell data-label={t('app.state')}>
                      {state && <StateBadge label={state.label} tags={state.tags} />}
                      {a.suspended && (
                        <>
                          {' '}
                          <span className="app-badge app-badge--suspended">
                            {t('queue.suspended')}
                          </span>
                        </>
                      )}
                    </TableCell>
                    <TableCell data-label={t('queue.deadline')}>
                      <QueueDeadline
                        item={a}
                        tags={state?.tags ?? []}
                        final={state?.final ?? false}
                      />
                    </TableCell>
                    <TableCell data-label={t('queue.submitted')}>
                      {a.submittedAt ? formatDate(a.submittedAt) : '–'}
                    </TableCell>
                    <TableCell data-label={t('app.requested')} className="app-num">
                      {formatMoney(a.requestedCents)}
                    </TableCell>
                    <TableCell data-label={t('queue.assignee')}>
                      {a.assignee?.name ?? t('queue.unassigned')}
                      <span className="app-block">
                        {a.assignee
                          ? mine && (
                              <SecondaryActionButton
                                className="app-small-button"
                                onClick={() => claim(a, true)}
                                aria-label={t('queue.releaseNamed', { reference: a.reference })}
                              >
                                {t('queue.release')}
                              </SecondaryActionButton>
                            )
                          : mayClaim &&
                            !closed && (
                              <SecondaryActionButton
                                className="app-small-button"
                                onClick={() => claim(a, false)}
                                aria-label={t('queue.claimNamed', { reference: a.reference })}
                              >
                                {t('queue.claim')}
                              </SecondaryActionButton>
                            )}
                      </span>
                    </TableCell>
                    <TableCell data-label={t('app.updated')}>
                      {a.updatedAt ? formatDate(a.updatedAt) : '–'}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      )}
      {cursor && (
        <ButtonGroup>
          <SecondaryActionButton onClick={more}>{t('queue.more')}</SecondaryActionButton>
        </ButtonGroup>
      )}
    </>
  );
}
