import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useRef } from 'react';
import { useLabelAnchor } from '../components/error-summary';
import { ErrorAlert, ErrorSummary, TextField } from '../components/ui';
import type { useFormSubmission } from './use-form-submission';

type Submission = ReturnType<typeof useFormSubmission>;

/**
 * The frame of a short form checked in the browser before it is sent (login, register, a new
 * password): the error summary that links to each field, the page-level failure with what may
 * help after it, the fields, and one primary button that shows when it is busy. Its fields are
 * named in the address by the words of their labels (useLabelAnchor).
 */
export function CheckedForm({
  submission,
  onSubmit,
  submitLabel,
  afterFailure,
  children,
}: {
  submission: Submission;
  onSubmit: (e: FormEvent) => void;
  submitLabel: string;
  afterFailure?: ReactNode;
  children: ReactNode;
}) {
  const { summary, summaryRef, failure, busy } = submission;
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);
  return (
    <>
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
      <ErrorAlert>{failure}</ErrorAlert>
      {failure ? afterFailure : null}
      <form ref={form} onSubmit={onSubmit} noValidate className="app-form">
        {children}
        <ButtonGroup>
          {/* Not disabled while busy (the submission sends once): the focus stays on the button. */}
          <PrimaryActionButton type="submit" busy={busy} aria-disabled={busy || undefined}>
            {submitLabel}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/** A required text input of a CheckedForm, its error taken from the submission by its id. */
export function CheckedField({
  submission,
  ...field
}: Omit<Parameters<typeof TextField>[0], 'error' | 'required'> & { submission: Submission }) {
  return <TextField {...field} error={submission.errors[field.id]} required />;
}
