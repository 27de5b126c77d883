import type { WorkflowDefinition } from '@initiatief/engine';
import {
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { EnteredLineText } from '../components/entered-line';
import { StateBadge } from '../components/state-badge';
import { ErrorAlert, PageHeading, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { enteredSummary } from '../forms/definition-text';
import { loadDefinition, useVocabulary } from '../forms/definitions';
import { useQueueText } from '../pages/queue-messages';
import { AppLink } from '../router/router';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

type Ref = { key: string; version: number };

/** The definitions the listed applications are pinned to, by `key@version`. */
async function definitionsOf(refs: Ref[]): Promise<Map<string, WorkflowDefinition>> {
  const ids = [...new Set(refs.map((r) => `${r.key}@${r.version}`))];
  const out = new Map<string, WorkflowDefinition>();
  await Promise.all(
    ids.map(async (id) => {
      const [key, version] = id.split('@') as [string, string];
      // Without its definition a row still shows; only its proposal is left out.
      const def = await loadDefinition({ key, version: Number(version) }).catch(() => undefined);
      if (def) out.set(id, def);
    }),
  );
  return out;
}

/** The approver's queue: proposals that wait for a decision, earliest legal deadline first. */
export function ApprovalsPage() {
  const { d, t, locale, formatDate, formatMoney } = useDeskText();
  const { tn } = useQueueText();
  const errorText = useErrorText();
  const { vocabulary } = useVocabulary();
  const list = useLoad(async () => {
    const page = await deskApi.approvals();
    return { ...page, definitions: await definitionsOf(page.items.map((a) => a.definition)) };
  }, []);
  const items = list.data?.items ?? [];
  /** What the assessor proposed, labelled by the definition the application is pinned to. */
  const proposalOf = (a: (typeof items)[number]) => {
    const def = list.data?.definitions.get(`${a.definition.key}@${a.definition.version}`);
    if (!a.proposal || !def) return [];
    return enteredSummary(def, a.proposal.event, a.proposal.payload, locale, formatMoney);
  };
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
                <TableHeaderCell scope="col">{d('approvals.proposal')}</TableHeaderCell>
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
                  <TableCell>
                    {(() => {
                      const lines = proposalOf(a);
                      if (lines.length === 0) return '–';
                      return lines.map((line) => (
                        <span key={line.name} className="app-block">
                          <EnteredLineText line={line} />
                        </span>
                      ));
                    })()}
                  </TableCell>
                  {/* Who proposed it (four-eyes), not whoever holds the case now. */}
                  <TableCell>{a.proposal?.actorName ?? a.assignee?.name ?? '–'}</TableCell>
                  <TableCell>
                    {/* A settlement proposal owes no decision on the application: no date. */}
                    {a.awaitingDecision && a.decisionDueOn ? formatDate(a.decisionDueOn) : '–'}
                    {a.awaitingDecision && a.decisionDueOn && a.overdue && (
                      <span className="app-block app-overdue">
                        {tn('queue.daysOverdue', -(a.daysLeft ?? 0))}
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </>
  );
}
