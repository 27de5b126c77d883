import {
  Button,
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import {
  ErrorAlert,
  PageHeading,
  SelectField,
  StatusMessage,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { useVocabulary, type Vocabulary } from '../forms/definitions';
import type { Locale } from '../i18n/i18n';
import { AppLink } from '../router/router';
import { type BudgetUse, policyApi, type StateCount } from './policy-api';
import { usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import './policy.css';

/** Horizontal bars: used (reserved + committed) against the ceiling, with the figures as text. */
function BudgetChart({ items }: { items: BudgetUse[] }) {
  const { p, formatMoney } = usePolicyText();
  const id = useId();
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const row = 44;
  // Room for a regulation's name ("Bewonersinitiatieven Charlois 2026"): two regulations of
  // one district and year are told apart by it.
  const labelW = 300;
  const barW = 420;
  const height = items.length * row + 10;
  const descs = items.map((b) =>
    p('reports.budgetDesc', {
      district: b.title,
      used: formatMoney(b.usedCents),
      ceiling: formatMoney(b.ceilingCents),
      share: pct(b.usedShare),
    }),
  );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      viewBox={`0 0 ${labelW + barW + 80} ${height}`}
      className="policy-chart"
    >
      <title id={`${id}-t`}>{p('reports.budgetChart')}</title>
      <desc id={`${id}-d`}>{descs.join(' ')}</desc>
      {items.map((b, i) => {
        const y = i * row + 8;
        const committed = b.ceilingCents > 0 ? (b.committedCents / b.ceilingCents) * barW : 0;
        const reserved = b.ceilingCents > 0 ? (b.reservedCents / b.ceilingCents) * barW : 0;
        return (
          <g key={b.regulationId}>
            <text x={0} y={y + 18} fontSize="14" fill="#1a1a1a">
              {b.title}
            </text>
            <rect x={labelW} y={y} width={barW} height={26} fill="#fff" stroke="#444" />
            <rect x={labelW} y={y} width={Math.min(barW, committed)} height={26} fill="#00689e" />
            <rect
              x={labelW + Math.min(barW, committed)}
              y={y}
              width={Math.max(0, Math.min(barW - committed, reserved))}
              height={26}
              fill="#7fb3cf"
            />
            <text x={labelW + barW + 8} y={y + 18} fontSize="14" fill="#1a1a1a">
              {pct(b.usedShare)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The states table's rows: one per name a person reads (its label in the version the
 * applications are pinned to), in the definitions' own order; never a state's code.
 */
function stateRows(items: StateCount[], vocabulary: Vocabulary | undefined, locale: Locale) {
  const order = (vocabulary?.states() ?? []).map((s) => s.name);
  const rows = new Map<string, { label: string; rank: number; counts: Map<string, number> }>();
  for (const item of items) {
    const label = vocabulary?.state(item.definition, item.state).label[locale] ?? '…';
    const rank = order.indexOf(item.state) >= 0 ? order.indexOf(item.state) : order.length;
    const row = rows.get(label) ?? { label, rank, counts: new Map() };
    row.rank = Math.min(row.rank, rank);
    row.counts.set(item.district, (row.counts.get(item.district) ?? 0) + item.count);
    rows.set(label, row);
  }
  return [...rows.values()].sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
}

/** /beleid/rapportages — states per district, budget against ceiling, lead times, overdue, CSV. */
export function ReportsPage() {
  const { p, t, locale, formatMoney, formatDate } = usePolicyText();
  const { vocabulary } = useVocabulary();
  const errorText = useErrorText();
  const thisYear = new Date().getFullYear();
  const [yearText, setYearText] = useState('');
  const [year, setYear] = useState<number | undefined>(undefined);
  const data = useLoad(async () => {
    const [states, budget, lead, overdue] = await Promise.all([
      policyApi.states(year),
      policyApi.budget(year),
      policyApi.leadTimes(year),
      policyApi.overdue(),
    ]);
    return { states, budget, lead, overdue };
  }, [year]);
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  const share = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

  const d = data.data;
  // One workflow's applications, or all of them with states of the same name added up.
  const [workflow, setWorkflow] = useState('');
  const workflows = [
    ...new Map(
      // Oldest first, so that each key ends with its newest version's title.
      [...(vocabulary?.all ?? [])]
        .sort((a, b) => a.version - b.version)
        .map((v) => [v.key, v.title[locale]] as const),
    ),
  ];
  const counted = d ? d.states.filter((s) => !workflow || s.definition.key === workflow) : [];
  const districts = [...new Set(counted.map((s) => s.district))].sort();
  const states = stateRows(counted, vocabulary, locale);

  return (
    <>
      <PageHeading>{p('reports.title')}</PageHeading>
      <PolicyNav />
      <form
        className="policy-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setYear(yearText ? Number(yearText) : undefined);
        }}
      >
        <SelectField
          id="reports-year"
          label={p('reports.year')}
          value={yearText}
          onChange={setYearText}
          options={[
            { value: '', label: p('reports.allYears') },
            ...years.map((y) => ({ value: String(y), label: String(y) })),
          ]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {p('reports.show')}
          </Button>
        </ButtonGroup>
      </form>
      <ErrorAlert>{data.error ? errorText(data.error) : ''}</ErrorAlert>
      {!d ? (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      ) : (
        <>
          <section aria-labelledby="rep-export">
            <Heading2 id="rep-export">{p('reports.export')}</Heading2>
            <Paragraph>
              <Link href={policyApi.exportUrl('applications', 'csv', locale, year)} download>
                {p('reports.csvApplications')}
              </Link>
              {' · '}
              <Link href={policyApi.exportUrl('applications', 'xlsx', locale, year)} download>
                {p('reports.xlsxApplications')}
              </Link>
              {' · '}
              <Link href={policyApi.exportUrl('budget-ledger', 'csv', locale, year)} download>
                {p('reports.csvLedger')}
              </Link>
              {' · '}
              <Link href={policyApi.exportUrl('budget-ledger', 'xlsx', locale, year)} download>
                {p('reports.xlsxLedger')}
              </Link>
            </Paragraph>
          </section>

          <section aria-labelledby="rep-budget">
            <Heading2 id="rep-budget">{p('reports.budget')}</Heading2>
            {d.budget.length > 0 && <BudgetChart items={d.budget} />}
            <div className="app-table-scroll">
              <Table className="app-table">
                <TableCaption>{p('reports.budgetCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{p('regs.name')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('regs.ceiling')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.committed')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.reserved')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.remaining')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('regs.used')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.budget.map((b) => (
                    <TableRow key={b.regulationId}>
                      <TableHeaderCell scope="row">{b.title}</TableHeaderCell>
                      <TableCell className="app-num">{formatMoney(b.ceilingCents)}</TableCell>
                      <TableCell className="app-num">{formatMoney(b.committedCents)}</TableCell>
                      <TableCell className="app-num">{formatMoney(b.reservedCents)}</TableCell>
                      <TableCell className="app-num">{formatMoney(b.remainingCents)}</TableCell>
                      <TableCell className="app-num">{share(b.usedShare)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>

          <section aria-labelledby="rep-states">
            <Heading2 id="rep-states">{p('reports.states')}</Heading2>
            {workflows.length > 1 && (
              <SelectField
                id="reports-workflow"
                label={p('reports.workflow')}
                value={workflow}
                onChange={setWorkflow}
                options={[
                  { value: '', label: p('reports.allWorkflows') },
                  ...workflows.map(([key, title]) => ({ value: key, label: title })),
                ]}
              />
            )}
            <div className="app-table-scroll">
              <Table className="app-table">
                <TableCaption>
                  {workflow
                    ? p('reports.statesCaptionOne', {
                        workflow: workflows.find(([key]) => key === workflow)?.[1] ?? workflow,
                      })
                    : p('reports.statesCaption')}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{p('diagram.from')}</TableHeaderCell>
                    {districts.map((dist) => (
                      <TableHeaderCell key={dist} scope="col">
                        {dist}
                      </TableHeaderCell>
                    ))}
                    <TableHeaderCell scope="col">{p('reports.total')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {states.map((s) => (
                    <TableRow key={s.label}>
                      <TableHeaderCell scope="row">{s.label}</TableHeaderCell>
                      {districts.map((dist) => (
                        <TableCell key={dist} className="app-num">
                          {s.counts.get(dist) ?? 0}
                        </TableCell>
                      ))}
                      <TableCell className="app-num">
                        {districts.reduce((n, dist) => n + (s.counts.get(dist) ?? 0), 0)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>

          <section aria-labelledby="rep-lead">
            <Heading2 id="rep-lead">{p('reports.leadTimes')}</Heading2>
            <div className="app-table-scroll">
              <Table className="app-table">
                <TableCaption>{p('reports.leadCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{p('regs.district')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.decided')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.average')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.median')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.maxDays')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('reports.within')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...d.lead.items, d.lead.total].map((l) => (
                    <TableRow key={l.district ?? '*'}>
                      <TableHeaderCell scope="row">
                        {l.district ?? p('reports.total')}
                      </TableHeaderCell>
                      <TableCell className="app-num">{l.decided}</TableCell>
                      <TableCell className="app-num">{l.averageDays ?? '–'}</TableCell>
                      <TableCell className="app-num">{l.medianDays ?? '–'}</TableCell>
                      <TableCell className="app-num">{l.maxDays ?? '–'}</TableCell>
                      <TableCell className="app-num">{share(l.withinTermShare)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>

          <section aria-labelledby="rep-overdue">
            <Heading2 id="rep-overdue">{p('reports.overdue')}</Heading2>
            {d.overdue.items.length === 0 ? (
              <Paragraph>{p('reports.overdueNone')}</Paragraph>
            ) : (
              <div className="app-table-scroll">
                <Table className="app-table">
                  <TableCaption>
                    {p('reports.overdueCaption', { today: formatDate(d.overdue.today) })}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{p('mig.reference')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('mig.titleCol')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('regs.district')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('diagram.from')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('reports.dueOn')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('reports.daysOver')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{p('reports.assignee')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.overdue.items.map((o) => (
                      <TableRow key={o.id}>
                        <TableHeaderCell scope="row">
                          <AppLink
                            href={`/beleid/aanvragen/${o.id}`}
                            aria-label={p('reports.diagramLink', { reference: o.reference })}
                          >
                            {o.reference}
                          </AppLink>
                        </TableHeaderCell>
                        <TableCell>{o.title}</TableCell>
                        <TableCell>{o.district}</TableCell>
                        <TableCell>
                          {vocabulary?.state(o.definition, o.state).label[locale] ?? '…'}
                        </TableCell>
                        <TableCell>{formatDate(o.decisionDueOn)}</TableCell>
                        <TableCell className="app-num">{o.daysOverdue}</TableCell>
                        <TableCell>{o.assignee ?? '–'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
