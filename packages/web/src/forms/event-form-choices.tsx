import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';

/** One of an event's enumerated payload fields: a radio group, the first option carrying `id`. */
export function ChoiceField({
  id,
  label,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  error: string | undefined;
  options: { value: string; label: string }[];
  value: unknown;
  onChange(value: string): void;
}) {
  return (
    <Fieldset invalid={!!error} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend>{label}</FieldsetLegend>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {options.map((o, i) => {
        const optId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <FormField key={o.value} type="radio">
            <div className="app-choice">
              <RadioButton
                id={optId}
                name={id}
                value={o.value}
                checked={value === o.value}
                invalid={!!error}
                onChange={() => onChange(o.value)}
              />
              <FormLabel htmlFor={optId} type="radio">
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

/** A yes/no field of an event's payload: one checkbox. */
export function CheckField({
  id,
  label,
  error,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  error: string | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <FormField type="checkbox" invalid={!!error}>
      <div className="app-choice">
        <Checkbox id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}
