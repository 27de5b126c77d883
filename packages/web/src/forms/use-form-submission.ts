import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { invalidParamsToErrors, type SummaryError, useErrorText } from '../components/ui';

/** What a failed submission shows: errors at fields (by input id), a message for the page. */
export interface Failure {
  errors?: Record<string, string>;
  failure?: string;
}

/**
 * An onError for a form that is one button: a refusal names a field the form has no box for (the
 * day a notice came in, the day a penalty is set), so its reasons are said above the button.
 */
export function reasonsAsFailure(err: unknown, fallback: (err: unknown) => Failure): Failure {
  return err instanceof ApiError && err.invalidParams.length > 0
    ? { failure: err.invalidParams.map((p) => p.reason).join(' ') }
    : fallback(err);
}

/**
 * An onError for a form whose inputs' ids are its own (two forms on a page may both have an
 * e-mail address): `ids` maps the name a problem gives a field (`email`) to its input's id here.
 * Reasons for fields the form has not are said for the page, after those it has at their fields.
 */
export function paramsAt(ids: Record<string, string>) {
  return (err: unknown, fallback: (err: unknown) => Failure): Failure => {
    if (!(err instanceof ApiError) || err.invalidParams.length === 0) return fallback(err);
    const errors: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const p of err.invalidParams) {
      const id = ids[p.name.replace(/^(body|data|payload)\./, '')];
      if (id) errors[id] = errors[id] ? `${errors[id]} ${p.reason}` : p.reason;
      else elsewhere.push(p.reason);
    }
    return Object.keys(errors).length
      ? { errors, failure: elsewhere.join(' ') || undefined }
      : { failure: elsewhere.join(' ') };
  };
}

/**
 * The state of a form that is checked in the browser, then sent: field errors with their
 * summary (focused when it lists something to fix), a page-level failure, and busy while sending.
 */
export function useFormSubmission() {
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  // One send at a time. The button is not disabled for it: a disabled button loses the focus,
  // and a keyboard or screen reader user would find themselves back at the page's start.
  const sending = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focused once the summary is on the page: after an answer came, its errors render some time
  // after they are set, and a frame asked for then may come before them.
  const summaryWanted = useRef(false);
  const focusSummary = () => {
    summaryWanted.current = true;
  };
  useEffect(() => {
    if (!summaryWanted.current || !summaryRef.current) return;
    summaryWanted.current = false;
    summaryRef.current.focus();
  });

  /** By default: the problem's invalidParams at their fields, or else its text for the page. */
  function describe(err: unknown): Failure {
    const fieldErrors = invalidParamsToErrors(err);
    return Object.keys(fieldErrors).length ? { errors: fieldErrors } : { failure: errorText(err) };
  }

  /**
   * Handles a submit event: shows `invalid` (field id -> message) and stops, or runs `send`.
   * When it throws, `onError` says what to show (null: it handled the error itself).
   */
  async function submit(
    event: FormEvent,
    invalid: Record<string, string>,
    send: () => Promise<void>,
    onError: (err: unknown, fallback: (err: unknown) => Failure) => Failure | null = describe,
  ): Promise<void> {
    event.preventDefault();
    if (sending.current) return;
    setErrors(invalid);
    setFailure('');
    if (Object.keys(invalid).length) {
      focusSummary();
      return;
    }
    setBusy(true);
    sending.current = true;
    try {
      await send();
    } catch (err) {
      const shown = onError(err, describe);
      if (shown) {
        const fieldErrors = shown.errors ?? {};
        setErrors(fieldErrors);
        setFailure(shown.failure ?? '');
        if (Object.keys(fieldErrors).length && !shown.failure) focusSummary();
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  /** Shows field errors found elsewhere, e.g. another form's refusal naming these fields. */
  function show(fieldErrors: Record<string, string>) {
    setErrors(fieldErrors);
    setFailure('');
  }

  const summary: SummaryError[] = Object.entries(errors).map(([target, message]) => ({
    target,
    message,
  }));
  return { errors, failure, busy, summary, summaryRef, submit, show, errorText };
}
