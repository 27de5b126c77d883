import type { JsonSchema } from '../api/client';
import { DateInput } from '../components/date-input';
import { MoneyInput } from '../components/money-input';
import { TextAreaField, TextField } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import type { Localized } from './definition-text';
import { enumOf, isLongText, isMoney, typeOf, type Value } from './event-form.fields';
import { CheckField, ChoiceField } from './event-form-choices';

/**
 * One payload field of an event that is not a list of files, by what its JSON Schema says it
 * is: a choice (radio buttons in words), yes or no, an amount in euro, a date as day, month and
 * year, a long or a short text, or a number.
 */
export function PayloadField({
  id,
  schema: s,
  label,
  description,
  error,
  required,
  value,
  onChange,
  onProblem,
}: {
  id: string;
  schema: JsonSchema;
  label: string;
  description?: string;
  error?: string;
  required: boolean;
  value: Value | undefined;
  onChange(value: Value): void;
  /** Text typed that makes no amount or no date, in both languages; null once it does. */
  onProblem(problem: Localized | null): void;
}) {
  const { locale } = useI18n();
  const type = typeOf(s);
  const options = enumOf(s);
  if (options) {
    const words = s['x-enumLabels'] as Record<string, Localized> | undefined;
    return (
      <ChoiceField
        id={id}
        label={label}
        error={error}
        options={options.map((o) => ({
          value: String(o),
          label: words?.[String(o)]?.[locale] ?? String(o),
        }))}
        value={value}
        onChange={onChange}
      />
    );
  }
  if (type === 'boolean') {
    return (
      <CheckField
        id={id}
        label={label}
        error={error}
        checked={value === true}
        onChange={onChange}
      />
    );
  }
  if (isMoney(s)) {
    return (
      <MoneyInput
        id={id}
        label={label}
        description={description}
        value={typeof value === 'number' ? value : null}
        onChange={(cents, problem) => {
          onProblem(problem && !problem.ok ? problem.message : null);
          onChange(cents);
        }}
        error={error}
        required={required}
      />
    );
  }
  if (s.format === 'date') {
    return (
      <DateInput
        id={id}
        label={label}
        description={description}
        value={typeof value === 'string' ? value : null}
        onChange={(date) => onChange(date ?? '')}
        onProblem={(problem) => onProblem(problem?.message ?? null)}
        error={error}
        required={required}
      />
    );
  }
  const text = String(value ?? '');
  if (type === 'string' && isLongText(s)) {
    return (
      <TextAreaField
        id={id}
        label={label}
        description={description}
        value={text}
        onChange={onChange}
        error={error}
        required={required}
      />
    );
  }
  return (
    <TextField
      id={id}
      label={label}
      description={description}
      value={text}
      onChange={onChange}
      error={error}
      required={required}
      inputMode={type === 'string' ? 'text' : 'numeric'}
      width={type === 'string' ? undefined : 'short'}
    />
  );
}
