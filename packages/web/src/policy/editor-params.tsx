import { type ParamSchema, vocabularyParamSchemas } from '@initiatief/engine';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextField } from '../components/ui';
import { formatList } from '../i18n/lists';
import { DistrictPostcodesField, useDistrictSummary } from './editor-district-postcodes';
import { arr, describePath, labelOf, obj, pathId, str, templateName, textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import { MoneyParamField, unitOfParam, WholeNumberField } from './editor-number';
import type { DefinitionJson } from './policy-api';

export type VocabularyGroup = 'guards' | 'actions' | 'delays';
const PREFIX: Record<VocabularyGroup, string> = {
  guards: 'guard',
  actions: 'action',
  delays: 'delay',
};

/** The names of a vocabulary group, in the engine's order. */
export function vocabularyNames(group: VocabularyGroup): string[] {
  return Object.keys(vocabularyParamSchemas()[group]);
}

/** The step a transition at a dotted path belongs to (`states.x.on.SUBMIT…`), if any. */
export function eventOfPath(path: string): string | undefined {
  const parts = path.split('.');
  return parts[0] === 'states' && parts[2] === 'on' ? parts[3] : undefined;
}

/** The fields a step asks for, with their labels (`x-label`) in the officer's language. */
export function payloadFieldsOf(
  def: DefinitionJson,
  event: string | undefined,
  locale: 'nl' | 'en',
): { key: string; label: string }[] {
  if (!event) return [];
  const props = obj(obj(obj(obj(def.events)[event]).payload).properties);
  return Object.entries(props).map(([key, prop]) => ({
    key,
    label: textIn(obj(prop)['x-label'], locale, str(obj(prop).title) || key),
  }));
}

/**
 * A guard, action or delay reference in words: "Minimaal aantal ondersteuners: 4", with every
 * value by its label (a step's fields by their questions, a text by its subject, a regulation's
 * amount by what it is), never by its code. `event` is the step the transition belongs to.
 */
export function useRefText(def: DefinitionJson) {
  const { word, enumWord, e, locale, formatMoney } = useEditorText();
  const list = { format: (items: string[]) => formatList(items, locale) };
  const districtSummary = useDistrictSummary();
  return (group: VocabularyGroup, ref: unknown, event?: string): string => {
    const r = obj(ref);
    const type = str(r.type);
    const params = obj(r.params);
    const fields = payloadFieldsOf(def, event, locale);
    const fieldLabel = (v: unknown) => fields.find((f) => f.key === v)?.label ?? String(v);
    const valueText = (k: string, v: unknown): string => {
      if (k === 'cents' && typeof v === 'number') return formatMoney(v);
      if (k === 'event') return labelOf(obj(def.events)[str(v)], locale, str(v));
      if (k === 'template') {
        const g = type === 'issueDocument' ? 'letters' : 'mails';
        return templateName(obj(obj(def.templates)[g])[str(v)], locale);
      }
      if (k === 'sameDistrict') return districtSummary(v);
      if (k === 'field') return fieldLabel(v);
      if (k === 'value' && type === 'payloadEquals') {
        // A choice by its words in the step's field (`x-enumLabels`), else as entered.
        const prop = obj(
          obj(obj(obj(obj(def.events)[event ?? '']).payload).properties)[str(params.field)],
        );
        const words = textIn(obj(prop['x-enumLabels'])[String(v)], locale, '');
        return words || (typeof v === 'boolean' ? e(v ? 'ref.yes' : 'ref.no') : String(v));
      }
      if (k === 'fields')
        return Array.isArray(v) && v.length ? list.format(v.map(fieldLabel)) : e('ref.noFields');
      if (typeof v === 'string') return enumWord(k, v);
      return Array.isArray(v) ? list.format(v.map(String)) : String(v);
    };
    const name = word(PREFIX[group], type);
    const v = (k: string) => valueText(k, params[k]);
    if (type === 'amountAtMost' && params.amount !== undefined && params.limit !== undefined) {
      const limit = params.limit === 'fixed' ? v('cents') : v('limit');
      // An amount read from another field of the step (an advance) by that field's label.
      const amount = params.field !== undefined ? v('field') : v('amount');
      return e('ref.amountAtMost', { amount, limit });
    }
    if (type === 'amountAtLeast' && params.amount !== undefined && params.cents !== undefined)
      return e('ref.amountAtLeast', { amount: v('amount'), cents: v('cents') });
    if (type === 'assignPayload' && params.into !== undefined)
      return `${name}: ${e('ref.assignPayload', { fields: v('fields'), into: v('into') })}`;
    const values = Object.keys(params).map(v);
    return values.length ? `${name}: ${values.join(', ')}` : name;
  };
}

/**
 * The parameters of one guard, action or delay as form fields, built from the engine's JSON
 * Schema of that vocabulary word: enums as choices, integers as numbers, cents as money,
 * templates and events chosen from the definition.
 */
export function ParamsEditor({
  def,
  group,
  type,
  params,
  path,
  onChange,
}: {
  def: DefinitionJson;
  group: VocabularyGroup;
  type: string;
  params: Record<string, unknown>;
  path: string;
  onChange(next: Record<string, unknown>): void;
}) {
  const { e, word, locale } = useEditorText();
  const schema = vocabularyParamSchemas()[group][type];
  const props = Object.entries(schema?.properties ?? {});
  if (props.length === 0) return null;
  const set = (key: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const templates = obj(def.templates);
  return (
    <div className="policy-grid">
      {props.map(([key, s]) => {
        const id = pathId(`${path}.params.${key}`);
        const label = word('param', key);
        const value = params[key];
        if (key === 'cents') {
          if (type === 'amountAtMost' && params.limit !== 'fixed') return null;
          return (
            <MoneyParamField
              key={key}
              id={id}
              path={`${path}.params.${key}`}
              where={describePath(def, path, locale)}
              label={label}
              value={typeof value === 'number' ? value : null}
              onValid={(cents) => set(key, cents)}
            />
          );
        }
        if (key === 'template') {
          const g = type === 'issueDocument' ? 'letters' : 'mails';
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                { value: '', label: e('tr.choose') },
                ...Object.entries(obj(templates[g])).map(([k, pair]) => ({
                  value: k,
                  label: templateName(pair, locale),
                })),
              ]}
            />
          );
        }
        if (key === 'sameDistrict') {
          return (
            <DistrictPostcodesField
              key={key}
              id={id}
              path={`${path}.params.${key}`}
              where={describePath(def, path, locale)}
              label={label}
              value={value}
              set={(v) => set(key, v)}
            />
          );
        }
        if (key === 'fields' && type === 'assignPayload') {
          return (
            <FieldsChooser
              key={key}
              id={id}
              def={def}
              event={eventOfPath(path)}
              value={arr(value).map(String)}
              set={(v) => set(key, v)}
            />
          );
        }
        const fields = payloadFieldsOf(def, eventOfPath(path), locale);
        // `amountAtMost` reads another field of the step only for the amount in this step.
        if (key === 'field' && type === 'amountAtMost' && params.amount !== 'payload') return null;
        if (key === 'field' && fields.length > 0) {
          const known = fields.some((f) => f.key === value);
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                // An optional field (the amount of an advance) can be set back to none.
                ...(!known
                  ? [{ value: str(value), label: str(value) || e('tr.choose') }]
                  : schema?.required?.includes(key)
                    ? []
                    : [{ value: '', label: e('tr.choose') }]),
                ...fields.map((f) => ({ value: f.key, label: f.label })),
              ]}
            />
          );
        }
        if (key === 'event') {
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                { value: '', label: e('tr.choose') },
                ...Object.entries(obj(def.events)).map(([k, ev]) => ({
                  value: k,
                  label: labelOf(ev, locale, k),
                })),
              ]}
            />
          );
        }
        return (
          <ParamField
            key={key}
            id={id}
            path={`${path}.params.${key}`}
            where={describePath(def, path, locale)}
            param={key}
            label={label}
            schema={s}
            value={value}
            set={(v) => set(key, v)}
            optional={!schema?.required?.includes(key)}
          />
        );
      })}
    </div>
  );
}

function ParamField({
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
function FieldsChooser({
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
