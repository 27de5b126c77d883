/**
 * The definition editor page: a draft's text and forms side by side with its problems, its
 * diagram and the simulator, and the buttons to save, publish, discard, retire or start a new
 * draft (their state and actions are in use-definition-editor.ts).
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  Textarea,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { ConfirmingButton } from '../components/confirming-button';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { DefinitionForms, focusPath, pathId } from './definition-forms';
import { DiffSummary } from './diff-summary';
import { CompareWithTheirs, SaveConflictDialog, useConflictText } from './draft-conflict';
import { InvalidBoxesContext } from './editor-number';
import { problemSentence } from './editor-problems';
import { type DefinitionDetail, policyApi } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { useProposalText } from './proposal-messages';
import { ProposePublish } from './proposals';
import { useSay } from './said';
import { Simulator } from './simulator';
import { Statechart } from './statechart';
import { useDefinitionEditor } from './use-definition-editor';
import './policy.css';

function Editor({
  detail,
  onReload,
}: {
  detail: DefinitionDetail;
  onReload(d?: DefinitionDetail): void;
}) {
  const { p, pn, locale, formatDateTime } = usePolicyText();
  const { c } = useConflictText();
  const { q } = useProposalText();
  const { me } = useSession();
  const say = useSay();
  const { key, version, status } = detail;
  const {
    boxes,
    readOnly,
    frozen,
    proposal,
    proposed,
    withdrawProposal,
    text,
    behind,
    setText,
    showText,
    parsed,
    lastGood,
    settled,
    problems,
    valid,
    dirty,
    notice,
    error,
    publishing,
    setPublishing,
    busy,
    conflict,
    theirs,
    update,
    previousVersion,
    previousDef,
    save,
    loadTheirs,
    keepMine,
    preparePublish,
    discard,
    retire,
    newDraft,
  } = useDefinitionEditor(detail, onReload);
  // Opened by keyboard, the publish panel takes focus: the button is disabled while it loads.
  const publishHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (publishing) publishHeading.current?.focus();
  }, [publishing]);

  const name = detail.title?.[locale] ?? key;
  return (
    <>
      <PageHeading>{p('editor.title', { name, version })}</PageHeading>
      <PolicyNav />
      <Paragraph>
        <strong>{p(`common.status.${status}` as PolicyMessageKey)}</strong>
        {' · '}
        <AppLink href="/beleid">{p('defs.title')}</AppLink>
        {' · '}
        <AppLink href={`/beleid/werkprocessen/${key}/migratie`}>{p('defs.migrate')}</AppLink>
      </Paragraph>
      {frozen && proposal && (
        <Alert type="info">
          <Paragraph>
            <strong>{q('prop.frozen')}</strong>
          </Paragraph>
          <Paragraph>
            {proposal.proposedBy.id === me?.id
              ? q('prop.frozenOwn', { date: formatDateTime(proposal.proposedAt) })
              : q('prop.frozenBy', {
                  name: proposal.proposedBy.name,
                  date: formatDateTime(proposal.proposedAt),
                })}
          </Paragraph>
          {proposal.proposedBy.id === me?.id && (
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                onClick={withdrawProposal}
                disabled={busy}
              >
                {q('prop.withdrawToEdit')}
              </Button>
            </ButtonGroup>
          )}
        </Alert>
      )}
      {readOnly && !frozen && (
        <Alert type="info">
          <Paragraph>
            {p('editor.readOnly', {
              status: p(`common.status.${status}` as PolicyMessageKey).toLowerCase(),
            })}
          </Paragraph>
        </Alert>
      )}
      <ErrorAlert>{say(error)}</ErrorAlert>
      <StatusMessage>{say(notice)}</StatusMessage>

      <ButtonGroup>
        {!readOnly && (
          <>
            <Button appearance="primary-action-button" onClick={save} disabled={busy || !parsed.ok}>
              {theirs
                ? c('compare.save', { name: theirs.savedBy?.name ?? c('conflict.someone') })
                : p('editor.save')}
            </Button>
            <Button appearance="secondary-action-button" onClick={preparePublish} disabled={busy}>
              {p('editor.publish')}
            </Button>
            <ConfirmingButton
              question={p('editor.discardQuestion', { version })}
              onConfirm={discard}
              disabled={busy}
            >
              {p('editor.discard')}
            </ConfirmingButton>
          </>
        )}
        {readOnly && !frozen && (
          <Button appearance="primary-action-button" onClick={newDraft} disabled={busy}>
            {p('defs.newDraft', { version })}
          </Button>
        )}
        {status === 'published' && (
          <ConfirmingButton
            question={p('editor.retireQuestion', { version })}
            onConfirm={retire}
            disabled={busy}
          >
            {p('editor.retire')}
          </ConfirmingButton>
        )}
      </ButtonGroup>
      {dirty && !readOnly && (
        <Paragraph className="policy-unsaved">{p('editor.unsaved')}</Paragraph>
      )}

      {conflict && (
        <SaveConflictDialog
          conflict={conflict}
          busy={busy}
          onReload={loadTheirs}
          onKeep={keepMine}
        />
      )}
      {theirs && !readOnly && (
        <CompareWithTheirs mine={lastGood} theirs={theirs} onReload={loadTheirs} />
      )}

      {publishing && (
        <section aria-labelledby="publish-title" className="policy-publish">
          <Heading2 id="publish-title" ref={publishHeading} tabIndex={-1}>
            {p('editor.publishTitle')}
          </Heading2>
          <Paragraph>
            {publishing.previous
              ? p('editor.publishAgainst', { version: publishing.previous })
              : p('editor.publishFirst')}
          </Paragraph>
          <Paragraph>{p('editor.publishWhatNext')}</Paragraph>
          {publishing.diff && (
            <DiffSummary
              diff={publishing.diff}
              def={lastGood}
              before={previousDef.data?.definition}
            />
          )}
          <ProposePublish
            definitionKey={key}
            version={version}
            onCancel={() => setPublishing(null)}
            onProposed={proposed}
          />
        </section>
      )}

      <section aria-labelledby="problems-title" className="policy-problems">
        <Heading2 id="problems-title">{p('editor.problems')}</Heading2>
        <div role="status" aria-live="polite">
          {!parsed.ok ? (
            <Paragraph>{p('editor.jsonInvalid', { message: parsed.message })}</Paragraph>
          ) : problems.length === 0 ? (
            <Paragraph>
              {/* Only a draft can still be published; a published or retired one says what it is. */}
              {p(status === 'draft' ? 'editor.problemsOk' : `editor.problemsOk.${status}`)}
            </Paragraph>
          ) : (
            <Paragraph>{pn('editor.problemsCount', problems.length)}</Paragraph>
          )}
        </div>
        {parsed.ok && problems.length > 0 && (
          <UnorderedList>
            {problems.map((pr) => (
              <UnorderedListItem key={`${pr.path}:${pr.code}:${pr.message}`}>
                <Link
                  href={`#${pathId(pr.path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusPath(pr.path);
                  }}
                >
                  {problemSentence(pr, settled, locale)}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>

      <section aria-labelledby="diagram-title">
        <Heading2 id="diagram-title">{p('diagram.title')}</Heading2>
        {previousDef.data && (
          <Paragraph>{p('diagram.compared', { version: previousVersion ?? '' })}</Paragraph>
        )}
        <Statechart definition={settled} before={previousDef.data?.definition} />
      </section>

      <div className="policy-editor">
        <div className="policy-editor__forms">
          <fieldset disabled={readOnly} className="policy-plain-fieldset">
            <legend className="policy-visually-hidden">{p('editor.forms')}</legend>
            <InvalidBoxesContext.Provider value={boxes}>
              <DefinitionForms def={lastGood} update={update} problems={problems} />
            </InvalidBoxesContext.Provider>
          </fieldset>
        </div>
        <div className="policy-editor__json">
          <Heading2 id="json-title">{p('editor.json')}</Heading2>
          <label htmlFor="def-json" className="utrecht-form-label">
            {p('editor.jsonLabel')}
          </label>
          <Paragraph id="def-json-hint" className="policy-hint">
            {p('editor.jsonHint')}
          </Paragraph>
          {/* While typing in the forms goes on, the text follows when it pauses (writing 93 kB
              into the box on every key was the keystroke's largest cost); focused, at once.
              `data-pending` says it is behind. */}
          <Textarea
            id="def-json"
            aria-describedby="def-json-hint"
            spellCheck={false}
            readOnly={readOnly}
            value={text}
            invalid={!parsed.ok}
            onFocus={behind ? showText : undefined}
            onChange={(e) => setText(e.target.value)}
            data-pending={behind ? 'true' : undefined}
            className="policy-json"
          />
        </div>
      </div>

      {valid ? (
        <Simulator definition={settled as WorkflowDefinition} />
      ) : (
        <section aria-labelledby="sim-title">
          <Heading2 id="sim-title">{p('sim.title')}</Heading2>
          <Paragraph>{p('sim.invalid')}</Paragraph>
        </section>
      )}
    </>
  );
}

/** /beleid/werkprocessen/:key/:version — edit a draft, or read a published version. */
export function DefinitionEditorPage({
  workflowKey,
  version,
}: {
  workflowKey: string;
  version: number;
}) {
  const { t } = usePolicyText();
  const errorText = useErrorText();
  const loaded = useLoad(() => policyApi.definition(workflowKey, version), [workflowKey, version]);
  if (loaded.error) return <ErrorAlert>{errorText(loaded.error)}</ErrorAlert>;
  if (!loaded.data) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  return (
    <Editor
      key={`${loaded.data.key}@${loaded.data.version}`}
      detail={loaded.data}
      onReload={(d) => (d ? loaded.setData(d) : void loaded.reload())}
    />
  );
}
