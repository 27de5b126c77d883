/**
 * The definition editor's state and what its buttons do, without its markup: the text and the
 * definition the forms write (one follows the other), the live check, saving with the revision
 * the text is based on (If-Match) and a conflict with someone else's save, preparing to
 * publish, discarding, retiring and a new draft.
 */
import { validateDefinition } from '@initiatief/engine';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { useLeaveGuard, useRouter } from '../router/router';
import { conflictOf, type SaveConflict, useConflictText } from './draft-conflict';
import { currentText, definitionText, draftReducer, initialDraft } from './editor-draft';
import { invalidBoxProblems, useInvalidBoxes } from './editor-number';
import { unstorableProblems } from './editor-unstorable';
import {
  type DefinitionDetail,
  type DefinitionDiff,
  type DefinitionJson,
  type DefinitionProblem,
  policyApi,
} from './policy-api';
import { previousVersionOf } from './previous-version';
import type { Said } from './said';

/** How long typing in the forms pauses before the expert view's text follows (ms). */
export const TEXT_PAUSE_MS = 300;

/** The API's refusal to change a draft proposed for publishing (409 naming the proposal). */
export function proposedOf(err: unknown): boolean {
  return (
    err instanceof ApiError && err.status === 409 && typeof err.problem.proposalId === 'string'
  );
}

/**
 * The engine's check plus the row's key and version, as the server does on save, and characters
 * the server cannot store (a NUL, half a character), named by the text they are in.
 */
function check(key: string, version: number, json: unknown): DefinitionProblem[] {
  const problems = [...unstorableProblems(json), ...validateDefinition(json).problems];
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

/** The editor of one stored version; `onReload` takes a saved version, or loads it again. */
export function useDefinitionEditor(
  detail: DefinitionDetail,
  onReload: (d?: DefinitionDetail) => void,
) {
  const { navigate } = useRouter();
  const { key, version, status } = detail;
  // A draft proposed for publishing is frozen until the proposal is decided or withdrawn: the
  // second officer approves what was proposed (the API refuses a save meanwhile).
  const proposals = useLoad(
    () => (status === 'draft' ? policyApi.proposals('open') : Promise.resolve([])),
    [key, version, status],
  );
  const proposal =
    (proposals.data ?? []).find(
      (pr) =>
        pr.kind === 'publish_definition' &&
        pr.definition?.key === key &&
        pr.definition.version === version,
    ) ?? null;
  const frozen = status === 'draft' && proposal !== null;
  const readOnly = status !== 'draft' || frozen;
  // The definition and the expert view's text, which follows a form's change when typing pauses.
  const [draft, dispatch] = useReducer(draftReducer, detail.definition, initialDraft);
  const { text, parsed, def: lastGood, behind } = draft;
  const [savedText, setSavedText] = useState(text);
  // What the status line and the error alert say, said in the language the page is in now.
  const [notice, setNotice] = useState<Said | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [publishing, setPublishing] = useState<{
    diff: DefinitionDiff | null;
    previous: number | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useLoad(() => policyApi.definitions(), [key, version, status]);

  // The draft as it is now, for an error that comes after an await.
  const latest = useRef(draft);
  latest.current = draft;
  // The text catches up once typing in the forms pauses (or at once: `showText`).
  useEffect(() => {
    if (!draft.behind) return;
    const timer = setTimeout(() => dispatch({ type: 'catchUp' }), TEXT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  // Checking the whole definition, drawing the diagram and the simulator follow a step behind
  // while someone types, so the field they type in answers at once.
  const settled = useDeferredValue(lastGood);
  // A box holding a value the definition does not have ("1,5" days) is a problem as well: the
  // check does not say the draft can be published while the screen shows another value.
  const [invalidBoxes, boxes] = useInvalidBoxes();
  // The same problems as before stay the same array: the boxes that show them (through
  // ProblemsContext, in every section) are then not drawn again after each keystroke.
  const lastProblems = useRef<DefinitionProblem[]>([]);
  const problems = useMemo(() => {
    const now = parsed.ok
      ? [...invalidBoxProblems(invalidBoxes), ...check(key, version, settled)]
      : [];
    if (JSON.stringify(now) === JSON.stringify(lastProblems.current)) return lastProblems.current;
    lastProblems.current = now;
    return now;
  }, [parsed.ok, settled, key, version, invalidBoxes]);
  const valid = parsed.ok && problems.length === 0;
  // While the text is behind, a form changed the draft: unsaved, until the text says otherwise.
  const dirty = behind || text !== savedText;
  const { c } = useConflictText();
  useLeaveGuard(dirty && !readOnly, c('leave.confirm'));
  // The revision this tab's text is based on; every save sends it (If-Match).
  const [revision, setRevision] = useState(detail.revision);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [theirs, setTheirs] = useState<DefinitionDetail | null>(null);

  // Each change of a form applies to the draft as the changes before it left it (the reducer's),
  // never to one a render behind: fast typing would lose keystrokes.
  const update = useCallback(
    (change: (def: DefinitionJson) => void) => dispatch({ type: 'write', change }),
    [],
  );
  /** A text typed in the expert view (or set there as a whole). */
  const setText = useCallback((t: string) => dispatch({ type: 'text', text: t }), []);
  /** The expert view is about to be read or edited: its text catches up at once. */
  const showText = useCallback(() => dispatch({ type: 'catchUp' }), []);

  const previousVersion = previousVersionOf(list.data ?? [], key, version);

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
    setError(null);
    try {
      await fn();
    } catch (err) {
      // An earlier notice ("Concept opgeslagen om …") no longer says where the draft stands.
      setNotice(null);
      if (proposedOf(err)) {
        // Proposed in another tab or by a colleague: say so, and show the draft as frozen.
        setError({ proposal: 'prop.frozen' });
        await proposals.reload();
      } else setError({ error: err, def: latest.current.def });
    } finally {
      setBusy(false);
    }
  };

  /**
   * Saves the text; on a 412 asks what to do and answers null (nothing was overwritten). A text
   * with a character the server cannot store is not sent: the error names it, as the check does.
   */
  const saveText = async (): Promise<DefinitionDetail | null> => {
    if (!parsed.ok) return null;
    // What is saved is what the text says: a text behind the forms catches up first.
    const savedAs = currentText(draft);
    dispatch({ type: 'catchUp', text: savedAs, of: lastGood });
    const unstorable = unstorableProblems(parsed.value);
    if (unstorable.length > 0) {
      setNotice(null);
      setError({
        all: [
          { policy: 'editor.notSaved' },
          ...unstorable.map((pr) =>
            pr.text ? { both: pr.text } : { both: { nl: pr.message, en: pr.message } },
          ),
        ],
      });
      return null;
    }
    try {
      const saved = await policyApi.saveDraft(
        key,
        version,
        parsed.value as DefinitionJson,
        revision,
      );
      setRevision(saved.revision);
      setSavedText(savedAs);
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
      if (await saveText()) setNotice({ policy: 'editor.saved', vars: { time: new Date() } });
    });

  /** Their version replaces this tab's text. */
  const loadTheirs = () =>
    run(async () => {
      const fresh = await policyApi.definition(key, version);
      const json = definitionText(fresh.definition);
      setText(json);
      setSavedText(json);
      setRevision(fresh.revision);
      setConflict(null);
      setTheirs(null);
      onReload(fresh);
      setNotice({
        conflict: 'conflict.reloaded',
        vars: { name: fresh.savedBy?.name ?? { conflict: 'conflict.someone' } },
      });
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
        setError({ policy: 'editor.fixFirst' });
        return;
      }
      if (dirty && parsed.ok && !(await saveText())) return;
      const diff = previousVersion ? await policyApi.diff(key, previousVersion, version) : null;
      setPublishing({ diff, previous: previousVersion });
    });

  /** After proposing: the draft is frozen now. (The words ProposePublish gives are said anew.) */
  const proposed = () => {
    setPublishing(null);
    setNotice({ proposal: 'prop.proposed', vars: { version } });
    void proposals.reload();
  };

  /** Withdraws the open proposal of this version, so it can be changed again. */
  const withdrawProposal = () =>
    run(async () => {
      if (!proposal) return;
      await policyApi.withdrawProposal(proposal.id);
      await proposals.reload();
      setNotice({ proposal: 'prop.withdrawnToEdit', vars: { version } });
    });

  const discard = () =>
    run(async () => {
      await policyApi.discardDraft(key, version);
      navigate('/beleid', { force: true });
    });

  const retire = () =>
    run(async () => {
      const retired = await policyApi.retire(key, version);
      setNotice({ policy: 'editor.retired', vars: { version } });
      onReload(retired);
    });

  const newDraft = () =>
    run(async () => {
      const draft = await policyApi.createDraft(key, version);
      navigate(`/beleid/werkprocessen/${key}/${draft.version}`);
    });

  return {
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
    setNotice,
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
  };
}
