/**
 * A step field's condition, in words: "Alleen vragen als dit veld een bepaalde keuze heeft"
 * (`x-showWhen` on the field's schema). The officer chooses the field it depends on by its label
 * and ticks its choices by theirs; "Altijd vragen" removes the condition. A field or choice the
 * condition names but the step no longer has stays in sight with its code, so unticking (or
 * choosing another) is the fix. The definition check's problems are named here, and its links
 * land here.
 */
import { AT_LEAST_ONE_OF, SHOW_WHEN, valueLabel } from '@initiatief/engine';
import { arr, type Locale, type Obj, obj, str, textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import { ConditionPicker, eitherIn } from './editor-rule-parts';
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
    eitherIn(
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
  const payload = obj(obj(obj(def.events)[type]).payload);
  const props = obj(payload.properties);
  const rule = obj(obj(props[field])[SHOW_WHEN]);
  const on = str(rule.field);
  const labelOf = (key: string) => {
    const s = obj(props[key]);
    return textIn(s['x-label'], locale, str(s.title) || key);
  };
  const fields = candidates(payload, field);
  // The field named now stays a choice of the list, also when it cannot be depended on: the
  // check says why at this control.
  const listed = on && !fields.includes(on) ? [...fields, on] : fields;
  return (
    <ConditionPicker
      def={def}
      path={`events.${type}.payload.properties.${field}.${SHOW_WHEN}`}
      texts="cond"
      fieldLabel={fieldLabel}
      declared={SHOW_WHEN in obj(props[field])}
      rule={{ field: on, in: arr(rule.in) }}
      onLabel={on ? labelOf(on) : ''}
      fields={listed.map((k) => ({
        value: k,
        label: Object.hasOwn(props, k) ? labelOf(k) : e('cond.fieldGone', { field: k }),
      }))}
      options={valuesOf(obj(props[on])) ?? []}
      known={Object.hasOwn(props, on)}
      sayable
      valueText={(v) => valueText(obj(props[on]), v, locale)}
      setRule={(next) =>
        change((prop) => {
          if (next) prop[SHOW_WHEN] = next;
          else delete prop[SHOW_WHEN];
        })
      }
    />
  );
}
