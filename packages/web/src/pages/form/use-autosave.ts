import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Application, type ApplicationData, api } from '../../api/client';
import { readAfter } from '../../api/http';
import { topKey } from '../../forms/form-pages';
import { newRefusals, type Refusal, stillRefused, withoutRefused } from './refusals';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** Saved, except the fields the API refused (`refusals`). */
  | { kind: 'partly'; at: Date }
  | { kind: 'stale' }
  | { kind: 'invalid'; error: ApiError }
  | { kind: 'failed'; error: unknown };

const DEBOUNCE_MS = 800;
/** Sends after a refusal naming fields, each time holding back more of them. */
const MAX_TRIES = 5;

/**
 * The draft saves itself: each change is PATCHed (If-Match) after a short pause, one request
 * at a time, always with the newest data. A 412 stops saving until the user reloads; what they
 * typed since the last save is kept and laid over the newer server version. A refusal that names
 * fields (a NUL character, a rule of the form) holds back those fields and saves the rest at once;
 * the refused values stay in the form (`refusals`) until the person changes them. While anything
 * is not saved (`unsaved`), leaving the page asks first.
 */
export function useAutosave(initial: Application, onSaved?: (app: Application) => void) {
  const [data, setData] = useState<ApplicationData>(initial.data ?? {});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const etag = useRef(initial.etag);
  const latest = useRef<ApplicationData>(initial.data ?? {});
  const pending = useRef(false);
  const dirtyKeys = useRef(new Set<string>());
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stale = useRef(false);
  const held = useRef<Refusal[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (stale.current) return false;
    if (!pending.current) return held.current.length === 0;
    pending.current = false;
    setStatus({ kind: 'saving' });
    const hold = (list: Refusal[]) => {
      held.current = list;
      setRefusals(list);
    };
    for (let tries = 1; ; tries++) {
      const data = latest.current;
      // A refused field the person has changed since is sent again.
      const holding = held.current.filter((r) => stillRefused(data, r));
      const toSave = withoutRefused(data, holding);
      try {
        const app = await api.patchApplication(initial.id, etag.current, toSave);
        etag.current = app.etag;
        hold(holding);
        if (!pending.current) {
          dirtyKeys.current.clear();
          for (const r of holding) dirtyKeys.current.add(topKey(r.path));
        }
        setStatus({ kind: holding.length ? 'partly' : 'saved', at: new Date() });
        onSavedRef.current?.(app);
        return holding.length === 0;
      } catch (err) {
        if (err instanceof ApiError && isFieldProblem(err)) {
          const more = newRefusals(toSave, err.code, err.invalidParams, holding);
          if (more.length && tries < MAX_TRIES) {
            hold([...holding, ...more]);
            continue;
          }
        }
        pending.current = true;
        if (err instanceof ApiError && err.status === 412) {
          stale.current = true;
          setStatus({ kind: 'stale' });
        } else if (err instanceof ApiError && isFieldProblem(err)) {
          setStatus({ kind: 'invalid', error: err });
        } else {
          setStatus({ kind: 'failed', error: err });
        }
        return false;
      }
    }
  }, [initial.id]);

  /** Saves what is pending now and resolves true when the server has all of it. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(saveNow, saveNow);
    // The next page's reads wait for this save (leaving the wizard: "Mijn aanvragen" then
    // lists the title just typed).
    if (pending.current) readAfter(chain.current);
    return chain.current;
  }, [saveNow]);

  const update = useCallback(
    (patch: Partial<ApplicationData>) => {
      latest.current = { ...latest.current, ...patch };
      for (const k of Object.keys(patch)) dirtyKeys.current.add(k);
      pending.current = true;
      setData(latest.current);
      clearTimeout(timer.current);
      if (!stale.current) {
        timer.current = setTimeout(() => {
          chain.current = chain.current.then(saveNow, saveNow);
        }, DEBOUNCE_MS);
      }
    },
    [saveNow],
  );

  /** After a 412: take the server's version and lay the user's unsaved changes over it. */
  const reload = useCallback(async () => {
    const app = await api.getApplication(initial.id);
    const mine: ApplicationData = {};
    for (const k of dirtyKeys.current) mine[k] = latest.current[k];
    etag.current = app.etag;
    latest.current = { ...(app.data ?? {}), ...mine };
    setData(latest.current);
    stale.current = false;
    setStatus({ kind: 'idle' });
    onSavedRef.current?.(app);
    return flush();
  }, [initial.id, flush]);

  // Leaving the wizard inside the debounce pause still saves what was typed.
  useEffect(
    () => () => {
      if (pending.current && !stale.current) void flush();
    },
    [flush],
  );

  // Leaving the page with unsaved changes: try once more, and let the browser warn.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (pending.current) void flush();
      if (pending.current || held.current.length > 0) {
        e.preventDefault();
        // Older browsers need returnValue set to ask at all.
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [flush]);

  const unsaved =
    refusals.length > 0 ||
    status.kind === 'invalid' ||
    status.kind === 'failed' ||
    status.kind === 'stale';
  return { data, update, flush, reload, status, etag, refusals, unsaved };
}

/**
 * A refusal the person can act on in the form: a rule of the form (422), or a character a field
 * cannot store (400 `malformed_request` naming the field).
 */
function isFieldProblem(err: ApiError): boolean {
  if (err.status === 422) return true;
  return err.status === 400 && err.code === 'malformed_request' && err.invalidParams.length > 0;
}
