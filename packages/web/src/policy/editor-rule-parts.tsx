/**
 * The parts the editor's rules across fields share (`x-atLeastOneOf` on a step, `x-showWhen` on
 * a field, `showWhen` on a question): a fieldset the definition check's links land on, with its
 * help and its problem, a tick box per field or choice, and the condition's picker.
 */
import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { SelectField } from '../components/ui';
import { type Locale, pathId } from './editor-kit';
import { useEditorText } from './editor-messages';
import { problemSentence, useProblemsAt } from './editor-problems';
import type { DefinitionJson } from './policy-api';

/** One field or choice to tick, by its label. */
export function RuleCheck({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <FormField type="checkbox" className="app-field">
      <Checkbox
        id={id}
        appearance="html"
        className="policy-checkbox"
        checked={checked}
        onChange={(evt) => onChange(evt.target.checked)}
      />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
    </FormField>
  );
}

/** The rule's fieldset: `id` is the path's id, where the check's links land. */
export function RuleFieldset({
  id,
  legend,
  help,
  error,
  children,
}: {
  id: string;
  legend: string;
  help: string;
  error: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="policy-plain-fieldset policy-rule"
      id={id}
      tabIndex={-1}
      aria-describedby={[`${id}-description`, error ? `${id}-error` : ''].join(' ').trim()}
    >
      <legend className="utrecht-form-label">{legend}</legend>
      <FormFieldDescription id={`${id}-description`}>{help}</FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {children}
    </fieldset>
  );
}

/** A condition as the definition holds it: the field it depends on and the values it needs. */
export interface ShowWhen {
  field: string;
  in: unknown[];
}

/** "Straatfeest of Moestuin" / "Street party or Vegetable garden". */
export function eitherIn(words: string[], locale: Locale): string {
  const or = locale === 'nl' ? 'of' : 'or';
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${or} ${words[words.length - 1]}`;
}

/**
 * The condition's fieldset (a form question's `showWhen`, a step field's `x-showWhen`): the field
 * it depends on, chosen from `fields`, and a tick box per value of it, in its order; a value the
 * condition names but the field no longer has stays in sight by its code, so unticking is the
 * fix. "Altijd vragen" removes the condition. `texts` names the caller's texts (`qcond.*` for a
 * question, `cond.*` for a step's field); the definition check's problems at `path` are named
 * here, and its links land here.
 */
export function ConditionPicker({
  def,
  path,
  texts,
  fieldLabel,
  declared,
  rule,
  onLabel,
  fields,
  options,
  known,
  sayable,
  valueText,
  setRule,
}: {
  def: DefinitionJson;
  path: string;
  texts: 'qcond' | 'cond';
  /** The label of the question or field the condition is of. */
  fieldLabel: string;
  /** Whether it has a condition at all. */
  declared: boolean;
  rule: ShowWhen;
  /** The label of the field it depends on. */
  onLabel: string;
  /** The fields it can depend on, the one it names included, with their labels. */
  fields: { value: string; label: string }[];
  /** The values the field it depends on can have. */
  options: unknown[];
  /** Whether the field it depends on exists. */
  known: boolean;
  /** Whether the condition is said in a sentence when it has no problems. */
  sayable: boolean;
  valueText(value: unknown): string;
  setRule(next: ShowWhen | undefined): void;
}) {
  const { e, locale } = useEditorText();
  const problems = useProblemsAt(path);
  const { field: on, in: chosen } = rule;
  // Ticked values in the order of the field's values, values it lacks at the end.
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
    problems.length === 0 && chosen.length > 0 && sayable
      ? e(`${texts}.says`, {
          field: fieldLabel,
          on: onLabel,
          values: eitherIn(chosen.map(valueText), locale),
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
      id={pathId(path)}
      legend={e(`${texts}.title`, { field: fieldLabel })}
      help={e(`${texts}.help`, { field: fieldLabel })}
      error={error}
    >
      <SelectField
        id={pathId(`${path}.field`)}
        label={e(`${texts}.field`)}
        value={declared ? on : ''}
        onChange={(next) => setRule(next ? { field: next, in: [] } : undefined)}
        options={[{ value: '', label: e(`${texts}.always`) }, ...fields]}
      />
      {declared && on && (known || chosen.length > 0) && (
        <fieldset className="policy-plain-fieldset" id={pathId(`${path}.in`)} tabIndex={-1}>
          <legend className="utrecht-form-label">{e(`${texts}.values`, { field: onLabel })}</legend>
          <div className="policy-checks">
            {options.map((o, i) => check(pathId(`${path}.option.${i}`), o, valueText(o)))}
            {chosen.flatMap((v, i) =>
              options.includes(v)
                ? []
                : [
                    check(
                      pathId(`${path}.in.${i}`),
                      v,
                      e(`${texts}.valueGone`, { value: String(v), field: onLabel }),
                    ),
                  ],
            )}
          </div>
        </fieldset>
      )}
      {says && <Paragraph>{says}</Paragraph>}
      {declared && (
        <Button appearance="subtle-button" onClick={() => setRule(undefined)}>
          {e(`${texts}.remove`, { field: fieldLabel })}
        </Button>
      )}
    </RuleFieldset>
  );
}
