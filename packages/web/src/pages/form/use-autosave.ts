import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Application, type ApplicationData, api } from '../../api/client';
import { readAfter } from '../../api/http';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'stale' }
  | { kind: 'invalid'; error: ApiError }
  | { kind: 'failed'; error: unknown };

const DEBOUNCE_MS = 800;

/**
 * The draft saves itself: each change is PATCHed (If-Match) after a short pause, one request
 * at a time, always with the newest data. A 412 stops saving until the user reloads; what they
 * typed since the last save is kept and laid over the newer server version.
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
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (stale.current) return false;
    if (!pending.current) return true;
    pending.current = false;
    const toSave = latest.current;
    setStatus({ kind: 'saving' });
    try {
      const app = await api.patchApplication(initial.id, etag.current, toSave);
      etag.current = app.etag;
      if (!pending.current) dirtyKeys.current.clear();
      setStatus({ kind: 'saved', at: new Date() });
      onSavedRef.current?.(app);
      return true;
    } catch (err) {
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
  }, [initial.id]);

  /** Saves what is pending now and resolves true when the server has it. */
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
      if (pending.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [flush]);

  return { data, update, flush, reload, status, etag };
}

/**
 * A refusal the person can act on in the form: a rule of the form (422), or a character a field
 * cannot store (400 `malformed_request` naming the field).
 */
function isFieldProblem(err: ApiError): boolean {
  if (err.status === 422) return true;
  return err.status === 400 && err.code === 'malformed_request' && err.invalidParams.length > 0;
}
