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
 * away, it says so by the question's label ("Er is een vraag bijgekomen: ‘…’."). Moving to
 * another page says nothing.
 */
export function QuestionsAnnouncer({
  def,
  keys,
  data,
  staff,
}: {
  def: WorkflowDefinition;
  keys: readonly string[];
  data: Record<string, unknown>;
  staff: boolean;
}) {
  const { f, locale } = useFormText();
  const page = keys.join(' ');
  const asked = askedOf(def, keys, data).join(' ');
  const before = useRef({ page, asked });
  const [message, setMessage] = useState('');
  useEffect(() => {
    const was = before.current;
    before.current = { page, asked };
    if (was.page !== page) {
      setMessage('');
      return;
    }
    if (was.asked === asked) return;
    const then = new Set(was.asked.split(' '));
    const now = new Set(asked.split(' '));
    const labelOf = (key: string) => {
      const field = def.form.fields.find((x) => x.key === key);
      return field ? fieldLabelIn(field, staff, locale) : key;
    };
    const said = [
      ...[...now]
        .filter((k) => k && !then.has(k))
        .map((k) => f('question.shown', { label: labelOf(k) })),
      ...[...then]
        .filter((k) => k && !now.has(k))
        .map((k) => f('question.hidden', { label: labelOf(k) })),
    ];
    setMessage(said.join(' '));
  }, [page, asked, def, staff, locale, f]);
  return (
    <div role="status" aria-live="polite" className="app-visually-hidden">
      {message}
    </div>
  );
}
