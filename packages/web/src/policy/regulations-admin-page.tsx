import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { MoneyParse } from '../components/money';
import { MoneyInput } from '../components/money-input';
import {
  ErrorAlert,
  PageHeading,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { type PolicyRegulation, policyApi, type RegulationInput } from './policy-api';
import { usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { useProposalText } from './proposal-messages';
import { ProposalsPanel } from './proposals';
import { type SupporterConfirmation, SupporterConfirmationField } from './regulation-supporters';
import './policy.css';

type Form = Record<
  | 'code'
  | 'title'
  | 'district'
  | 'year'
  | 'term'
  | 'reportWeeks'
  | 'opensOn'
  | 'closesOn'
  | 'workflow'
  | 'comment',
  string
>;

type MoneyKey = 'ceiling' | 'max' | 'threshold' | 'fourEyes';
const MONEY_KEYS: MoneyKey[] = ['ceiling', 'max', 'threshold', 'fourEyes'];
/** Amounts that may stay empty: the four-eyes amount empty means never a second person. */
const OPTIONAL_MONEY: ReadonlySet<MoneyKey> = new Set(['fourEyes']);
/** The amounts as read by the one money input: cents, or null with why it could not be read. */
type Amounts = Record<MoneyKey, { cents: number | null; problem: MoneyParse | null }>;

function toAmounts(r?: PolicyRegulation): Amounts {
  return {
    ceiling: { cents: r ? r.ceilingCents : null, problem: null },
    max: { cents: r ? r.maxAmountCents : 1_000_000, problem: null },
    threshold: { cents: r ? r.directSettlementThresholdCents : 0, problem: null },
    fourEyes: { cents: r ? r.settlementFourEyesAboveCents : 500_000, problem: null },
  };
}

function toForm(r?: PolicyRegulation): Form {
  const year = new Date().getFullYear() + 1;
  return {
    code: r?.code ?? '',
    title: r?.title ?? '',
    district: r?.district ?? '',
    year: String(r?.year ?? year),
    term: String(r?.decisionTermWeeks ?? 8),
    reportWeeks: String(r?.reportDueWeeks ?? 12),
    opensOn: r?.opensOn ?? `${year}-01-01`,
    closesOn: r?.closesOn ?? `${year}-12-31`,
    workflow: r ? `${r.workflow.key}@${r.workflow.version}` : '',
    comment: '',
  };
}

const FIELD_OF: Record<string, keyof Form | MoneyKey | 'supporters'> = {
  ceilingCents: 'ceiling',
  maxAmountCents: 'max',
  directSettlementThresholdCents: 'threshold',
  settlementFourEyesAboveCents: 'fourEyes',
  decisionTermWeeks: 'term',
  reportDueWeeks: 'reportWeeks',
  workflowVersion: 'workflow',
  workflowKey: 'workflow',
  supporterConfirmation: 'supporters',
};

function RegulationForm({
  regulation,
  workflows,
  onDone,
}: {
  regulation?: PolicyRegulation;
  workflows: { value: string; label: string }[];
  onDone(r: Pick<PolicyRegulation, 'title'>, proposed?: boolean): void;
}) {
  const { p } = usePolicyText();
  const { q } = useProposalText();
  const errorText = useErrorText();
  const { locale } = usePolicyText();
  const [form, setForm] = useState<Form>(() => toForm(regulation));
  const [amounts, setAmounts] = useState<Amounts>(() => toAmounts(regulation));
  const [supporters, setSupporters] = useState<SupporterConfirmation>(
    regulation?.supporterConfirmation ?? 'digid_or_code',
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const prefix = regulation ? `reg-${regulation.id}` : 'reg-new';
  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v });
  const field = (
    k: keyof Form,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={`${prefix}-${k}`}
      label={label}
      value={form[k]}
      onChange={set(k)}
      error={errors[k]}
      {...extra}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setErrors({});
    const unread: Record<string, string> = {};
    for (const k of MONEY_KEYS) {
      const a = amounts[k];
      if (a.cents === null && OPTIONAL_MONEY.has(k) && !a.problem) continue;
      if (a.cents === null)
        unread[k] =
          a.problem && !a.problem.ok ? a.problem.message[locale] : p('regs.amountMissing');
    }
    // Every mistake at once, each said as what to do.
    if (!form.workflow) unread.workflow = p('regs.errWorkflow');
    if (!/^\d+$/.test(form.term.trim()) || Number(form.term) < 1) unread.term = p('regs.errTerm');
    if (!/^\d+$/.test(form.reportWeeks.trim()) || Number(form.reportWeeks) < 1)
      unread.reportWeeks = p('regs.errReport');
    if (form.opensOn && form.closesOn && form.closesOn <= form.opensOn)
      unread.closesOn = p('regs.errDates');
    if (Object.keys(unread).length > 0) {
      setErrors(unread);
      setError(
        p(
          Object.keys(unread).every((k) => (MONEY_KEYS as readonly string[]).includes(k))
            ? 'regs.fixAmounts'
            : 'regs.fixFields',
        ),
      );
      return;
    }
    const [workflowKey, version] = form.workflow.split('@');
    const input: RegulationInput = {
      title: form.title,
      ceilingCents: amounts.ceiling.cents!,
      maxAmountCents: amounts.max.cents!,
      directSettlementThresholdCents: amounts.threshold.cents!,
      settlementFourEyesAboveCents: amounts.fourEyes.cents,
      supporterConfirmation: supporters,
      decisionTermWeeks: Number(form.term),
      reportDueWeeks: Number(form.reportWeeks),
      opensOn: form.opensOn,
      closesOn: form.closesOn,
      workflowKey: workflowKey ?? '',
      workflowVersion: Number(version),
    };
    try {
      const saved = regulation
        ? await policyApi.updateRegulation(regulation.id, {
            ...input,
            comment: form.comment.trim() || undefined,
          })
        : await policyApi.createRegulation({
            ...input,
            code: form.code,
            district: form.district,
            year: Number(form.year),
          });
      // A change of workflow, ceiling, maximum or four-eyes amount waits for a second officer.
      if ('proposal' in saved) onDone(regulation!, true);
      else onDone(saved);
    } catch (err) {
      if (err instanceof ApiError && err.invalidParams.length > 0) {
        const next: Record<string, string> = {};
        const own: Record<string, string> = {
          workflow: p('regs.errWorkflow'),
          term: p('regs.errTerm'),
          reportWeeks: p('regs.errReport'),
          closesOn: p('regs.errDates'),
        };
        for (const ip of err.invalidParams) {
          const k = FIELD_OF[ip.name] ?? ip.name;
          next[k] ??= own[k] ?? ip.reason;
        }
        setErrors(next);
      }
      setError(errorText(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="policy-reg-form">
      <ErrorAlert>{error}</ErrorAlert>
      <div className="policy-grid">
        {!regulation && field('code', p('regs.code'))}
        {!regulation && field('district', p('regs.district'))}
        {!regulation && field('year', p('regs.year'), { inputMode: 'numeric' })}
        {field('title', p('regs.titleField'))}
        {MONEY_KEYS.map((k) => (
          <MoneyInput
            key={k}
            id={`${prefix}-${k}`}
            label={p(`regs.${k}`)}
            description={k === 'fourEyes' ? p('regs.fourEyesHint') : undefined}
            value={amounts[k].cents}
            error={errors[k]}
            required={!OPTIONAL_MONEY.has(k)}
            onChange={(cents, problem) => setAmounts({ ...amounts, [k]: { cents, problem } })}
          />
        ))}
        {field('term', p('regs.term'), { inputMode: 'numeric' })}
        {field('reportWeeks', p('regs.reportWeeks'), { inputMode: 'numeric' })}
        {field('opensOn', p('regs.opens'), { type: 'date' })}
        {field('closesOn', p('regs.closes'), { type: 'date' })}
        <SelectField
          id={`${prefix}-workflow`}
          label={p('regs.workflow')}
          value={form.workflow}
          onChange={set('workflow')}
          error={errors.workflow}
          options={[{ value: '', label: '–' }, ...workflows]}
        />
        <SupporterConfirmationField
          id={`${prefix}-supporters`}
          value={supporters}
          error={errors.supporters}
          onChange={setSupporters}
        />
      </div>
      {regulation && (
        <TextAreaField
          id={`${prefix}-comment`}
          label={q('prop.regulationComment')}
          value={form.comment}
          onChange={set('comment')}
          error={errors.comment}
          rows={2}
        />
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {regulation ? p('common.save') : p('regs.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** /beleid/regelingen — ceilings per district and year, maximum, threshold, dates, version. */
export function RegulationsAdminPage() {
  const { p, t, formatMoney, formatDate, locale } = usePolicyText();
  const { q } = useProposalText();
  const errorText = useErrorText();
  const regs = useLoad(() => policyApi.regulations(), []);
  const defs = useLoad(() => policyApi.definitions(), []);
  const [editing, setEditing] = useState<string | null>(null);
  // The form opens below the table: focus (and so scroll) to it, not left on the button.
  const editHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) editHeading.current?.focus();
  }, [editing]);
  const [notice, setNotice] = useState('');
  // A workflow by its name in the page's language: two workflows can both have a version 2.
  const workflowName = (key: string, version: number) => {
    const d = defs.data?.find((x) => x.key === key && x.version === version);
    return `${d?.title?.[locale] ?? d?.title?.nl ?? key} – ${p('common.version', { version })}`;
  };
  const workflows = (defs.data ?? [])
    .filter((d) => d.status === 'published')
    .map((d) => ({ value: `${d.key}@${d.version}`, label: workflowName(d.key, d.version) }));

  const done =
    (message: string) => async (r: Pick<PolicyRegulation, 'title'>, proposed?: boolean) => {
      setEditing(null);
      setNotice(
        proposed
          ? q('prop.regulationProposed', { name: r.title })
          : p(message === 'saved' ? 'regs.saved' : 'regs.created', { name: r.title }),
      );
      await regs.reload();
    };

  return (
    <>
      <PageHeading>{p('regs.title')}</PageHeading>
      <PolicyNav />
      <Paragraph>{p('regs.intro')}</Paragraph>
      <StatusMessage>{notice}</StatusMessage>
      <ErrorAlert>{regs.error ? errorText(regs.error) : ''}</ErrorAlert>
      {!regs.data ? (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      ) : (
        <div className="app-table-scroll">
          <Table className="app-table">
            <TableCaption>{p('regs.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{p('regs.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.district')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.year')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.ceiling')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.used')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.max')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.opens')}</TableHeaderCell>
                <TableHeaderCell scope="col">{p('regs.workflow')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="policy-visually-hidden">{p('common.save')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {regs.data.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row">
                    {r.title} ({r.open ? p('regs.open') : p('regs.closed')})
                  </TableHeaderCell>
                  <TableCell>{r.district}</TableCell>
                  <TableCell>{r.year}</TableCell>
                  <TableCell className="app-num">{formatMoney(r.ceilingCents)}</TableCell>
                  <TableCell className="app-num">
                    {formatMoney(r.budget.reservedCents + r.budget.committedCents)}
                  </TableCell>
                  <TableCell className="app-num">{formatMoney(r.maxAmountCents)}</TableCell>
                  <TableCell>
                    {formatDate(r.opensOn)} – {formatDate(r.closesOn)}
                  </TableCell>
                  <TableCell>{workflowName(r.workflow.key, r.workflow.version)}</TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle-button"
                      aria-expanded={editing === r.id}
                      onClick={() => setEditing(editing === r.id ? null : r.id)}
                    >
                      {p('regs.edit', { name: r.title })}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && regs.data?.find((r) => r.id === editing) && (
        <section aria-labelledby="reg-edit-title">
          <Heading2 id="reg-edit-title" ref={editHeading} tabIndex={-1}>
            {p('regs.edit', { name: regs.data.find((r) => r.id === editing)!.title })}
          </Heading2>
          <RegulationForm
            key={editing}
            regulation={regs.data.find((r) => r.id === editing)}
            workflows={workflows}
            onDone={(r, proposed) => void done('saved')(r, proposed)}
          />
        </section>
      )}
      <ProposalsPanel key={notice} kind="change_regulation" onChange={() => void regs.reload()} />
      <section aria-labelledby="reg-new-heading">
        <Heading2 id="reg-new-heading">{p('regs.new')}</Heading2>
        {defs.data && (
          <RegulationForm workflows={workflows} onDone={(r) => void done('created')(r)} />
        )}
      </section>
    </>
  );
}
