import {
  type DependencyList,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
  setData(data: T): void;
}

/**
 * Loads once per change of deps; `reload` fetches again without clearing what is shown.
 *
 * The first answer is shown in a transition: React then renders the page it fills in slices of a
 * few milliseconds, between which the browser paints and answers input, instead of in one long
 * task (a page full of fields took 240 to 560 ms on a phone's CPU). Later answers (a reload after
 * an action) are shown at once, together with whatever the action says next.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const shown = useRef(false);

  const run = useCallback(async () => {
    setLoading(true);
    let outcome: { data: T } | { error: unknown };
    try {
      outcome = { data: await load() };
    } catch (error) {
      outcome = { error };
    }
    const show = () => {
      if ('data' in outcome) {
        setData(outcome.data);
        setError(null);
      } else setError(outcome.error);
      setLoading(false);
    };
    if (shown.current) show();
    else startTransition(show);
    if ('data' in outcome) shown.current = true;
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the deps
  }, deps);

  useEffect(() => {
    void run();
  }, [run]);

  return { data, error, loading, reload: run, setData };
}
