import { type RefObject, useEffect, useRef, useState } from 'react';
import { topKey } from './form-pages';

type Errors = Record<string, string>;

/**
 * The errors a form shows (at the fields and in the error summary): the wizard's steps and the
 * event form (the answer to a request). They are set when the person goes on or sends (`show`);
 * from then on each follows its field, as GOV.UK and NL Design System advise: a field that is
 * changed is checked again, and its error goes once it is corrected (or says what is wrong now).
 * A field nobody was told about gets no error while it is being typed in.
 *
 * `linked`: groups of fields checked together, as a rule across fields ("an explanation or a
 * file") whose error stands at one of them: a change in any of them checks that error again.
 */
export function useStepErrors(
  data: Record<string, unknown>,
  inputProblems: Errors,
  current: () => Errors,
  summaryRef: RefObject<HTMLDivElement | null>,
  linked: readonly (readonly string[])[] = [],
) {
  const [errors, setErrors] = useState<Errors>({});
  const before = useRef({ data, inputProblems });
  const check = useRef(current);
  check.current = current;
  const groups = useRef(linked);
  groups.current = linked;

  useEffect(() => {
    const was = before.current;
    before.current = { data, inputProblems };
    const changed = new Set<string>();
    for (const k of new Set([...Object.keys(was.data), ...Object.keys(data)]))
      if (was.data[k] !== data[k]) changed.add(k);
    for (const k of new Set([...Object.keys(was.inputProblems), ...Object.keys(inputProblems)]))
      if (was.inputProblems[k] !== inputProblems[k]) changed.add(topKey(k));
    for (const group of groups.current)
      if (group.some((k) => changed.has(k))) for (const k of group) changed.add(k);
    if (changed.size === 0) return;
    setErrors((prev) => {
      const touched = Object.keys(prev).filter((path) => changed.has(topKey(path)));
      if (touched.length === 0) return prev;
      const now = check.current();
      const next = { ...prev };
      for (const path of touched) {
        if (now[path]) next[path] = now[path];
        else delete next[path];
      }
      return next;
    });
  }, [data, inputProblems]);

  // The summary takes focus once it is on the page: errors set after an answer came render some
  // time later, and a frame asked for at once may come before them (then nothing is focused,
  // and the button pressed, disabled while sending, has already lost it).
  const summaryWanted = useRef(false);
  useEffect(() => {
    if (!summaryWanted.current || !summaryRef.current) return;
    summaryWanted.current = false;
    summaryRef.current.focus();
  });

  function show(e: Errors) {
    setErrors(e);
    if (Object.keys(e).length) summaryWanted.current = true;
  }
  return { errors, setErrors, show };
}
