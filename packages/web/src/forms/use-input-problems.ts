import { useCallback, useState } from 'react';

/**
 * Text typed into a field that cannot become a value ("12a", an amount that reads two ways),
 * keyed by the field's path: set or cleared by the inputs, a list's at once when it loses a row.
 */
export function useInputProblems() {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const setProblem = useCallback((path: string, message: string | null) => {
    setProblems((prev) => {
      if ((prev[path] ?? null) === message) return prev;
      const next = { ...prev };
      if (message === null) delete next[path];
      else next[path] = message;
      return next;
    });
  }, []);
  const clearProblems = useCallback((prefix: string) => {
    setProblems((prev) =>
      Object.fromEntries(Object.entries(prev).filter(([path]) => !path.startsWith(prefix))),
    );
  }, []);
  return { problems, setProblems, setProblem, clearProblems };
}
