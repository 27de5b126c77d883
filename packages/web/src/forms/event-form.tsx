import type { WorkflowDefinition } from '@initiatief/engine';
import {
  Alert,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import {
  type AllowedEvent,
  ApiError,
  type Application,
  api,
  fieldId,
  type JsonSchema,
} from '../api/client';
import type { MoneyParse } from '../components/money';
import { MoneyInput } from '../components/money-input';
import {
  ErrorAlert,
  ErrorSummary,
  type SummaryError,
  TextAreaField,
  TextField,
  useErrorText,
} from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { eventLabel, isMoneyProp, type Localized, payloadLabel } from './definition-text';

/** Text as typed, a checkbox, or an amount in cents (null: nothing readable typed). */
type Value = string | boolean | number | null;

function typeOf(schema: JsonSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.enum) return 'string';
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return typeOf(alt.find((s) => s.type !== 'null') ?? {});
  return 'string';
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.every((s) => 'const' in s)) return alt.map((s) => s.const);
  return undefined;
}

// A payload's fields in the definition's order, choices first: a decision before its reasons.
const rank = (s: JsonSchema) => (enumOf(s) ? 0 : isMoney(s) ? 1 : typeOf(s) === 'string' ? 3 : 2);

/** Fields this generic form can render; nested objects and arrays are left to dedicated pages. */
export function formFields(schema: JsonSchema): [string, JsonSchema][] {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => {
      const t = typeOf(s);
      return t !== 'object' && t !== 'array';
    })
    .sort(([, sa], [, sb]) => rank(sa) - rank(sb));
}

/** An amount in cents (`x-unit: cents` in the definition's payload schema). */
function isMoney(schema: JsonSchema) {
  return isMoneyProp(schema);
}

function isLongText(schema: JsonSchema) {
  return schema['x-widget'] === 'textarea' || (schema.maxLength ?? 0) > 200;
}

function initialValue(name: string, schema: JsonSchema, defaults: Record<string, unknown>): Value {
  const d = name in defaults ? defaults[name] : schema.default;
  if (typeOf(schema) === 'boolean') return d === true;
  if (d === undefined || d === null) return '';
  if (isMoney(schema)) return typeof d === 'number' ? d : null;
  return String(d);
}

/**
 * A form for one allowed event, built from the event's JSON Schema payload. What was typed
 * stays when the application is reloaded after a 412, because the form is keyed by event type.
 */
export function EventForm({
  app,
  event,
  onDone,
  onReload,
  defaults = {},
  intro,
  extra,
  confirmText,
  danger,
  headingLevel = 3,
  definition,
}: {
  app: Application;
  event: AllowedEvent;
  /** The definition the application is pinned to: the event's label and its fields' labels. */
  definition: WorkflowDefinition | undefined;
  onDone(app: Application): void;
  onReload(): Promise<void>;
  defaults?: Record<string, unknown>;
  intro?: ReactNode;
  extra?: ReactNode;
  confirmText?: string;
  danger?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const schema: JsonSchema = event.payloadSchema ?? {};
  const fields = formFields(schema);
  const required = new Set(schema.required ?? []);
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(fields.map(([n, s]) => [n, initialValue(n, s, defaults)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const moneyProblems = useRef<Record<string, MoneyParse | null>>({});
  const [failure, setFailure] = useState('');
  const [stale, setStale] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idempotencyKey = useRef<string | null>(null);
  const prefix = `ev-${event.type}`;
  const idFor = (name: string) => fieldId(`${event.type}.${name}`);
  const label = (name: string) => payloadLabel(schema, name, locale);
  const help = (s: JsonSchema) => (s['x-help'] as Localized | undefined)?.[locale];
  const optionLabel = (s: JsonSchema, value: string) =>
    (s['x-enumLabels'] as Record<string, Localized> | undefined)?.[value]?.[locale] ?? value;
  const title = eventLabel(definition, event.type)[locale];

  function set(name: string, v: Value) {
    setValues((prev) => ({ ...prev, [name]: v }));
    idempotencyKey.current = null;
  }

  function build(): { payload: Record<string, unknown>; errors: Record<string, string> } {
    const payload: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const [name, s] of fields) {
      const raw = values[name];
      const type = typeOf(s);
      const l = label(name);
      if (type === 'boolean') {
        payload[name] = raw === true;
        continue;
      }
      if (isMoney(s)) {
        const problem = moneyProblems.current[name];
        if (problem && !problem.ok) errs[name] = `${l}: ${problem.message[locale]}`;
        else if (typeof raw === 'number') payload[name] = raw;
        else if (required.has(name)) errs[name] = t('form.required', { field: l });
        continue;
      }
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '') {
        if (required.has(name)) errs[name] = t('form.required', { field: l });
        continue;
      }
      if (type === 'integer' || type === 'number') {
        const n = Number(text);
        if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))
          errs[name] = t('form.invalidNumber', { field: l });
        else payload[name] = n;
      } else {
        payload[name] = text;
      }
    }
    return { payload, errors: errs };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    const built = build();
    setErrors(built.errors);
    if (Object.keys(built.errors).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (confirmText && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const next = await api.sendEvent(
        app.id,
        { type: event.type, payload: built.payload },
        { etag: app.etag, idempotencyKey: idempotencyKey.current },
      );
      setConfirming(false);
      idempotencyKey.current = null;
      // An event that leaves the application where it was keeps this form on the page: empty
      // it, so what was sent does not stand there ready to be sent twice.
      setValues(Object.fromEntries(fields.map(([n, s]) => [n, initialValue(n, s, defaults)])));
      setErrors({});
      moneyProblems.current = {};
      onDone(next);
    } catch (err) {
      setConfirming(false);
      // The key guards against a retry after a lost answer; once the server has answered,
      // the next attempt is a new request (a new If-Match, new values).
      if (!(err instanceof ApiError && err.status === 0)) idempotencyKey.current = null;
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
      } else if (
        err instanceof ApiError &&
        err.code === 'validation_failed' &&
        err.invalidParams.length
      ) {
        // Field problems go to their fields; any other refusal (the budget ceiling) is one
        // sentence for the form, its reasons included.
        const e2: Record<string, string> = {};
        for (const p of err.invalidParams) {
          const name = p.name.replace(/^(payload|data)\./, '');
          e2[fields.some(([n]) => n === name) ? name : p.name] = p.reason;
        }
        setErrors(e2);
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else {
        setFailure(errorText(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const summary: SummaryError[] = Object.entries(errors).map(([name, message]) => ({
    target: fields.some(([n]) => n === name) ? idFor(name) : `${prefix}-submit`,
    message,
  }));
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const headingId = `${prefix}-title`;

  return (
    <section className="app-action" aria-labelledby={headingId}>
      <Heading id={headingId} className="app-action__title">
        {title}
      </Heading>
      {intro}
      <ErrorSummary errors={summary} summaryRef={summaryRef} />
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('errors.stale')}</Paragraph>
          <SecondaryActionButton
            type="button"
            onClick={async () => {
              await onReload();
              setStale(false);
            }}
          >
            {t('common.reload')}
          </SecondaryActionButton>
        </Alert>
      )}
      <ErrorAlert>{failure}</ErrorAlert>
      <form noValidate onSubmit={submit} className="app-form">
        {fields.map(([name, s]) => {
          const id = idFor(name);
          const l = label(name);
          const error = errors[name];
          const type = typeOf(s);
          const options = enumOf(s);
          const desc = help(s);
          if (options) {
            return (
              <Fieldset
                key={name}
                invalid={!!error}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <FieldsetLegend>{l}</FieldsetLegend>
                {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
                {options.map((o, i) => {
                  const optId = i === 0 ? id : `${id}-${String(o)}`;
                  return (
                    <FormField key={String(o)} type="radio">
                      <div className="app-choice">
                        <RadioButton
                          id={optId}
                          name={id}
                          value={String(o)}
                          checked={values[name] === String(o)}
                          invalid={!!error}
                          onChange={() => set(name, String(o))}
                        />
                        <FormLabel htmlFor={optId} type="radio">
                          {optionLabel(s, String(o))}
                        </FormLabel>
                      </div>
                    </FormField>
                  );
                })}
              </Fieldset>
            );
          }
          if (type === 'boolean') {
            return (
              <FormField key={name} type="checkbox" invalid={!!error}>
                <div className="app-choice">
                  <Checkbox
                    id={id}
                    checked={values[name] === true}
                    onChange={(e) => set(name, e.target.checked)}
                  />
                  <FormLabel htmlFor={id} type="checkbox">
                    {l}
                  </FormLabel>
                </div>
              </FormField>
            );
          }
          if (isMoney(s)) {
            return (
              <MoneyInput
                key={name}
                id={id}
                label={l}
                description={desc}
                value={typeof values[name] === 'number' ? (values[name] as number) : null}
                onChange={(cents, problem) => {
                  moneyProblems.current[name] = problem;
                  set(name, cents);
                }}
                error={error}
                required={required.has(name)}
              />
            );
          }
          const text = String(values[name] ?? '');
          if (type === 'string' && isLongText(s) && s.format !== 'date') {
            return (
              <TextAreaField
                key={name}
                id={id}
                label={l}
                description={desc}
                value={text}
                onChange={(v) => set(name, v)}
                error={error}
                required={required.has(name)}
              />
            );
          }
          return (
            <TextField
              key={name}
              id={id}
              label={l}
              description={desc}
              value={text}
              onChange={(v) => set(name, v)}
              error={error}
              required={required.has(name)}
              type={s.format === 'date' ? 'date' : 'text'}
              inputMode={type === 'string' ? 'text' : 'numeric'}
              width={type === 'string' && s.format !== 'date' ? undefined : 'short'}
            />
          );
        })}
        {extra}
        {confirming && confirmText && (
          <Alert type="warning" role="alert">
            <Paragraph>{confirmText}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <PrimaryActionButton
            id={`${prefix}-submit`}
            type="submit"
            busy={busy}
            disabled={busy}
            hint={danger ? 'danger' : undefined}
          >
            {confirming ? t('common.confirm') : title}
          </PrimaryActionButton>
          {confirming && (
            <SecondaryActionButton type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </SecondaryActionButton>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
