import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { describedBy, type FieldBase } from './ui';

/**
 * A question answered yes or no ("Is de activiteit toegankelijk voor mensen met een
 * beperking?"): two radio buttons in a group whose legend is the question; the explanation and
 * the error describe the group, said once on entering it. The first button carries the field's
 * id, so an error summary's link lands on it. `value` is `true` (the first answer), `false` (the
 * second) or anything else for not answered yet; `answers` are their words in the page's
 * language ("Ja", "Nee").
 */
export function YesNoField({
  id,
  label,
  description,
  error,
  required,
  value,
  answers,
  onChange,
}: FieldBase & {
  value: unknown;
  answers: { yes: string; no: string };
  onChange(value: boolean): void;
}) {
  const options = [
    { answer: true, id, words: answers.yes },
    { answer: false, id: `${id}-no`, words: answers.no },
  ];
  return (
    <div className="app-field app-yes-no">
      <Fieldset invalid={!!error} aria-describedby={describedBy(id, description, error)}>
        <FieldsetLegend className="app-yes-no__legend">{label}</FieldsetLegend>
        {description && (
          <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        )}
        {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
        <div className="app-yes-no__answers">
          {options.map((o) => (
            <FormField key={String(o.answer)} type="radio">
              <div className="app-choice">
                <RadioButton
                  id={o.id}
                  name={id}
                  value={o.answer ? 'ja' : 'nee'}
                  checked={value === o.answer}
                  invalid={!!error}
                  required={required}
                  onChange={() => onChange(o.answer)}
                />
                <FormLabel htmlFor={o.id} type="radio">
                  {o.words}
                </FormLabel>
              </div>
            </FormField>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
