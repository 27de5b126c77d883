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
import { USER_ROLES } from '../api/client';
import { SelectField, TextField } from '../components/ui';
import { arr, codeFrom, labelOf, type Obj, obj, pathId, str, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionJson } from './policy-api';
import type { PolicyMessageKey } from './policy-messages';

/** The roles an event can be given to: the people's roles, defined once (api/client). */
export const ROLE_CODES = USER_ROLES;
const FIELD_TYPES = ['string', 'integer', 'money', 'boolean'] as const;
type FieldType = (typeof FIELD_TYPES)[number];

/** The payload property's kind as the officer sees it (money is an integer named …Cents). */
function kindOf(key: string, s: Obj): FieldType {
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'integer' || s.type === 'number') return /Cents$/.test(key) ? 'money' : 'integer';
  return 'string';
}

function schemaOf(kind: FieldType, label: { nl: string; en: string }): Obj {
  const common = { title: label.nl, 'x-label': label };
  switch (kind) {
    case 'integer':
      return { type: 'integer', minimum: 0, maximum: 1_000_000, ...common };
    case 'money':
      return { type: 'integer', minimum: 0, maximum: 100_000_000, ...common };
    case 'boolean':
      return { type: 'boolean', ...common };
    default:
      return { type: 'string', maxLength: 4000, ...common };
  }
}

function PayloadFields({
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
        const shown = str(l[locale]) || str(s.title) || key;
        const setLabelOf = (lang: 'nl' | 'en', v: string) =>
          change((pl) => {
            const prop = obj(obj(pl.properties)[key]);
            const next = {
              nl: str(obj(prop['x-label']).nl) || str(prop.title),
              en: str(obj(prop['x-label']).en),
              [lang]: v,
            };
            (pl.properties as Obj)[key] = { ...prop, 'x-label': next, title: next.nl };
          });
        return (
          <Fieldset key={key} className="policy-payload__field">
            <FieldsetLegend>{shown}</FieldsetLegend>
            <div className="policy-grid">
              <TextField
                id={pathId(`${base}.properties.${key}.nl`)}
                label={e('events.fieldLabelNl')}
                value={str(l.nl) || str(s.title)}
                onChange={(v) => setLabelOf('nl', v)}
              />
              <TextField
                id={pathId(`${base}.properties.${key}.en`)}
                label={e('events.fieldLabelEn')}
                value={str(l.en)}
                onChange={(v) => setLabelOf('en', v)}
              />
              <Paragraph>
                {e('events.fieldType')}: {e(`ftype.${kindOf(key, s)}`)}
              </Paragraph>
            </div>
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
                      .filter((k) => k !== key);
                    pl.required = on ? [...now, key] : now;
                  });
                }}
              />
              <FormLabel htmlFor={pathId(`${base}.required.${key}`)} type="checkbox">
                {e('events.fieldRequired')}
              </FormLabel>
            </FormField>
            <Button
              appearance="subtle-button"
              onClick={() =>
                change((pl) => {
                  delete (pl.properties as Obj)[key];
                  pl.required = arr(pl.required).filter((k) => k !== key);
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
          options={FIELD_TYPES.map((k) => ({ value: k, label: e(`ftype.${k}`) }))}
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
              (pl.properties as Obj)[key] = schemaOf(kind, { nl: label, en: label });
            });
            setLabel('');
          }}
        >
          {e('events.addField')}
        </Button>
      </div>
    </div>
  );
}

/** Steps: their names, who may take them, the message after them and the data they carry. */
export function EventsSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, e, locale } = useEditorText();
  const events = obj(def.events);
  const [newLabel, setNewLabel] = useState('');
  const newCode = codeFrom(newLabel, true);
  return (
    <details className="policy-section" id="def-section-events">
      <summary id="def-events-title" className="policy-section__summary">
        {p('events.title')}
      </summary>
      {Object.entries(events).map(([type, ev]) => {
        const roles = arr(obj(ev).roles).map(String);
        const label = obj(obj(ev).label);
        const outcome = obj(obj(ev).outcome);
        const title = labelOf(ev, locale, type);
        const setLocalized = (part: 'label' | 'outcome', lang: 'nl' | 'en', v: string) =>
          update((d) => {
            const target = obj(obj(d.events)[type]);
            const now = obj(target[part]);
            target[part] = { nl: str(now.nl), en: str(now.en), [lang]: v };
          });
        return (
          <Fieldset key={type} id={pathId(`events.${type}`)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>{title}</FieldsetLegend>
            <div className="policy-grid">
              <TextField
                id={pathId(`events.${type}.label.nl`)}
                label={p('events.labelNl')}
                value={str(label.nl)}
                onChange={(v) => setLocalized('label', 'nl', v)}
              />
              <TextField
                id={pathId(`events.${type}.label.en`)}
                label={p('events.labelEn')}
                value={str(label.en)}
                onChange={(v) => setLocalized('label', 'en', v)}
              />
              <TextField
                id={pathId(`events.${type}.outcome.nl`)}
                label={e('events.outcomeNl')}
                value={str(outcome.nl)}
                onChange={(v) => setLocalized('outcome', 'nl', v)}
              />
              <TextField
                id={pathId(`events.${type}.outcome.en`)}
                label={e('events.outcomeEn')}
                value={str(outcome.en)}
                onChange={(v) => setLocalized('outcome', 'en', v)}
              />
            </div>
            <fieldset
              className="policy-plain-fieldset"
              id={pathId(`events.${type}.roles`)}
              tabIndex={-1}
            >
              <legend className="utrecht-form-label">{p('events.roles', { event: title })}</legend>
              <div className="policy-checks">
                {ROLE_CODES.map((role) => {
                  const id = pathId(`events.${type}.roles.${role}`);
                  return (
                    <FormField key={role} type="checkbox" className="app-field">
                      <Checkbox
                        id={id}
                        appearance="html"
                        className="policy-checkbox"
                        checked={roles.includes(role)}
                        onChange={(evt) => {
                          const on = evt.target.checked;
                          update((d) => {
                            const target = obj(obj(d.events)[type]);
                            const now = arr(target.roles).map(String);
                            // Adding keeps every role already there (also ones not listed here).
                            target.roles = on
                              ? [...now.filter((r) => r !== role), role]
                              : now.filter((r) => r !== role);
                          });
                        }}
                      />
                      <FormLabel htmlFor={id} type="checkbox">
                        {p(`roles.${role}` as PolicyMessageKey)}
                      </FormLabel>
                    </FormField>
                  );
                })}
              </div>
            </fieldset>
            <PayloadFields def={def} update={update} type={type} />
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id="def-new-event"
          label={e('events.newLabel')}
          value={newLabel}
          onChange={setNewLabel}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[A-Z][A-Z0-9_]*$/.test(newCode) || Object.hasOwn(events, newCode)}
          onClick={() => {
            update((d) => {
              d.events = {
                ...obj(d.events),
                [newCode]: {
                  label: { nl: newLabel, en: newLabel },
                  roles: ['assessor'],
                  payload: {
                    type: 'object',
                    properties: {},
                    required: [],
                    additionalProperties: false,
                  },
                },
              };
            });
            setNewLabel('');
          }}
        >
          {e('events.add')}
        </Button>
      </div>
    </details>
  );
}
