/**
 * The parts the editor's rules across fields share (`x-atLeastOneOf` on a step, `x-showWhen` on
 * a field): a fieldset the definition check's links land on, with its help and its problem, and
 * a tick box per field or choice.
 */
import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One field or choice to tick, by its label. */
export function RuleCheck({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <FormField type="checkbox" className="app-field">
      <Checkbox
        id={id}
        appearance="html"
        className="policy-checkbox"
        checked={checked}
        onChange={(evt) => onChange(evt.target.checked)}
      />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
    </FormField>
  );
}

/** The rule's fieldset: `id` is the path's id, where the check's links land. */
export function RuleFieldset({
  id,
  legend,
  help,
  error,
  children,
}: {
  id: string;
  legend: string;
  help: string;
  error: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="policy-plain-fieldset policy-rule"
      id={id}
      tabIndex={-1}
      aria-describedby={[`${id}-description`, error ? `${id}-error` : ''].join(' ').trim()}
    >
      <legend className="utrecht-form-label">{legend}</legend>
      <FormFieldDescription id={`${id}-description`}>{help}</FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {children}
    </fieldset>
  );
}
