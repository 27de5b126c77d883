import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
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
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink, useLeaveGuard, useRouter } from '../router/router';
import { DefinitionForms, focusPath, pathId } from './definition-forms';
import { DiffSummary } from './diff-summary';
import {
  CompareWithTheirs,
  conflictOf,
  type SaveConflict,
  SaveConflictDialog,
  useConflictText,
} from './draft-conflict';
import { problemSentence } from './editor-problems';
import {
  type DefinitionDetail,
  type DefinitionDiff,
  type DefinitionJson,
  type DefinitionProblem,
  policyApi,
} from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { ProposePublish } from './proposals';
import { Simulator } from './simulator';
import { Statechart } from './statechart';
import './policy.css';

/** The engine's check plus the row's key and version, as the server does on save. */
function check(key: string, version: number, json: unknown): DefinitionProblem[] {
  const problems = [...validateDefinition(json).problems];
  const d = json as { key?: unknown; version?: unknown };
  if (d?.key !== key)
    problems.push({ path: 'key', code: 'key_mismatch', message: `key must be ${key}` });
  if (d?.version !== version)
    problems.push({
      path: 'version',
      code: 'version_mismatch',
      message: `version must be ${version}`,
    });
  return problems;
}

function Editor({
  detail,
  onReload,
}: {
  detail: DefinitionDetail;
  onReload(d?: DefinitionDetail): void;
}) {
  const { p, pn, locale, formatTime } = usePolicyText();
  const errorText = useErrorText();
  const { navigate } = useRouter();
  const { key, version, status } = detail;
  const readOnly = status !== 'draft';
  const [text, setText] = useState(() => JSON.stringify(detail.definition, null, 2));
  const [savedText, setSavedText] = useState(text);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [publishing, setPublishing] = useState<{
    diff: DefinitionDiff | null;
    previous: number | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useLoad(() => policyApi.definitions(), [key, version, status]);

  // The definition as the forms last wrote it, with its text: each change of a form applies to
  // this one, never to a state a render behind (fast typing would lose keystrokes), and the text
  // it wrote is not parsed back.
  const latest = useRef<{ text: string; def: DefinitionJson }>({ text, def: detail.definition });
  const parsed = useMemo(() => {
    if (latest.current.text === text) return { ok: true as const, value: latest.current.def };
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch (err) {
      return { ok: false as const, message: (err as Error).message };
    }
  }, [text]);
  const [lastGood, setLastGood] = useState<DefinitionJson>(detail.definition);
  useEffect(() => {
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value) {
      latest.current = { text, def: parsed.value as DefinitionJson };
      setLastGood(parsed.value as DefinitionJson);
    }
  }, [parsed, text]);
  // Checking the whole definition, drawing the diagram and the simulator follow a step behind
  // while someone types, so the field they type in answers at once.
  const settled = useDeferredValue(lastGood);
  const problems = useMemo(
    () => (parsed.ok ? check(key, version, settled) : []),
    [parsed.ok, settled, key, version],
  );
  const valid = parsed.ok && problems.length === 0;
  const dirty = text !== savedText;
  const { c } = useConflictText();
  useLeaveGuard(dirty && !readOnly, c('leave.confirm'));
  // The revision this tab's text is based on; every save sends it (If-Match).
  const [revision, setRevision] = useState(detail.revision);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [theirs, setTheirs] = useState<DefinitionDetail | null>(null);

  const update = useCallback((change: (def: DefinitionJson) => void) => {
    const copy = structuredClone(latest.current.def);
    change(copy);
    const json = JSON.stringify(copy, null, 2);
    latest.current = { text: json, def: copy };
    setLastGood(copy);
    setText(json);
  }, []);

  const previousVersion = (list.data ?? [])
    .filter((d) => d.key === key && d.version < version && d.status !== 'draft')
    .reduce<number | null>((m, d) => (m === null || d.version > m ? d.version : m), null);

  // The diagram shows what is new against the version before this one.
  const previousDef = useLoad(
    () =>
      previousVersion && previousVersion !== version
        ? policyApi.definition(key, previousVersion)
        : Promise.resolve(null),
    [key, previousVersion],
  );

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  /** Saves the text; on a 412 asks what to do and answers null (nothing was overwritten). */
  const saveText = async (): Promise<DefinitionDetail | null> => {
    if (!parsed.ok) return null;
    try {
      const saved = await policyApi.saveDraft(
        key,
        version,
        parsed.value as DefinitionJson,
        revision,
      );
      setRevision(saved.revision);
      setSavedText(text);
      setTheirs(null);
      onReload(saved);
      return saved;
    } catch (err) {
      const refused = conflictOf(err);
      if (!refused) throw err;
      setConflict(refused);
      return null;
    }
  };

  const save = () =>
    run(async () => {
      if (await saveText()) setNotice(p('editor.saved', { time: formatTime(new Date()) }));
    });

  /** Their version replaces this tab's text. */
  const loadTheirs = () =>
    run(async () => {
      const fresh = await policyApi.definition(key, version);
      const json = JSON.stringify(fresh.definition, null, 2);
      setText(json);
      setSavedText(json);
      setRevision(fresh.revision);
      setConflict(null);
      setTheirs(null);
      onReload(fresh);
      setNotice(c('conflict.reloaded', { name: fresh.savedBy?.name ?? c('conflict.someone') }));
    });

  /** Keeps this tab's text and shows theirs beside it; a save now knowingly replaces theirs. */
  const keepMine = () =>
    run(async () => {
      const fresh = await policyApi.definition(key, version);
      setRevision(fresh.revision);
      setTheirs(fresh);
      setConflict(null);
    });

  const preparePublish = () =>
    run(async () => {
      if (!valid) {
        setError(p('editor.fixFirst'));
        return;
      }
      if (dirty && parsed.ok && !(await saveText())) return;
      const diff = previousVersion ? await policyApi.diff(key, previousVersion, version) : null;
      setPublishing({ diff, previous: previousVersion });
    });

  const discard = () =>
    run(async () => {
      await policyApi.discardDraft(key, version);
      navigate('/beleid', { force: true });
    });

  const retire = () =>
    run(async () => {
      const retired = await policyApi.retire(key, version);
      setNotice(p('editor.retired', { version }));
      onReload(retired);
    });

  const newDraft = () =>
    run(async () => {
      const draft = await policyApi.createDraft(key, version);
      navigate(`/beleid/werkprocessen/${key}/${draft.version}`);
    });

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
      {readOnly && (
        <Alert type="info">
          <Paragraph>
            {p('editor.readOnly', {
              status: p(`common.status.${status}` as PolicyMessageKey).toLowerCase(),
            })}
          </Paragraph>
        </Alert>
      )}
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{notice}</StatusMessage>

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
            <Button appearance="subtle-button" onClick={discard} disabled={busy}>
              {p('editor.discard')}
            </Button>
          </>
        )}
        {readOnly && (
          <Button appearance="primary-action-button" onClick={newDraft} disabled={busy}>
            {p('defs.newDraft', { version })}
          </Button>
        )}
        {status === 'published' && (
          <Button appearance="secondary-action-button" onClick={retire} disabled={busy}>
            {p('editor.retire')}
          </Button>
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
          <Heading2 id="publish-title">{p('editor.publishTitle')}</Heading2>
          <Paragraph>
            {publishing.previous
              ? p('editor.publishAgainst', { version: publishing.previous })
              : p('editor.publishFirst')}
          </Paragraph>
          {publishing.diff && <DiffSummary diff={publishing.diff} def={lastGood} />}
          <ProposePublish
            definitionKey={key}
            version={version}
            onCancel={() => setPublishing(null)}
            onProposed={(message) => {
              setPublishing(null);
              setNotice(message);
            }}
          />
        </section>
      )}

      <section aria-labelledby="problems-title" className="policy-problems">
        <Heading2 id="problems-title">{p('editor.problems')}</Heading2>
        <div role="status" aria-live="polite">
          {!parsed.ok ? (
            <Paragraph>{p('editor.jsonInvalid', { message: parsed.message })}</Paragraph>
          ) : problems.length === 0 ? (
            <Paragraph>{p('editor.problemsOk')}</Paragraph>
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
            <DefinitionForms def={lastGood} update={update} />
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
          <Textarea
            id="def-json"
            aria-describedby="def-json-hint"
            spellCheck={false}
            readOnly={readOnly}
            value={text}
            invalid={!parsed.ok}
            onChange={(e) => setText(e.target.value)}
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
