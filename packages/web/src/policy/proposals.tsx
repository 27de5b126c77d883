import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, StatusMessage, TextAreaField, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useSession } from '../session/session';
import { type DefinitionSummary, type Proposal, policyApi } from './policy-api';
import { usePolicyText } from './policy-messages';
import { ProposalChanges } from './proposal-changes';
import { proposalLines } from './proposal-lines';
import { useProposalText } from './proposal-messages';

type Text = ReturnType<typeof useProposalText>;

/** The proposal in words: what would change. */
function describe(p: Proposal, text: Text, definitions: DefinitionSummary[]): string {
  const { q, locale } = text;
  if (p.definition) {
    const def = definitions.find((d) => d.key === p.definition!.key);
    return q('prop.publish', {
      version: p.definition.version,
      name: def?.title?.[locale] ?? p.definition.key,
    });
  }
  const name = p.regulation?.title ?? '';
  return q(p.kind === 'open_regulation' ? 'prop.open' : 'prop.regulation', { name });
}

function OpenProposal({
  proposal,
  definitions,
  onDone,
}: {
  proposal: Proposal;
  /** Undefined while the list still loads. */
  definitions: DefinitionSummary[] | undefined;
  onDone(message: string): void;
}) {
  const text = useProposalText();
  const { q, formatDateTime } = text;
  const errorText = useErrorText();
  const { me } = useSession();
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const what = describe(proposal, text, definitions ?? []);
  const lines = proposalLines(proposal, text, definitions ?? []);
  const own = me?.id === proposal.proposedBy.id;
  const id = `proposal-${proposal.id}`;

  const act = (how: 'approve' | 'reject' | 'withdraw') => async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError('');
    try {
      if (how === 'approve') await policyApi.approveProposal(proposal.id, comment);
      else if (how === 'reject') await policyApi.rejectProposal(proposal.id, comment);
      else await policyApi.withdrawProposal(proposal.id);
      const done = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' } as const;
      onDone(q(`prop.${done[how]}`, { what }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby={`${id}-title`} className="policy-proposal">
      <Heading3 id={`${id}-title`}>{what}</Heading3>
      <Paragraph>
        {q('prop.by', {
          name: proposal.proposedBy.name,
          date: formatDateTime(proposal.proposedAt),
        })}
      </Paragraph>
      <Paragraph>{q('prop.comment', { comment: proposal.comment })}</Paragraph>
      {proposal.definition && (
        <ProposalChanges
          definitionKey={proposal.definition.key}
          version={proposal.definition.version}
          definitions={definitions}
          id={`${id}-changes`}
        />
      )}
      {lines.length > 0 && (
        <UnorderedList>
          {lines.map((l) => (
            <UnorderedListItem key={l}>{l}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <ErrorAlert>{error}</ErrorAlert>
      {own ? (
        <>
          <Paragraph>{q('prop.own')}</Paragraph>
          <Button appearance="subtle-button" disabled={busy} onClick={() => void act('withdraw')()}>
            {q('prop.withdraw', { what })}
          </Button>
        </>
      ) : (
        <form onSubmit={(e) => void act('approve')(e)}>
          <TextAreaField
            id={`${id}-comment`}
            label={q('prop.decisionComment')}
            value={comment}
            onChange={setComment}
            rows={2}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {q('prop.approve', { what })}
            </Button>
            <Button
              appearance="secondary-action-button"
              disabled={busy}
              onClick={() => void act('reject')()}
            >
              {q('prop.reject', { what })}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </article>
  );
}

/**
 * Four eyes on the rules: the proposals waiting for a second policy officer, with what they
 * change (a workflow version's full list of changes, as its proposer saw it), approve and reject
 * (or withdraw for one's own), and the decided ones with who proposed and who decided.
 */
export function ProposalsPanel({
  kind,
  onChange,
}: {
  /** Only proposals of this kind (or these kinds). */
  kind?: Proposal['kind'] | Proposal['kind'][];
  /** Called after a proposal was decided, so the page can reload what it shows. */
  onChange?(): void;
}) {
  const text = useProposalText();
  const { q, formatDateTime } = text;
  const errorText = useErrorText();
  const list = useLoad(() => policyApi.proposals(), []);
  const defs = useLoad(() => policyApi.definitions(), []);
  const [notice, setNotice] = useState('');
  const kinds = kind === undefined ? undefined : ([] as Proposal['kind'][]).concat(kind);
  const items = (list.data ?? []).filter((p) => !kinds || kinds.includes(p.kind));
  const open = items.filter((p) => p.status === 'open');
  const decided = items.filter((p) => p.status !== 'open').slice(0, 10);
  const definitions = defs.data ?? [];

  const done = async (message: string) => {
    setNotice(message);
    await list.reload();
    onChange?.();
  };

  return (
    <section aria-labelledby="proposals-title" className="policy-proposals">
      <Heading2 id="proposals-title">{q('prop.title')}</Heading2>
      <Paragraph>{q('prop.intro')}</Paragraph>
      <StatusMessage>{notice}</StatusMessage>
      <ErrorAlert>{list.error ? errorText(list.error) : ''}</ErrorAlert>
      {list.data && open.length === 0 && <Paragraph>{q('prop.none')}</Paragraph>}
      {open.map((p) => (
        <OpenProposal
          key={p.id}
          proposal={p}
          definitions={defs.data}
          onDone={(m) => void done(m)}
        />
      ))}
      {decided.length > 0 && (
        <>
          <Heading3>{q('prop.history')}</Heading3>
          <div className="app-table-scroll">
            <Table className="app-table">
              <TableCaption>{q('prop.historyCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{q('prop.col.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{q('prop.col.proposed')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{q('prop.col.decided')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{q('prop.col.outcome')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {decided.map((p) => (
                  <TableRow key={p.id}>
                    <TableHeaderCell scope="row">{describe(p, text, definitions)}</TableHeaderCell>
                    <TableCell>
                      {p.proposedBy.name}, {formatDateTime(p.proposedAt)}: “{p.comment}”
                    </TableCell>
                    <TableCell>
                      {p.decidedBy
                        ? `${p.decidedBy.name}, ${formatDateTime(p.decidedAt)}${p.decisionComment ? `: “${p.decisionComment}”` : ''}`
                        : '–'}
                    </TableCell>
                    <TableCell>{q(`prop.status.${p.status}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** The first pair of eyes: propose publishing a draft, saying why. */
export function ProposePublish({
  definitionKey,
  version,
  onProposed,
  onCancel,
}: {
  definitionKey: string;
  version: number;
  onProposed(message: string): void;
  onCancel(): void;
}) {
  const { q } = useProposalText();
  const { p } = usePolicyText();
  const errorText = useErrorText();
  const [comment, setComment] = useState('');
  // The refusal itself, put in words when shown: in the language the page is in then.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await policyApi.publish(definitionKey, version, comment);
      onProposed(q('prop.proposed', { version }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorAlert>{error ? errorText(error) : ''}</ErrorAlert>
      <TextAreaField
        id="propose-publish-comment"
        label={q('prop.proposeLabel')}
        value={comment}
        onChange={setComment}
        required
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {q('prop.proposeButton', { version })}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {p('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
