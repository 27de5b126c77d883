/**
 * A form question's condition, in words: "Alleen vragen als een eerdere vraag een bepaald
 * antwoord heeft" (`showWhen` on the question, the engine's form-show-when.ts). The officer
 * chooses an earlier yes/no question or choice list by its label and ticks its answers by their
 * words; "Altijd vragen" removes the condition. A question or answer the condition names but the
 * form no longer offers stays in sight with its code, so unticking (or choosing another) is the
 * fix. The definition check's problems are named here, and its links land here. The payload's
 * counterpart is editor-payload-condition.tsx.
 */
import { optionLabel, yesNoLabel } from '@initiatief/engine';
import { arr, changeAt, type Locale, type Obj, obj, str, textIn, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { ConditionPicker } from './editor-rule-parts';
import type { DefinitionJson } from './policy-api';

const isObjWith = (x: Obj, key: string) => x[key] !== undefined;

/** The answers a question can have: Ja and Nee, or its choices; undefined when not fixed. */
function answersOf(field: Obj): unknown[] | undefined {
  if (field.type === 'yesno') return [true, false];
  if (field.type === 'select') return arr(field.options);
  return undefined;
}

/** An answer in the officer's language: Ja/Nee, or a choice by its words. */
export function answerText(field: Obj, value: unknown, locale: Locale): string {
  if (typeof value === 'boolean') return yesNoLabel(value)[locale];
  const labels = obj(field.optionLabels) as Record<string, { nl: string; en: string }>;
  return optionLabel({ optionLabels: labels }, String(value))[locale];
}

/** The earlier questions one can depend on: yes/no or choices, always asked themselves. */
function candidates(fields: Obj[], index: number): Obj[] {
  return fields
    .slice(0, index)
    .filter((f) => answersOf(f) !== undefined && !isObjWith(f, 'showWhen'));
}

/** Whether a question has (or could have) a condition: then the editor shows the control. */
export function offersQuestionCondition(fields: Obj[], index: number): boolean {
  const field = fields[index];
  return !!field && (isObjWith(field, 'showWhen') || candidates(fields, index).length > 0);
}

/** The condition of the form's question at `index`. */
export function QuestionCondition({
  def,
  index,
  fieldLabel,
  update,
}: {
  def: DefinitionJson;
  index: number;
  fieldLabel: string;
  update: Update;
}) {
  const { e, locale } = useEditorText();
  const base = `form.fields.${index}`;
  const fields = arr(obj(def.form).fields).map(obj);
  const field = fields[index] ?? {};
  const rule = obj(field.showWhen);
  const on = str(rule.field);
  const target = fields.find((f) => f.key === on);
  const labelOf = (f: Obj | undefined, key: string) => textIn(f?.label, locale, key);
  const listed = candidates(fields, index).map((f) => str(f.key));
  if (on && !listed.includes(on)) listed.push(on);
  const change = changeAt(update, base);
  return (
    <ConditionPicker
      def={def}
      path={`${base}.showWhen`}
      texts="qcond"
      fieldLabel={fieldLabel}
      declared={isObjWith(field, 'showWhen')}
      rule={{ field: on, in: arr(rule.in) }}
      onLabel={on ? labelOf(target, on) : ''}
      fields={listed.map((k) => {
        const f = fields.find((x) => x.key === k);
        return {
          value: k,
          label: f && answersOf(f) ? labelOf(f, k) : e('qcond.fieldGone', { field: labelOf(f, k) }),
        };
      })}
      options={(target && answersOf(target)) ?? []}
      known={target !== undefined}
      sayable={target !== undefined}
      valueText={(v) => answerText(target ?? {}, v, locale)}
      setRule={(next) =>
        change((x) => {
          if (next) x.showWhen = next;
          else delete x.showWhen;
        })
      }
    />
  );
}
