import {
  Alert,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError, fieldId } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router/router';

/**
 * The page's h1. After each in-app navigation focus moves here, so screen reader users hear
 * where they landed; the very first page load leaves focus at the top for the skip link.
 */
export function PageHeading({
  children,
  lang,
  written = false,
}: {
  children: ReactNode;
  /** The heading's language when it is not the page's (a letter's subject, say). */
  lang?: string;
  /**
   * The heading is what someone wrote (an initiative's title): it reads in its own direction, an
   * Arabic title right to left, as the answers do (app.css).
   */
  written?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { location } = useRouter();
  const text = typeof children === 'string' ? children : null;
  useEffect(() => {
    if (text) document.title = `${text} – Gemeente Rotterdam`;
  }, [text]);
  useEffect(() => {
    // key 0 is the page the browser loaded; later keys are in-app navigations.
    if (location.key > 0) ref.current?.focus();
  }, [location.key]);
  return (
    <Heading1
      ref={ref}
      tabIndex={-1}
      className={written ? 'app-page-heading app-page-heading--written' : 'app-page-heading'}
      lang={lang}
    >
      {children}
    </Heading1>
  );
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="app-status">
      {children}
    </div>
  );
}

export function ErrorAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

// The error summary lives in its own file; pages import it from here as before.
export { ErrorSummary, focusField, type SummaryError } from './error-summary';

export interface FieldBase {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
}

export function describedBy(
  id: string,
  description?: ReactNode,
  error?: string,
  ...more: string[]
) {
  const ids = [
    description ? `${id}-description` : null,
    ...more,
    error ? `${id}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, description and error of one field around its input (NL Design System form field). */
export function FieldShell({
  id,
  label,
  description,
  error,
  children,
}: FieldBase & { children: ReactNode }) {
  return (
    <FormField invalid={!!error} className="app-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

/**
 * A statement to tick ("Ik ben 18 jaar of ouder."): the label beside the box, an explanation
 * and an error under it, both read out with the box.
 */
export function CheckboxField({
  id,
  label,
  description,
  error,
  required,
  checked,
  onChange,
}: FieldBase & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    // Laid out here, box beside its statement, not by the library's checkbox grid, which put a
    // description in a column of its own: the description and error sit under the statement.
    <FormField invalid={!!error} className="app-field app-field--statement">
      <div className="app-choice">
        <Checkbox
          id={id}
          checked={checked}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    </FormField>
  );
}

export function TextField({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  type = 'text',
  autoComplete,
  inputMode,
  width,
  onBlur,
}: FieldBase & {
  value: string;
  onChange(value: string): void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'search';
  width?: 'short' | 'medium';
  onBlur?(): void;
}) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <Textbox
        id={id}
        name={id}
        type={type}
        value={value}
        invalid={!!error}
        required={required}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, description, error)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={width ? `app-input--${width}` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  rows = 5,
}: FieldBase & { value: string; onChange(value: string): void; rows?: number }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <Textarea
        id={id}
        name={id}
        value={value}
        rows={rows}
        invalid={!!error}
        required={required}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, description, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  options,
}: FieldBase & {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
}) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <Select
        id={id}
        name={id}
        value={value}
        invalid={!!error}
        required={required}
        aria-describedby={describedBy(id, description, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </FieldShell>
  );
}

/** The problem's `text` in the reader's language ('' when the API gave none). */
function problemSentence(problem: ApiError['problem'], locale: 'nl' | 'en'): string {
  const text = problem.text as Partial<Record<'nl' | 'en', unknown>> | undefined;
  const said = text?.[locale];
  return typeof said === 'string' ? said.trim() : '';
}

/**
 * Turns any thrown error into one line for an alert, every word in the user's language: the
 * problem's own sentence when the API gives one in both languages (`text`: a refused step named
 * with the step and the state by their labels), else the catalogue's sentence for the problem's
 * code, then the fields' reasons (which the API gives in the user's language). The problem's
 * `detail` is for developers and logs and never shown: it is English, and a Dutch page has no
 * English sentence on it.
 */
export function useErrorText() {
  const { t, tx, locale } = useI18n();
  return (err: unknown): string => {
    if (!(err instanceof ApiError)) return t('errors.unknown');
    if (err.status === 0) return t('errors.network');
    if (err.status === 412) return t('errors.stale');
    const said = problemSentence(err.problem, locale);
    if (said) return said;
    const known = err.code ? tx(`errors.code.${err.code}`, '') : '';
    if (!known) return t('errors.unknown');
    const reasons = new Set(err.invalidParams.map((p) => p.reason.trim()).filter(Boolean));
    // The reasons say when the regulation took or takes applications: they are the whole answer.
    if (err.code === 'regulation_closed' && reasons.size > 0) return [...reasons].join(' ');
    if (err.code === 'budget_exceeded') {
      // The ceiling is reached only when nothing is left; otherwise the reason says how much is.
      const left = err.problem.remainingCents;
      if (left === 0) return [t('errors.budgetReached'), ...reasons].join(' ');
      if (reasons.size > 0) return [...reasons].join(' ');
    }
    return [known, ...reasons].join(' ');
  };
}

/** Server invalidParams as field errors keyed by DOM id. */
export function invalidParamsToErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) {
    for (const p of err.invalidParams) out[fieldId(p.name)] ??= p.reason;
  }
  return out;
}
