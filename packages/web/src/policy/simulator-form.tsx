import { type FormField, requestedCents, type WorkflowDefinition } from '@initiatief/engine';
import {
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading3,
} from '@utrecht/component-library-react';
import { fieldId } from '../api/client';
import { BudgetTotal } from '../forms/budget-total';
import { FieldInput } from '../forms/field-input';
import { ListField } from '../forms/list-field';
import { supportersFooter } from '../forms/supporters-count';
import { useSimulatorText } from './simulator-messages';
import { fieldGroups } from './simulator-model';

type Data = Record<string, unknown>;
type Errors = Record<string, string>;

/**
 * The trial application as the resident's form shows it: the definition's own fields and field
 * components, labelled in the officer's language, grouped under the titles of the form's pages.
 * Problems show at their fields (`errors`, keyed by bare path as in the resident's form).
 */
export function TrialForm({
  definition: def,
  data,
  errors,
  maxCents,
  onChange,
  onProblem,
  onClearProblems,
}: {
  definition: WorkflowDefinition;
  data: Data;
  errors: Errors;
  /** The most one application may ask for under the terms being tried. */
  maxCents?: number;
  onChange(data: Data): void;
  onProblem(path: string, message: string | null): void;
  onClearProblems(prefix: string): void;
}) {
  const { locale } = useSimulatorText();
  const groups = fieldGroups(def, locale);
  const update = (key: string, value: unknown) => onChange({ ...data, [key]: value });
  const total = requestedCents(def, data);

  function renderField(field: FormField) {
    switch (field.type) {
      case 'list':
        return (
          <ListField
            key={field.key}
            field={field}
            value={data[field.key]}
            errors={errors}
            onChange={(items) => update(field.key, items)}
            onProblem={onProblem}
            onClearProblems={onClearProblems}
            footer={
              def.form.requestedAmount?.list === field.key ? (
                <BudgetTotal total={total} max={maxCents} />
              ) : (
                supportersFooter(def, field, data[field.key], data)
              )
            }
          />
        );
      case 'attachments':
        return (
          <NoFilesInTrial
            key={field.key}
            field={field}
            value={data[field.key]}
            error={errors[field.key]}
          />
        );
      default:
        return (
          <FieldInput
            key={field.key}
            field={field}
            id={fieldId(field.key)}
            value={data[field.key]}
            error={errors[field.key]}
            onChange={(v) => update(field.key, v)}
            onProblem={(m) => onProblem(field.key, m)}
          />
        );
    }
  }

  // One page needs no heading: its title is the definition's own.
  const headed = groups.length > 1;
  return (
    <div className="policy-sim-form">
      {groups.map((group) => (
        <div key={group.key} className="policy-sim-page">
          {headed && group.title && <Heading3 className="policy-h3">{group.title}</Heading3>}
          {group.fields.map(renderField)}
        </div>
      ))}
    </div>
  );
}

/** An attachments field: the trial uploads nothing, and says so at the field. */
function NoFilesInTrial({
  field,
  value,
  error,
}: {
  field: FormField;
  value: unknown;
  error: string | undefined;
}) {
  const { locale, sn } = useSimulatorText();
  const id = fieldId(field.key);
  const count = Array.isArray(value) ? value.length : 0;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
      className={`policy-plain-fieldset app-field${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <legend className="utrecht-form-label">{field.label[locale]}</legend>
      <FormFieldDescription id={`${id}-description`}>
        {sn('sd.noFiles', count)}
      </FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    </fieldset>
  );
}
