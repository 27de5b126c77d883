import { SHOW_WHEN } from '@initiatief/engine';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import {
  arr,
  codeFrom,
  labelOf,
  type Obj,
  obj,
  pathId,
  str,
  textIn,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { FieldCondition, offersCondition } from './editor-payload-condition';
import { PayloadFieldFlags } from './editor-payload-flags';
import { dropFromRule, PayloadRule } from './editor-payload-rule';
import { PolicyTextField as TextField } from './editor-texts';
import type { DefinitionJson } from './policy-api';

const FIELD_TYPES = [
  'string',
  'textarea',
  'date',
  'select',
  'integer',
  'money',
  'boolean',
  'attachments',
] as const;
type FieldType = (typeof FIELD_TYPES)[number];

/** The payload property's kind as the officer sees it, read from its JSON Schema. */
function kindOf(key: string, s: Obj): FieldType | 'formData' {
  // The applicant's changes to the form itself, sent with the step (not a question of its own).
  if (s.type === 'object') return 'formData';
  if (Array.isArray(s.enum)) return 'select';
  if (s.type === 'boolean') return 'boolean';
  // Files sent with the step: ids of the application's attachments.
  if (s['x-widget'] === 'attachments' || (s.type === 'array' && obj(s.items).format === 'uuid'))
    return 'attachments';
  if (s.type === 'integer' || s.type === 'number')
    return s['x-unit'] === 'cents' || /Cents$/.test(key) ? 'money' : 'integer';
  if (s.format === 'date') return 'date';
  if (s['x-widget'] === 'textarea' || (typeof s.maxLength === 'number' && s.maxLength > 200))
    return 'textarea';
  return 'string';
}

/** A new property's schema; the forms of the app and the simulator read the same keywords. */
function schemaOf(kind: FieldType, label: { nl: string; en: string }): Obj {
  const common = { title: label.nl, 'x-label': label };
  switch (kind) {
    case 'integer':
      return { type: 'integer', minimum: 0, maximum: 1_000_000, ...common };
    case 'money':
      return { type: 'integer', minimum: 0, maximum: 100_000_000, 'x-unit': 'cents', ...common };
    case 'boolean':
      return { type: 'boolean', ...common };
    case 'date':
      return { type: 'string', format: 'date', ...common };
    case 'select':
      // One choice to start with, so the step stays valid; the officer renames and adds more.
      return {
        type: 'string',
        enum: ['keuze_1'],
        'x-enumLabels': { keuze_1: { nl: 'Keuze 1', en: 'Choice 1' } },
        ...common,
      };
    case 'textarea':
      return { type: 'string', maxLength: 4000, 'x-widget': 'textarea', ...common };
    case 'attachments':
      return {
        type: 'array',
        items: { type: 'string', format: 'uuid' },
        maxItems: 20,
        'x-widget': 'attachments',
        ...common,
      };
    default:
      return { type: 'string', maxLength: 200, ...common };
  }
}

/** The choices of a choice list: labels in both languages; their codes stay out of sight. */
function Options({
  base,
  field,
  s,
  change,
}: {
  base: string;
  field: string;
  s: Obj;
  change(fn: (prop: Obj) => void): void;
}) {
  const { e, locale } = useEditorText();
  const [label, setLabel] = useState('');
  const values = arr(s.enum).map(String);
  const labels = obj(s['x-enumLabels']);
  const code = codeFrom(label);
  const setLabelOf = (value: string, lang: 'nl' | 'en', v: string) =>
    change((prop) => {
      const all = { ...obj(prop['x-enumLabels']) };
      const now = obj(all[value]);
      all[value] = { nl: str(now.nl), en: str(now.en), [lang]: v };
      prop['x-enumLabels'] = all;
    });
  return (
    <Fieldset className="policy-payload__options">
      <FieldsetLegend>{e('options.title', { field })}</FieldsetLegend>
      {values.length === 0 && <Paragraph>{e('options.none')}</Paragraph>}
      <ol className="policy-ref-list">
        {values.map((value, n) => {
          const l = obj(labels[value]);
          const shown = str(l[locale]) || str(l.nl) || String(n + 1);
          return (
            <li key={value} className="policy-inline">
              <TextField
                id={pathId(`${base}.x-enumLabels.${value}.nl`)}
                label={e('options.nl', { n: n + 1 })}
                value={str(l.nl)}
                onChange={(v) => setLabelOf(value, 'nl', v)}
                width="medium"
              />
              <TextField
                id={pathId(`${base}.x-enumLabels.${value}.en`)}
                label={e('options.en', { n: n + 1 })}
                value={str(l.en)}
                onChange={(v) => setLabelOf(value, 'en', v)}
                width="medium"
              />
              <Button
                appearance="subtle-button"
                disabled={values.length <= 1}
                onClick={() =>
                  change((prop) => {
                    prop.enum = arr(prop.enum).filter((x) => x !== value);
                    const all = { ...obj(prop['x-enumLabels']) };
                    delete all[value];
                    prop['x-enumLabels'] = all;
                  })
                }
              >
                {e('options.remove', { option: shown })}
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="policy-inline">
        <TextField
          id={pathId(`${base}.options.new`)}
          label={e('options.new')}
          value={label}
          onChange={setLabel}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!code || values.includes(code)}
          onClick={() => {
            change((prop) => {
              prop.enum = [...arr(prop.enum), code];
              prop['x-enumLabels'] = {
                ...obj(prop['x-enumLabels']),
                [code]: { nl: label, en: '' },
              };
            });
            setLabel('');
          }}
        >
          {e('options.add')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** The data a step carries: questions in both languages, their kind, choices, required or not. */
export function PayloadFields({
  def,
  update,
  type,
}: {
  def: DefinitionJson;
  update: Update;
  type: string;
}) {
  const { e, locale } = useEditorText();
  const ev = obj(obj(def.events)[type]);
  const payload = obj(ev.payload);
  const props = obj(payload.properties);
  const required = arr(payload.required).map(String);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<FieldType>('string');
  const base = `events.${type}.payload`;
  const change = (fn: (payload: Obj) => void) =>
    update((d) => {
      const target = obj(obj(d.events)[type]);
      const pl: Obj = {
        type: 'object',
        properties: {},
        required: [],
        additionalProperties: false,
        ...obj(target.payload),
      };
      pl.properties = { ...obj(pl.properties) };
      pl.required = arr(pl.required);
      fn(pl);
      target.payload = pl;
    });
  const eventTitle = labelOf(ev, locale, type);
  return (
    <div className="policy-payload" id={pathId(base)} tabIndex={-1}>
      <Heading4 className="policy-h4">{e('events.payload', { event: eventTitle })}</Heading4>
      {Object.keys(props).length === 0 && <Paragraph>{e('events.noPayload')}</Paragraph>}
      {Object.entries(props).map(([key, raw]) => {
        const s = obj(raw);
        const l = obj(s['x-label']);
        const shown = textIn(l, locale, str(s.title) || key);
        const changeProp = (fn: (prop: Obj) => void) =>
          change((pl) => {
            const prop = { ...obj(obj(pl.properties)[key]) };
            fn(prop);
            (pl.properties as Obj)[key] = prop;
          });
        const setLabelOf = (lang: 'nl' | 'en', v: string) =>
          changeProp((prop) => {
            const next = {
              nl: str(obj(prop['x-label']).nl) || str(prop.title),
              en: str(obj(prop['x-label']).en),
              [lang]: v,
            };
            prop['x-label'] = next;
            prop.title = next.nl;
          });
        const k = kindOf(key, s);
        return (
          <Fieldset key={key} className="policy-payload__field">
            <FieldsetLegend>{shown}</FieldsetLegend>
            <div className="policy-grid">
              <TextField
                id={pathId(`${base}.properties.${key}.x-label.nl`)}
                label={e('events.fieldLabelNl')}
                value={str(l.nl) || str(s.title)}
                onChange={(v) => setLabelOf('nl', v)}
              />
              <TextField
                id={pathId(`${base}.properties.${key}.x-label.en`)}
                label={e('events.fieldLabelEn')}
                value={str(l.en)}
                onChange={(v) => setLabelOf('en', v)}
              />
              <Paragraph>
                {e('events.fieldType')}: {e(`ftype.${k}`)}
              </Paragraph>
            </div>
            {k === 'select' && (
              <Options base={`${base}.properties.${key}`} field={shown} s={s} change={changeProp} />
            )}
            <FormField type="checkbox" className="app-field">
              <Checkbox
                id={pathId(`${base}.required.${key}`)}
                appearance="html"
                className="policy-checkbox"
                checked={required.includes(key)}
                onChange={(evt) => {
                  const on = evt.target.checked;
                  change((pl) => {
                    const now = arr(pl.required)
                      .map(String)
                      .filter((x) => x !== key);
                    pl.required = on ? [...now, key] : now;
                  });
                }}
              />
              <FormLabel htmlFor={pathId(`${base}.required.${key}`)} type="checkbox">
                {/* With a condition, required means: when it is asked. */}
                {e(SHOW_WHEN in s ? 'cond.required' : 'events.fieldRequired')}
              </FormLabel>
            </FormField>
            <PayloadFieldFlags base={base} fieldKey={key} s={s} kind={k} change={changeProp} />
            {offersCondition(payload, key) && (
              <FieldCondition
                def={def}
                type={type}
                field={key}
                fieldLabel={shown}
                change={changeProp}
              />
            )}
            <Button
              appearance="subtle-button"
              onClick={() =>
                change((pl) => {
                  delete (pl.properties as Obj)[key];
                  pl.required = arr(pl.required).filter((x) => x !== key);
                  dropFromRule(pl, key);
                })
              }
            >
              {e('events.removeField', { field: shown })}
            </Button>
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id={`def-new-field-${type}`}
          label={e('events.fieldLabelNl')}
          value={label}
          onChange={setLabel}
          width="medium"
        />
        <SelectField
          id={`def-new-field-type-${type}`}
          label={e('events.fieldType')}
          value={kind}
          onChange={(v) => setKind(v as FieldType)}
          options={FIELD_TYPES.map((t) => ({ value: t, label: e(`ftype.${t}`) }))}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!codeFrom(label)}
          onClick={() => {
            const words = codeFrom(label).split('_');
            let key = words
              .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
              .join('');
            if (kind === 'money' && !/Cents$/.test(key)) key += 'Cents';
            change((pl) => {
              (pl.properties as Obj)[key] = schemaOf(kind, { nl: label, en: '' });
            });
            setLabel('');
          }}
        >
          {e('events.addField')}
        </Button>
      </div>
      <PayloadRule def={def} type={type} eventTitle={eventTitle} change={change} />
    </div>
  );
}
