/** The fields of one parameter of a guard, action or delay, as ParamsEditor shows them. */
import type { ParamSchema } from '@initiatief/engine';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextField } from '../components/ui';
import { arr, labelOf, obj } from './editor-kit';
import { useEditorText } from './editor-messages';
import { unitOfParam, WholeNumberField } from './editor-number';
import { payloadFieldsOf } from './editor-ref-text';
import type { DefinitionJson } from './policy-api';

/** One parameter by its JSON Schema: a choice, a whole number, a list or a text. */
export function ParamField({
  id,
  path,
  where,
  param,
  label,
  schema,
  value,
  set,
  optional,
}: {
  id: string;
  path: string;
  where: string;
  param: string;
  label: string;
  schema: ParamSchema;
  value: unknown;
  set(v: unknown): void;
  optional: boolean;
}) {
  const { e, enumWord } = useEditorText();
  if (schema.enum) {
    return (
      <SelectField
        id={id}
        label={label}
        value={value === undefined ? '' : String(value)}
        onChange={(v) => set(v || undefined)}
        options={[
          ...(optional || value === undefined ? [{ value: '', label: e('tr.choose') }] : []),
          ...schema.enum.map((v) => ({ value: String(v), label: enumWord(param, String(v)) })),
        ]}
      />
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    // Never rounded, never dropped: an invalid box keeps the previous value and blocks the check.
    return (
      <WholeNumberField
        id={id}
        path={path}
        where={where}
        label={label}
        value={value}
        rule={{
          unit: unitOfParam(param),
          min: schema.minimum,
          max: schema.maximum,
          // An emptied box is not "no setting": it asks for a number (0 is one).
          optional: false,
        }}
        onValid={(n) => set(n)}
      />
    );
  }
  if (schema.type === 'array') {
    return (
      <TextField
        id={id}
        label={label}
        value={arr(value).map(String).join(', ')}
        onChange={(v) =>
          set(
            v
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  return (
    <TextField
      id={id}
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(v) => set(v === '' ? undefined : v === 'true' ? true : v === 'false' ? false : v)}
    />
  );
}

/**
 * Which of a step's data a transition keeps: a box per field of the step, by its question;
 * names that are not fields of the step (or a timer's, which has none) are typed, by their
 * names as in the JSON, in a field that says so.
 */
export function FieldsChooser({
  id,
  def,
  event,
  value,
  set,
}: {
  id: string;
  def: DefinitionJson;
  event: string | undefined;
  value: string[];
  set(v: string[] | undefined): void;
}) {
  const { e, locale } = useEditorText();
  const fields = payloadFieldsOf(def, event, locale);
  const known = new Set(fields.map((f) => f.key));
  const others = value.filter((v) => !known.has(v));
  // What is being typed stays as typed ("a, "), as long as it still means these names.
  const [typing, setTyping] = useState('');
  const parse = (v: string) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const shown = parse(typing).join(',') === others.join(',') ? typing : others.join(', ');
  const eventLabel = event ? labelOf(obj(def.events)[event], locale, event) : '';
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...value.filter((v) => v !== key), key] : value.filter((v) => v !== key);
    set(next.length ? next : undefined);
  };
  return (
    <>
      {fields.length > 0 && (
        <fieldset className="policy-plain-fieldset" id={id} tabIndex={-1}>
          <legend className="utrecht-form-label">
            {e('param.fieldsChoose', { event: eventLabel })}
          </legend>
          <div className="policy-checks">
            {fields.map((f) => {
              const boxId = `${id}-${f.key}`;
              return (
                <FormField key={f.key} type="checkbox" className="app-field">
                  <Checkbox
                    id={boxId}
                    appearance="html"
                    className="policy-checkbox"
                    checked={value.includes(f.key)}
                    onChange={(evt) => toggle(f.key, evt.target.checked)}
                  />
                  <FormLabel htmlFor={boxId} type="checkbox">
                    {f.label}
                  </FormLabel>
                </FormField>
              );
            })}
          </div>
        </fieldset>
      )}
      <TextField
        id={fields.length > 0 ? `${id}-other` : id}
        label={e(fields.length > 0 ? 'param.fieldsCodesOther' : 'param.fieldsCodes')}
        description={e('param.fieldsCodesHint')}
        value={shown}
        onChange={(v) => {
          setTyping(v);
          const next = [...value.filter((x) => known.has(x)), ...parse(v)];
          set(next.length ? next : undefined);
        }}
      />
    </>
  );
}
