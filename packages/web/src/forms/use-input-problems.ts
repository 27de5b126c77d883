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
  /**
   * A list lost a row: with `removed` (its index) the problems of that row go and those of the
   * rows after it move up one, as their boxes do; without it, all under `prefix` go.
   */
  const clearProblems = useCallback((prefix: string, removed?: number) => {
    setProblems((prev) => {
      const next: Record<string, string> = {};
      for (const [path, message] of Object.entries(prev)) {
        if (!path.startsWith(prefix)) {
          next[path] = message;
          continue;
        }
        if (removed === undefined) continue;
        const [row, ...rest] = path.slice(prefix.length).split('.');
        const i = Number(row);
        if (!Number.isInteger(i) || i === removed) continue;
        next[i > removed ? [`${prefix}${i - 1}`, ...rest].join('.') : path] = message;
      }
      return next;
    });
  }, []);
  return { problems, setProblems, setProblem, clearProblems };
}
