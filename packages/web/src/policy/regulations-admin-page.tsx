import {
  Button,
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
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { type PolicyRegulation, policyApi } from './policy-api';
import { usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { useProposalText } from './proposal-messages';
import { ProposalsPanel } from './proposals';
import { RegulationForm, type RegulationOutcome } from './regulation-form';
import { type Said, useSay } from './said';
import './policy.css';

/** Whether a regulation waits for a second officer to approve opening it. */
const waiting = (r: PolicyRegulation) => r.approvedAt === null && r.opening?.status === 'open';

/** A new regulation that is not open yet and not waiting: why, and what to do. */
function ClosedNote({ regulation: r }: { regulation: PolicyRegulation }) {
  const { q } = useProposalText();
  if (r.approvedAt !== null || !r.opening || r.opening.status === 'open') return null;
  return (
    <>
      <Paragraph>
        {r.opening.status === 'rejected'
          ? q('prop.reg.rejectedBy', {
              name: r.opening.decidedBy?.name ?? '',
              comment: r.opening.decisionComment ?? '',
            })
          : q('prop.reg.withdrawnNote')}
      </Paragraph>
      <Paragraph>{q('prop.reg.again')}</Paragraph>
    </>
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
  // What became of the form, worded when drawn (it follows a switch of language); `round`
  // counts the forms sent, so the new-regulation form and the proposals start afresh after each.
  const say = useSay();
  const [notice, setNotice] = useState<Said | null>(null);
  const [round, setRound] = useState(0);
  // A workflow by its name in the page's language: two workflows can both have a version 2.
  const workflowName = (key: string, version: number) => {
    const d = defs.data?.find((x) => x.key === key && x.version === version);
    return `${d?.title?.[locale] ?? d?.title?.nl ?? key} – ${p('common.version', { version })}`;
  };
  const workflows = (defs.data ?? [])
    .filter((d) => d.status === 'published')
    .map((d) => ({ value: `${d.key}@${d.version}`, label: workflowName(d.key, d.version) }));

  // Open, closed by its dates, or (new) waiting for a second officer, rejected or withdrawn.
  const status = (r: PolicyRegulation) => {
    if (r.approvedAt !== null) return r.open ? p('regs.open') : p('regs.closed');
    const s = r.opening?.status;
    return q(
      s === 'open'
        ? 'prop.reg.waiting'
        : s === 'rejected'
          ? 'prop.reg.rejected'
          : s === 'withdrawn'
            ? 'prop.reg.withdrawn'
            : 'prop.reg.notApproved',
    );
  };

  const done = async (r: Pick<PolicyRegulation, 'title'>, outcome: RegulationOutcome) => {
    setEditing(null);
    const vars = { name: r.title };
    const said: Record<RegulationOutcome, Said> = {
      created: { proposal: 'prop.openProposed', vars },
      saved: { policy: 'regs.saved', vars },
      proposed: { proposal: 'prop.regulationProposed', vars },
      reproposed: { proposal: 'prop.reopenProposed', vars },
    };
    setNotice(said[outcome]);
    setRound((n) => n + 1);
    await regs.reload();
  };

  return (
    <>
      <PageHeading>{p('regs.title')}</PageHeading>
      <PolicyNav />
      <Paragraph>{p('regs.intro')}</Paragraph>
      <StatusMessage>{say(notice)}</StatusMessage>
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
                    {r.title} ({status(r)})
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
                    {/* Waiting, it is frozen: what the second officer approves is what was proposed. */}
                    {!waiting(r) && (
                      <Button
                        appearance="subtle-button"
                        aria-expanded={editing === r.id}
                        onClick={() => setEditing(editing === r.id ? null : r.id)}
                      >
                        {p('regs.edit', { name: r.title })}
                      </Button>
                    )}
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
          <ClosedNote regulation={regs.data.find((r) => r.id === editing)!} />
          <RegulationForm
            key={editing}
            regulation={regs.data.find((r) => r.id === editing)}
            workflows={workflows}
            onDone={(r, outcome) => void done(r, outcome)}
          />
        </section>
      )}
      <ProposalsPanel
        key={round}
        kind={['open_regulation', 'change_regulation']}
        onChange={() => void regs.reload()}
      />
      <section aria-labelledby="reg-new-heading">
        <Heading2 id="reg-new-heading">{p('regs.new')}</Heading2>
        {defs.data && (
          <RegulationForm
            key={round}
            workflows={workflows}
            onDone={(r, outcome) => void done(r, outcome)}
          />
        )}
      </section>
    </>
  );
}
