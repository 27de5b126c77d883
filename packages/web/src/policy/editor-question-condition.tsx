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
import { Button, Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../components/ui';
import {
  arr,
  changeAt,
  type Locale,
  type Obj,
  obj,
  pathId,
  str,
  textIn,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { problemSentence, useProblemsAt } from './editor-problems';
import { RuleCheck, RuleFieldset } from './editor-rule-parts';
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

/** "Straatfeest of Moestuin" / "Street party or Vegetable garden". */
export function eitherIn(words: string[], locale: Locale): string {
  const or = locale === 'nl' ? 'of' : 'or';
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${or} ${words[words.length - 1]}`;
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
  const path = `${base}.showWhen`;
  const id = pathId(path);
  const problems = useProblemsAt(path);
  const fields = arr(obj(def.form).fields).map(obj);
  const field = fields[index] ?? {};
  const declared = isObjWith(field, 'showWhen');
  const rule = obj(field.showWhen);
  const on = str(rule.field);
  const chosen = arr(rule.in);
  const target = fields.find((f) => f.key === on);
  const labelOf = (f: Obj | undefined, key: string) => textIn(f?.label, locale, key);
  const onLabel = on ? labelOf(target, on) : '';
  const options = (target && answersOf(target)) ?? [];
  const listed = candidates(fields, index).map((f) => str(f.key));
  if (on && !listed.includes(on)) listed.push(on);
  const change = changeAt(update, base);
  const setRule = (next: { field: string; in: unknown[] } | undefined) =>
    change((x) => {
      if (next) x.showWhen = next;
      else delete x.showWhen;
    });
  // Ticked answers in the order of the question's answers, answers it lacks at the end.
  const toggle = (value: unknown, tick: boolean) => {
    const now = chosen.filter((v) => v !== value);
    const wanted = tick ? [...now, value] : now;
    setRule({
      field: on,
      in: [
        ...options.filter((o) => wanted.includes(o)),
        ...wanted.filter((v) => !options.includes(v)),
      ],
    });
  };
  const error = problems.map((pr) => problemSentence(pr, def, locale)).join(' ');
  const says =
    problems.length === 0 && chosen.length > 0 && target
      ? e('qcond.says', {
          field: fieldLabel,
          on: onLabel,
          values: eitherIn(
            chosen.map((v) => answerText(target, v, locale)),
            locale,
          ),
        })
      : undefined;
  const check = (cid: string, value: unknown, label: string) => (
    <RuleCheck
      key={cid}
      id={cid}
      label={label}
      checked={chosen.includes(value)}
      onChange={(ticked) => toggle(value, ticked)}
    />
  );
  return (
    <RuleFieldset
      id={id}
      legend={e('qcond.title', { field: fieldLabel })}
      help={e('qcond.help', { field: fieldLabel })}
      error={error}
    >
      <SelectField
        id={pathId(`${path}.field`)}
        label={e('qcond.field')}
        value={declared ? on : ''}
        onChange={(next) => setRule(next ? { field: next, in: [] } : undefined)}
        options={[
          { value: '', label: e('qcond.always') },
          ...listed.map((k) => {
            const f = fields.find((x) => x.key === k);
            return {
              value: k,
              label:
                f && answersOf(f) ? labelOf(f, k) : e('qcond.fieldGone', { field: labelOf(f, k) }),
            };
          }),
        ]}
      />
      {declared && on && (target !== undefined || chosen.length > 0) && (
        <fieldset className="policy-plain-fieldset" id={pathId(`${path}.in`)} tabIndex={-1}>
          <legend className="utrecht-form-label">{e('qcond.values', { field: onLabel })}</legend>
          <div className="policy-checks">
            {options.map((o, i) =>
              check(pathId(`${path}.option.${i}`), o, answerText(target ?? {}, o, locale)),
            )}
            {chosen.flatMap((v, i) =>
              options.includes(v)
                ? []
                : [
                    check(
                      pathId(`${path}.in.${i}`),
                      v,
                      e('qcond.valueGone', { value: String(v), field: onLabel }),
                    ),
                  ],
            )}
          </div>
        </fieldset>
      )}
      {says && <Paragraph>{says}</Paragraph>}
      {declared && (
        <Button appearance="subtle-button" onClick={() => setRule(undefined)}>
          {e('qcond.remove', { field: fieldLabel })}
        </Button>
      )}
    </RuleFieldset>
  );
}
