import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { DateInput, type DateProblem } from '../components/date-input';
import type { MoneyParse } from '../components/money';
import { MoneyInput } from '../components/money-input';
import { ErrorAlert, SelectField, TextAreaField, TextField } from '../components/ui';
import { type PolicyRegulation, policyApi, type RegulationInput } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { useProposalText } from './proposal-messages';
import { splitRefusal } from './refusal-said';
import { type SupporterConfirmation, SupporterConfirmationField } from './regulation-supporters';
import { type Said, useSay } from './said';

// The form of a regulation on /beleid/regelingen (regulations-admin-page.tsx): a new one, whose
// opening a second policy officer approves; one that is not open yet (its opening rejected or
// withdrawn), changed and proposed again; or an approved one, whose workflow, ceiling, maximum
// or four-eyes amount change as a proposal.

/** What became of the form: created (waits), saved, proposed as a change, or proposed again. */
export type RegulationOutcome = 'created' | 'saved' | 'proposed' | 'reproposed';

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

const DATE_KEYS = ['opensOn', 'closesOn'] as const;
type DateKey = (typeof DATE_KEYS)[number];

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

/** The fields the form shows, by the keys of FIELD_OF's answers. */
const SHOWN: ReadonlySet<string> = new Set([...Object.keys(toForm()), ...MONEY_KEYS, 'supporters']);

/** A refusal of a field the form words itself, in both languages (the API's is in one). */
const OWN: Partial<Record<string, PolicyMessageKey>> = {
  workflow: 'regs.errWorkflow',
  term: 'regs.errTerm',
  reportWeeks: 'regs.errReport',
  closesOn: 'regs.errDates',
  max: 'regs.errMaxOverCeiling',
  ceiling: 'regs.errCeilingUsed',
};

/**
 * A field's mistake: said (worded when drawn, so it follows a switch of language), or a reason
 * of the API the form cannot word, as the API gave it.
 */
type FieldError = Said | { given: string };

/** What the API refused, at the fields it names, and what the alert above the form says. */
function refusal(
  err: unknown,
  creating: boolean,
): { fields: Record<string, FieldError>; alert: Said } {
  const fieldOf = (name: string) => FIELD_OF[name] ?? name;
  const { rest, fields } = splitRefusal(err, (name) => {
    const key = OWN[fieldOf(name)];
    return key ? { policy: key } : null;
  });
  const out: Record<string, FieldError> = {};
  for (const f of fields) out[fieldOf(f.name)] ??= f.said;
  const left = rest instanceof ApiError ? rest.invalidParams : [];
  for (const ip of left) out[fieldOf(ip.name)] ??= { given: ip.reason };
  // The one conflict of a new regulation: its code is taken.
  if (creating && err instanceof ApiError && err.code === 'conflict' && left.length === 0)
    out.code = { policy: 'regs.errCodeTaken' };
  const marked = Object.keys(out).length > 0 && left.every((ip) => SHOWN.has(fieldOf(ip.name)));
  return { fields: out, alert: marked ? { policy: 'regs.fixFields' } : { error: rest } };
}

export function RegulationForm({
  regulation,
  workflows,
  onDone,
}: {
  regulation?: PolicyRegulation;
  workflows: { value: string; label: string }[];
  onDone(r: Pick<PolicyRegulation, 'title'>, outcome: RegulationOutcome): void;
}) {
  const { p } = usePolicyText();
  const { q } = useProposalText();
  const say = useSay();
  const [form, setForm] = useState<Form>(() => toForm(regulation));
  const [amounts, setAmounts] = useState<Amounts>(() => toAmounts(regulation));
  const [supporters, setSupporters] = useState<SupporterConfirmation>(
    regulation?.supporterConfirmation ?? 'digid_or_code',
  );
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [error, setError] = useState<Said | null>(null);
  const fieldError = (k: string): string | undefined => {
    const e = errors[k];
    return (e && 'given' in e ? e.given : say(e)) || undefined;
  };
  const prefix = regulation ? `reg-${regulation.id}` : 'reg-new';
  // Not open yet (its opening rejected or withdrawn): saved, then proposed again with the comment.
  const closed = regulation !== undefined && regulation.approvedAt === null;
  const needsComment = !regulation || closed;
  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v });
  // What the opening and closing dates' boxes make no date of, until mended.
  const [dateProblems, setDateProblems] = useState<Partial<Record<DateKey, DateProblem | null>>>(
    {},
  );
  const dateField = (k: DateKey, label: string) => (
    <DateInput
      id={`${prefix}-${k}`}
      label={label}
      value={form[k] || null}
      error={fieldError(k)}
      required
      onChange={(date) => setForm((f) => ({ ...f, [k]: date ?? '' }))}
      onProblem={(problem) => setDateProblems((ps) => ({ ...ps, [k]: problem }))}
    />
  );
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
      error={fieldError(k)}
      {...extra}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setErrors({});
    const unread: Record<string, Said> = {};
    for (const k of MONEY_KEYS) {
      const a = amounts[k];
      if (a.cents === null && OPTIONAL_MONEY.has(k) && !a.problem) continue;
      if (a.cents === null)
        unread[k] =
          a.problem && !a.problem.ok
            ? { both: a.problem.message }
            : { policy: 'regs.amountMissing' };
    }
    // Every mistake at once, each said as what to do.
    if (!form.workflow) unread.workflow = { policy: 'regs.errWorkflow' };
    if (!/^\d+$/.test(form.term.trim()) || Number(form.term) < 1)
      unread.term = { policy: 'regs.errTerm' };
    if (!/^\d+$/.test(form.reportWeeks.trim()) || Number(form.reportWeeks) < 1)
      unread.reportWeeks = { policy: 'regs.errReport' };
    if (form.opensOn && form.closesOn && form.closesOn <= form.opensOn)
      unread.closesOn = { policy: 'regs.errDates' };
    for (const k of DATE_KEYS) {
      const problem = dateProblems[k];
      if (problem) unread[k] = { both: problem.message };
    }
    if (needsComment && !form.comment.trim()) unread.comment = { proposal: 'prop.commentNeeded' };
    if (Object.keys(unread).length > 0) {
      setErrors(unread);
      setError({
        policy: Object.keys(unread).every((k) => (MONEY_KEYS as readonly string[]).includes(k))
          ? 'regs.fixAmounts'
          : 'regs.fixFields',
      });
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
    const comment = form.comment.trim() || undefined;
    try {
      if (!regulation) {
        // Created closed: the proposal to open it waits for a second officer.
        const created = await policyApi.createRegulation({
          ...input,
          code: form.code,
          district: form.district,
          year: Number(form.year),
          comment,
        });
        onDone(created, 'created');
      } else if (closed) {
        const saved = await policyApi.updateRegulation(regulation.id, input);
        await policyApi.proposeOpening(regulation.id, comment ?? '');
        onDone('proposal' in saved ? regulation : saved, 'reproposed');
      } else {
        const saved = await policyApi.updateRegulation(regulation.id, { ...input, comment });
        // A change of workflow, ceiling, maximum or four-eyes amount waits for a second officer.
        if ('proposal' in saved) onDone(regulation, 'proposed');
        else onDone(saved, 'saved');
      }
    } catch (err) {
      const refused = refusal(err, !regulation);
      setErrors(refused.fields);
      setError(refused.alert);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="policy-reg-form">
      <ErrorAlert>{say(error)}</ErrorAlert>
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
            error={fieldError(k)}
            required={!OPTIONAL_MONEY.has(k)}
            onChange={(cents, problem) => setAmounts({ ...amounts, [k]: { cents, problem } })}
          />
        ))}
        {field('term', p('regs.term'), { inputMode: 'numeric' })}
        {field('reportWeeks', p('regs.reportWeeks'), { inputMode: 'numeric' })}
        {dateField('opensOn', p('regs.opens'))}
        {dateField('closesOn', p('regs.closes'))}
        <SelectField
          id={`${prefix}-workflow`}
          label={p('regs.workflow')}
          value={form.workflow}
          onChange={set('workflow')}
          error={fieldError('workflow')}
          options={[{ value: '', label: '–' }, ...workflows]}
        />
        <SupporterConfirmationField
          id={`${prefix}-supporters`}
          value={supporters}
          error={fieldError('supporters')}
          onChange={setSupporters}
        />
      </div>
      <TextAreaField
        id={`${prefix}-comment`}
        label={q(
          !regulation
            ? 'prop.openComment'
            : closed
              ? 'prop.reopenComment'
              : 'prop.regulationComment',
        )}
        value={form.comment}
        onChange={set('comment')}
        error={fieldError('comment')}
        required={needsComment}
        rows={2}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {!regulation ? p('regs.create') : closed ? q('prop.reopenButton') : p('common.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
