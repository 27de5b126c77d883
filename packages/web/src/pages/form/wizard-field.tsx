import type { FormField, WorkflowDefinition } from '@initiatief/engine';
import { type Attachment, fieldId } from '../../api/client';
import { AttachmentsField } from '../../forms/attachments-field';
import { BudgetTotal } from '../../forms/budget-total';
import { FieldInput } from '../../forms/field-input';
import { totalPath } from '../../forms/form-order';
import { ListField } from '../../forms/list-field';
import { type FormApplicant, supportersFooter } from '../../forms/supporters-count';
import { unclearLines } from './wizard-problems';

/**
 * One question of a page of the form, by its type: files (uploaded here, named by id), a list
 * (the budget's with its total against the regulation's maximum, the supporters' with their
 * count), or a single answer.
 */
export function WizardField({
  def,
  field,
  applicationId,
  value,
  data,
  attachments,
  errors,
  inputProblems,
  total,
  max,
  applicant,
  onChange,
  onUploaded,
  onProblem,
  onClearProblems,
}: {
  def: WorkflowDefinition;
  field: FormField;
  applicationId: string;
  value: unknown;
  /** The form's answers now: the supporters' count reads a district asked on the form. */
  data: Record<string, unknown>;
  /** The application's files, to name the ids of an attachments question. */
  attachments: Attachment[];
  /** The errors by path: the field's own, and its items' in a list. */
  errors: Record<string, string>;
  /** Text typed that cannot become a value, by path: a budget line's unclear amount. */
  inputProblems: Record<string, string>;
  /** The requested amount: the budget's total. */
  total: number;
  /** The regulation's maximum, when known. */
  max: number | undefined;
  applicant?: FormApplicant;
  onChange(value: unknown): void;
  onUploaded(file: Attachment): void;
  onProblem(path: string, message: string | null): void;
  onClearProblems(prefix: string, removed?: number): void;
}) {
  if (field.type === 'attachments') {
    return (
      <AttachmentsField
        field={field}
        applicationId={applicationId}
        value={value}
        files={attachments}
        errors={errors}
        onUploaded={onUploaded}
        onChange={onChange}
      />
    );
  }
  if (field.type === 'list') {
    const isBudget = def.form.requestedAmount?.list === field.key;
    return (
      <ListField
        field={field}
        value={value}
        errors={errors}
        onChange={onChange}
        onProblem={onProblem}
        onClearProblems={onClearProblems}
        footer={
          isBudget ? (
            <BudgetTotal
              id={fieldId(totalPath(field.key))}
              total={total}
              max={max}
              unclear={unclearLines(def, inputProblems)}
            />
          ) : (
            supportersFooter(def, field, value, data, applicant)
          )
        }
      />
    );
  }
  return (
    <FieldInput
      field={field}
      id={fieldId(field.key)}
      value={value}
      error={errors[field.key]}
      onChange={onChange}
      onProblem={(m) => onProblem(field.key, m)}
    />
  );
}
