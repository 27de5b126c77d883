/**
 * Questions the definition asks only after certain answers (`showWhen`, the engine's
 * form-show-when.ts): "Voor welk jaar en welk bedrag?" only after Ja to "Heeft u eerder subsidie
 * gekregen voor dit initiatief?". The wizard shows a question while it applies, and an answer
 * that hides one clears the hidden answer in the same change (the API refuses a kept one). Focus
 * stays on the answer the person chose; a live region says which question came or went, so
 * someone who does not see the page hears it.
 */
import { clearedAnswers, questionApplies, type WorkflowDefinition } from '@initiatief/engine';
import { useEffect, useRef, useState } from 'react';
import { useFormText } from '../i18n/form-messages';
import { fieldLabelIn } from './field-label';

/**
 * The change of one answer, with the answers it makes unasked cleared: sent as null, so the
 * draft's PATCH removes them.
 */
export function answerPatch(
  def: WorkflowDefinition,
  data: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const patch = { [key]: value };
  return { ...patch, ...clearedAnswers(def.form, { ...data, ...patch }) };
}

/** Of these questions (a page's keys), those asked with these answers, in order. */
export function askedOf(
  def: WorkflowDefinition,
  keys: readonly string[],
  data: Record<string, unknown>,
): string[] {
  return keys.filter((key) => {
    const field = def.form.fields.find((f) => f.key === key);
    return field !== undefined && questionApplies(def.form.fields, field, data);
  });
}

/**
 * A polite live region for one page of the form: when an answer brings a question or takes one
 * away, it says so by the question's label ("Er is een vraag bijgekomen: ‘…’."); when it brings a
 * later step (a page whose questions now apply) or skips one, it says so by the step's title
 * (`steps`: the steps asked now, `titleOf` their titles), since the count of steps changes too.
 * Moving to another page says nothing.
 */
export function QuestionsAnnouncer({
  def,
  keys,
  data,
  staff,
  steps = [],
  titleOf = (step) => step,
}: {
  def: WorkflowDefinition;
  keys: readonly string[];
  data: Record<string, unknown>;
  staff: boolean;
  steps?: readonly string[];
  titleOf?: (step: string) => string;
}) {
  const { f, locale } = useFormText();
  const page = keys.join(' ');
  const asked = askedOf(def, keys, data).join(' ');
  const stepList = steps.join(' ');
  const before = useRef({ page, asked, stepList });
  // The titles as they read now, for the effect (a new function on every render).
  const title = useRef(titleOf);
  title.current = titleOf;
  const [message, setMessage] = useState('');
  useEffect(() => {
    const was = before.current;
    before.current = { page, asked, stepList };
    if (was.page !== page) {
      setMessage('');
      return;
    }
    if (was.asked === asked && was.stepList === stepList) return;
    const labelOf = (key: string) => {
      const field = def.form.fields.find((x) => x.key === key);
      return field ? fieldLabelIn(field, staff, locale) : key;
    };
    const questions = comings(was.asked, asked);
    const pages = comings(was.stepList, stepList);
    const said = [
      ...questions.added.map((k) => f('question.shown', { label: labelOf(k) })),
      ...questions.gone.map((k) => f('question.hidden', { label: labelOf(k) })),
      ...pages.added.map((k) => f('step.shown', { title: title.current(k) })),
      ...pages.gone.map((k) => f('step.hidden', { title: title.current(k) })),
    ];
    setMessage(said.join(' '));
  }, [page, asked, stepList, def, staff, locale, f]);
  return (
    <div role="status" aria-live="polite" className="app-visually-hidden">
      {message}
    </div>
  );
}

/** What came and what went between two space-separated lists of keys, each in its order. */
export function comings(then: string, now: string): { added: string[]; gone: string[] } {
  const a = then.split(' ').filter(Boolean);
  const b = now.split(' ').filter(Boolean);
  return { added: b.filter((k) => !a.includes(k)), gone: a.filter((k) => !b.includes(k)) };
}
