import { ConfirmingButton } from '../components/confirming-button';
import { delayText } from './delay-text';
import { branchesOf, labelOf, obj, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionJson } from './policy-api';

/**
 * The transitions of other statuses that go to `name`, in words: "Ingediend › Om aanvulling
 * vragen", a time limit by its name.
 */
export function transitionsTo(def: DefinitionJson, name: string, locale: 'nl' | 'en'): string[] {
  const out: string[] = [];
  for (const [from, s] of Object.entries(obj(def.states))) {
    if (from === name) continue;
    const st = obj(s);
    const fromLabel = labelOf(st, locale, from);
    const parts: [string, unknown, string][] = [
      ...Object.entries(obj(st.on)).map(([ev, v]): [string, unknown, string] => [
        labelOf(obj(def.events)[ev], locale, ev),
        v,
        `states.${from}.on.${ev}`,
      ]),
      ...Object.entries(obj(st.after)).map(([dl, v]): [string, unknown, string] => [
        delayText(def, dl, locale),
        v,
        `states.${from}.after.${dl}`,
      ]),
    ];
    for (const [title, value, path] of parts)
      if (branchesOf(value, path).some((b) => b.target === name))
        out.push(`${fromLabel} › ${title}`);
  }
  return out;
}

/**
 * Removing a status asks first, naming the transitions that go to it: they are kept, and then
 * show their status as missing, so the officer knows where to choose another one.
 */
export function RemoveStateButton({
  def,
  update,
  name,
  title,
}: {
  def: DefinitionJson;
  update: Update;
  name: string;
  title: string;
}) {
  const { p, e, locale } = useEditorText();
  const steps = transitionsTo(def, name, locale);
  const state = `‘${title}’`;
  return (
    <ConfirmingButton
      question={
        steps.length
          ? e('states.removeQuestion', { state, steps: steps.join('; ') })
          : e('states.removeQuestionNone', { state })
      }
      onConfirm={() =>
        update((d) => {
          delete obj(d.states)[name];
        })
      }
    >
      {p('states.removeNamed', { state: title })}
    </ConfirmingButton>
  );
}
