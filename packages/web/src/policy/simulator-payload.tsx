import { fieldApplies } from '@initiatief/engine';
import {
  Checkbox,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import { DateInput } from '../components/date-input';
import { MoneyInput } from '../components/money-input';
import { SelectField, TextAreaField, TextField } from '../components/ui';
import { obj, str } from './editor-kit';
import { useEditorText } from './editor-messages';

type Json = Record<string, unknown>;

/** A payload property's label: its `x-label` in the officer's language, else its title or key. */
function labelOf(key: string, s: Json, locale: 'nl' | 'en'): string {
  return str(obj(s['x-label'])[locale]) || str(s.title) || key;
}

/**
 * The payload of a step as a form built from its JSON Schema: texts, numbers, amounts in euro
 * (properties named …Cents), dates, choices and yes/no. Empty fields are left out of the payload,
 * and so are fields that do not apply to what was chosen (the simulator sends `applyingPayload`).
 * A refused step's problems show at their fields (`errors`, by property).
 */
export function PayloadForm({
  idPrefix,
  schema,
  value,
  errors = {},
  onChange,
}: {
  idPrefix: string;
  schema: unknown;
  value: Json;
  errors?: Record<string, string>;
  onChange(next: Json): void;
}) {
  const { locale, word } = useEditorText();
  const props = Object.entries(obj(obj(schema).properties)).filter(
    // Form data sent with a step (a supplement) is edited as the application's data instead; a
    // field that does not apply to what was chosen (`x-showWhen`) is not asked, nor sent.
    ([key, s]) => obj(s).type !== 'object' && fieldApplies(obj(schema), key, value),
  );
  const required = new Set(
    (Array.isArray(obj(schema).required) ? (obj(schema).required as string[]) : []).map(String),
  );
  const set = (key: string, v: unknown) => {
    const next = { ...value };
    if (v === undefined || v === '' || v === null) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <div className="policy-grid">
      {props.map(([key, raw]) => {
        const s = obj(raw);
        const id = `${idPrefix}-${key}`;
        const label = labelOf(key, s, locale);
        const v = value[key];
        const req = required.has(key);
        const error = errors[key];
        if (Array.isArray(s.enum)) {
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              required={req}
              error={error}
              value={v === undefined ? '' : String(v)}
              onChange={(x) => set(key, x || undefined)}
              options={[
                { value: '', label: '–' },
                ...s.enum.map((o) => ({
                  value: String(o),
                  label:
                    str(obj(obj(s['x-enumLabels'])[String(o)])[locale]) || word('enum', String(o)),
                })),
              ]}
            />
          );
        }
        if ((s.type === 'integer' || s.type === 'number') && /Cents$/.test(key)) {
          return (
            <MoneyInput
              key={key}
              id={id}
              label={label}
              required={req}
              error={error}
              value={typeof v === 'number' ? v : null}
              onChange={(cents) => set(key, cents ?? undefined)}
            />
          );
        }
        if (s.type === 'integer' || s.type === 'number') {
          return (
            <TextField
              key={key}
              id={id}
              label={label}
              required={req}
              error={error}
              type="number"
              inputMode="numeric"
              width="short"
              value={typeof v === 'number' ? String(v) : ''}
              onChange={(x) => set(key, x.trim() === '' ? undefined : Number(x))}
            />
          );
        }
        if (s.type === 'boolean') {
          return (
            <FormField key={key} type="checkbox" className="app-field" invalid={!!error}>
              <Checkbox
                id={id}
                appearance="html"
                className="policy-checkbox"
                checked={v === true}
                invalid={!!error}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(ev) => set(key, ev.target.checked)}
              />
              <FormLabel htmlFor={id} type="checkbox">
                {label}
              </FormLabel>
              {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
            </FormField>
          );
        }
        if (s.format === 'date') {
          return (
            // Boxes that make no date keep the last one they made, and say why beside them.
            <DateInput
              key={key}
              id={id}
              label={label}
              required={req}
              error={error}
              value={typeof v === 'string' ? v : null}
              onChange={(date) => set(key, date)}
              onProblem={() => undefined}
            />
          );
        }
        const long =
          s['x-widget'] === 'textarea' || typeof s.maxLength !== 'number' || s.maxLength > 200;
        const Field = long ? TextAreaField : TextField;
        return (
          <Field
            key={key}
            id={id}
            label={label}
            required={req}
            error={error}
            value={typeof v === 'string' ? v : ''}
            onChange={(x: string) => set(key, x)}
            {...(long ? { rows: 2 } : {})}
          />
        );
      })}
    </div>
  );
}
