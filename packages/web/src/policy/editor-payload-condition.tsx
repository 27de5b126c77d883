/**
 * A step field's condition, in words: "Alleen vragen als dit veld een bepaalde keuze heeft"
 * (`x-showWhen` on the field's schema). The officer chooses the field it depends on by its label
 * and ticks its choices by theirs; "Altijd vragen" removes the condition. A field or choice the
 * condition names but the step no longer has stays in sight with its code, so unticking (or
 * choosing another) is the fix. The definition check's problems are named here, and its links
 * land here.
 */
import { AT_LEAST_ONE_OF, SHOW_WHEN, valueLabel } from '@initiatief/engine';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../components/ui';
import { arr, type Locale, type Obj, obj, pathId, str, textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import { problemSentence, useProblemsAt } from './editor-problems';
import { RuleCheck, RuleFieldset } from './editor-rule-parts';
import type { DefinitionJson } from './policy-api';

/** The values a field can hold: its choices, or yes and no; undefined when they are not fixed. */
function valuesOf(prop: Obj): unknown[] | undefined {
  if (Array.isArray(prop.enum)) return prop.enum;
  if (prop.type === 'boolean') return [true, false];
  return undefined;
}

/** A choice by its label in the officer's language (the other while untranslated), else ja/nee. */
function valueText(prop: Obj, value: unknown, locale: Locale): string {
  return textIn(
    obj(prop['x-enumLabels'])[String(value)],
    locale,
    valueLabel({}, '', value)[locale],
  );
}

/** "Verlenen of Deels verlenen" / "Grant or Grant in part". */
function either(words: string[], locale: Locale): string {
  const or = locale === 'nl' ? 'of' : 'or';
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${or} ${words[words.length - 1]}`;
}

/**
 * A condition, or a part of one, in words for the list of changes: "Advies: Verlenen" for the
 * rule, "Advies" for its field, "Verlenen of Afwijzen" for its values.
 */
export function conditionInWords(
  payload: Obj,
  rule: unknown,
  part: 'rule' | 'field' | 'in',
  value: unknown,
  locale: Locale,
): string {
  const props = obj(payload.properties);
  const on = str(obj(rule).field);
  const labelOf = (key: string) => {
    const s = obj(props[key]);
    return textIn(s['x-label'], locale, str(s.title) || key);
  };
  const values = (list: unknown[]) =>
    either(
      list.map((v) => valueText(obj(props[on]), v, locale)),
      locale,
    );
  if (part === 'field') return labelOf(str(value));
  if (part === 'in') return values(Array.isArray(value) ? value : [value]);
  return `${labelOf(on)}: ${values(arr(obj(value).in))}`;
}

/** The fields of the step a field can depend on: fixed choices, always asked, not in a rule. */
function candidates(payload: Obj, key: string): string[] {
  const props = obj(payload.properties);
  const inRule = new Set(arr(payload[AT_LEAST_ONE_OF]).map(String));
  return Object.keys(props).filter((k) => {
    const p = obj(props[k]);
    return k !== key && valuesOf(p) !== undefined && !(SHOW_WHEN in p) && !inRule.has(k);
  });
}

/** Whether a field has (or could have) a condition: then the editor shows the control. */
export function offersCondition(payload: Obj, key: string): boolean {
  return SHOW_WHEN in obj(obj(payload.properties)[key]) || candidates(payload, key).length > 0;
}

/** The condition of one field of one step's payload. */
export function FieldCondition({
  def,
  type,
  field,
  fieldLabel,
  change,
}: {
  def: DefinitionJson;
  type: string;
  field: string;
  fieldLabel: string;
  /** Changes the field's own schema. */
  change(fn: (prop: Obj) => void): void;
}) {
  const { e, locale } = useEditorText();
  const path = `events.${type}.payload.properties.${field}.${SHOW_WHEN}`;
  const id = pathId(path);
  const problems = useProblemsAt(path);
  const payload = obj(obj(obj(def.events)[type]).payload);
  const props = obj(payload.properties);
  const declared = SHOW_WHEN in obj(props[field]);
  const rule = obj(obj(props[field])[SHOW_WHEN]);
  const on = str(rule.field);
  const chosen = arr(rule.in);
  const labelOf = (key: string) => {
    const s = obj(props[key]);
    return textIn(s['x-label'], locale, str(s.title) || key);
  };
  const options = valuesOf(obj(props[on])) ?? [];
  const onLabel = on ? labelOf(on) : '';
  const fields = candidates(payload, field);
  // The field named now stays a choice of the list, also when it cannot be depended on: the
  // check says why at this control.
  const listed = on && !fields.includes(on) ? [...fields, on] : fields;
  const setRule = (next: { field: string; in: unknown[] } | undefined) =>
    change((prop) => {
      if (next) prop[SHOW_WHEN] = next;
      else delete prop[SHOW_WHEN];
    });
  // Ticked values in the order of the choices, values of no choice at the end.
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
    problems.length === 0 && chosen.length > 0
      ? e('cond.says', {
          field: fieldLabel,
          on: onLabel,
          values: either(
            chosen.map((v) => valueText(obj(props[on]), v, locale)),
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
      legend={e('cond.title', { field: fieldLabel })}
      help={e('cond.help', { field: fieldLabel })}
      error={error}
    >
      <SelectField
        id={pathId(`${path}.field`)}
        label={e('cond.field')}
        value={declared ? on : ''}
        onChange={(next) => setRule(next ? { field: next, in: [] } : undefined)}
        options={[
          { value: '', label: e('cond.always') },
          ...listed.map((k) => ({
            value: k,
            label: Object.hasOwn(props, k) ? labelOf(k) : e('cond.fieldGone', { field: k }),
          })),
        ]}
      />
      {declared && on && (Object.hasOwn(props, on) || chosen.length > 0) && (
        <fieldset className="policy-plain-fieldset" id={pathId(`${path}.in`)} tabIndex={-1}>
          <legend className="utrecht-form-label">{e('cond.values', { field: onLabel })}</legend>
          <div className="policy-checks">
            {options.map((o, i) =>
              check(pathId(`${path}.option.${i}`), o, valueText(obj(props[on]), o, locale)),
            )}
            {chosen.flatMap((v, i) =>
              options.includes(v)
                ? []
                : [
                    check(
                      pathId(`${path}.in.${i}`),
                      v,
                      e('cond.valueGone', { value: String(v), field: onLabel }),
                    ),
                  ],
            )}
          </div>
        </fieldset>
      )}
      {says && <Paragraph>{says}</Paragraph>}
      {declared && (
        <Button appearance="subtle-button" onClick={() => setRule(undefined)}>
          {e('cond.remove', { field: fieldLabel })}
        </Button>
      )}
    </RuleFieldset>
  );
}
