import { Heading4, Paragraph } from '@utrecht/component-library-react';
import { ErrorAlert, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { DiffSummary } from './diff-summary';
import { type DefinitionSummary, policyApi } from './policy-api';
import { usePolicyText } from './policy-messages';
import { previousVersionOf } from './previous-version';
import { useProposalText } from './proposal-messages';

/**
 * What publishing a proposed version changes, as its proposer saw it before proposing ("Publiceren:
 * wat verandert er?"): the same diff against the same previous version, so the second policy
 * officer approves what they have read. `definitions` is undefined while the list still loads.
 */
export function ProposalChanges({
  definitionKey: key,
  version,
  definitions,
  id,
}: {
  definitionKey: string;
  version: number;
  definitions: DefinitionSummary[] | undefined;
  /** The id its heading gets, to name the section. */
  id: string;
}) {
  const { p } = usePolicyText();
  const { q } = useProposalText();
  const errorText = useErrorText();
  const previous = definitions ? previousVersionOf(definitions, key, version) : undefined;
  const changes = useLoad(async () => {
    if (previous === undefined) return null;
    const [proposed, before, diff] = await Promise.all([
      policyApi.definition(key, version),
      previous ? policyApi.definition(key, previous) : null,
      previous ? policyApi.diff(key, previous, version) : null,
    ]);
    return { def: proposed.definition, before: before?.definition, diff };
  }, [key, version, previous]);
  const shown = changes.data;
  return (
    <section aria-labelledby={id} className="policy-proposal__changes">
      <Heading4 id={id}>{p('editor.publishTitle')}</Heading4>
      <ErrorAlert>{changes.error ? errorText(changes.error) : ''}</ErrorAlert>
      {!shown ? (
        !changes.error && <Paragraph>{q('prop.changesLoading')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {previous
              ? p('editor.publishAgainst', { version: previous })
              : p('editor.publishFirst')}
          </Paragraph>
          {shown.diff && <DiffSummary diff={shown.diff} def={shown.def} before={shown.before} />}
        </>
      )}
    </section>
  );
}
