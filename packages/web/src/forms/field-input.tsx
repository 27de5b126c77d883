import type { FormField } from '@initiatief/engine';
import {
  isCodeNumber,
  isDigitsText,
  normalizeIban,
  optionLabel,
  yesNoLabel,
} from '@initiatief/engine';
import { Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { DateInput } from '../components/date-input';
import { MoneyInput } from '../components/money-input';
import {
  CheckboxField,
  describedBy,
  FieldShell,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/ui';
import { YesNoField } from '../components/yes-no-field';
import { useI18n } from '../i18n/i18n';
import { parseWholeNumber } from './whole-number';

/** A field with one value typed in or chosen (lists and files have components of their own). */
export type ScalarField = Exclude<FormField, { type: 'list' | 'attachments' }>;

export interface FieldInputProps {
  field: ScalarField;
  /** The DOM id (see `fieldId`): error summary links and labels point at it. */
  id: string;
  value: unknown;
  error?: string;
  onChange(value: unknown): void;
  /**
   * Text that cannot become a value of the field's type (an amount that reads two ways, "12a"
   * as a number): the field keeps the text, the value stays empty, and the caller is told why.
   */
  onProblem(message: string | null): void;
}

/** One form field of the definition, by its type, labelled and explained in the user's language. */
export function FieldInput({ field, id, value, error, onChange, onProblem }: FieldInputProps) {
  const { locale, t, formatNumber } = useI18n();
  const label = field.label[locale];
  // A lower limit on the text's length is said beside the field, not only once refused; a
  // number of digits only says how many digits ("8 cijfers.").
  const min = 'minLength' in field && (field.minLength ?? 0) > 1 ? field.minLength : undefined;
  const length = isDigitsText(field)
    ? digitsHint(field, t)
    : min
      ? t('form.minLength', { n: formatNumber(min) })
      : '';
  const help = [field.help?.[locale], length].filter(Boolean).join(' ') || undefined;
  const required = field.required !== false;
  const text = typeof value === 'string' ? value : '';
  /** What every text box of a field says of itself. */
  const box = { id, label, description: help, error, required };
  switch (field.type) {
    case 'textarea':
      return (
        <TextAreaField
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          value={text}
          onChange={onChange}
        />
      );
    case 'confirm':
      // Unticked is no answer, as an emptied text box is.
      return (
        <CheckboxField
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          checked={value === true}
          onChange={(checked) => onChange(checked ? true : null)}
        />
      );
    case 'yesno':
      // Ja is `true` and Nee `false`: both are answers; none chosen is none given.
      return (
        <YesNoField
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          value={value}
          answers={{ yes: yesNoLabel(true)[locale], no: yesNoLabel(false)[locale] }}
          onChange={onChange}
        />
      );
    case 'select':
      return (
        <SelectField
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          value={text}
          onChange={(v) => onChange(v === '' ? null : v)}
          options={[
            { value: '', label: t('form.choose') },
            // The value sent is the choice itself; the person reads its words.
            ...(field.options ?? []).map((o) => ({
              value: o,
              label: optionLabel(field, o)[locale],
            })),
          ]}
        />
      );
    case 'date':
      return (
        <DateInput
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          value={text || null}
          onChange={onChange}
          onProblem={(problem) => onProblem(problem ? problem.message[locale] : null)}
        />
      );
    case 'money':
      return (
        <MoneyInput
          id={id}
          label={label}
          description={help}
          error={error}
          required={required}
          value={typeof value === 'number' ? value : null}
          onChange={(cents, problem) => {
            onProblem(problem && !problem.ok ? problem.message[locale] : null);
            onChange(cents);
          }}
        />
      );
    case 'integer':
      return (
        <IntegerInput
          id={id}
          label={label}
          help={help}
          error={error}
          required={required}
          value={typeof value === 'number' ? value : null}
          code={isCodeNumber(field)}
          onChange={onChange}
          onProblem={onProblem}
        />
      );
    case 'iban':
      return (
        <TextField
          {...box}
          description={help ?? t('form.ibanHint')}
          autoComplete="off"
          value={text}
          onChange={onChange}
          onBlur={() => text && onChange(normalizeIban(text))}
        />
      );
    case 'postcode':
      return (
        <TextField
          {...box}
          width="short"
          value={text}
          onChange={onChange}
          onBlur={() => {
            const m = /^\s*(\d{4})\s*([a-zA-Z]{2})\s*$/.exec(text);
            if (m) onChange(`${m[1]} ${m[2]!.toUpperCase()}`);
          }}
        />
      );
    default:
      if (isDigitsText(field))
        // A number that may start with 0 (a KvK number): a numeric keyboard, and the spaces or
        // dots people write in long numbers ("0123 4567") taken out when the box is left.
        return (
          <TextField
            {...box}
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={onChange}
            onBlur={() => {
              if (/^[\d\s.]*\d[\d\s.]*$/.test(text) && /[\s.]/.test(text))
                onChange(text.replace(/[\s.]/g, ''));
            }}
          />
        );
      return <TextField {...box} value={text} onChange={onChange} />;
  }
}

/** How many digits a number of digits only takes, in words: "8 cijfers.", "Alleen cijfers." */
function digitsHint(
  field: { minLength?: number; maxLength?: number },
  t: ReturnType<typeof useI18n>['t'],
): string {
  const low = field.minLength && field.minLength > 1 ? field.minLength : undefined;
  const high = field.maxLength;
  if (low && high) {
    return low === high
      ? t('form.digitsExactly', { n: String(low) })
      : t('form.digitsRange', { min: String(low), max: String(high) });
  }
  if (low) return t('form.digitsAtLeast', { n: String(low) });
  if (high) return t('form.digitsAtMost', { n: String(high) });
  return t('form.digits');
}

/**
 * A whole number typed as text: "12a" stays visible with a sentence, never becomes 12. What was
 * typed stays as typed ("1.200", "2026"); a code (`code`: a year) takes digits only.
 */
function IntegerInput({
  id,
  label,
  help,
  error,
  required,
  value,
  code = false,
  onChange,
  onProblem,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required: boolean;
  value: number | null;
  code?: boolean;
  onChange(value: number | null): void;
  onProblem(message: string | null): void;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(value == null ? '' : String(value));
  const [left, setLeft] = useState(false);
  const last = useRef<number | null>(value);
  useEffect(() => {
    if (value === last.current) return;
    last.current = value;
    setText(value == null ? '' : String(value));
  }, [value]);
  const trimmed = text.trim();
  const unreadable = trimmed !== '' && parseWholeNumber(trimmed, locale, { code }) === null;
  const shown = left && unreadable ? t('form.wholeNumber') : error;
  return (
    <FieldShell id={id} label={label} description={help} error={shown}>
      <Textbox
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        value={text}
        invalid={!!shown}
        required={required}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, help, shown)}
        className="app-input--short"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const s = next.trim();
          const n = parseWholeNumber(s, locale, { code });
          last.current = n;
          onProblem(s !== '' && n === null ? t('form.wholeNumber') : null);
          onChange(n);
        }}
        onBlur={() => setLeft(true)}
      />
    </FieldShell>
  );
}
