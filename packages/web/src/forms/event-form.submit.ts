/**
 * Sending an event form: checked first, confirmed when the step asks for it, sent once (one
 * idempotency key per attempt), and a refusal put where it belongs: at its fields, as a warning
 * that the application changed meanwhile (412), or as one sentence for the form.
 */
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, type Application, api } from '../api/client';
import { useErrorText } from '../components/ui';
import { RECEIVED_ON, type useReceivedOn } from '../pages/form/received-on-field';

type Errors = Record<string, string>;

export function useEventSubmit({
  app,
  type,
  confirm,
  check,
  receipt,
  show,
  refusalAt,
  onSent,
  onReload,
}: {
  app: Application;
  type: string;
  /** Whether the step is confirmed before it is sent. */
  confirm: boolean;
  check(): { errors: Errors; payload: Record<string, unknown> };
  receipt: ReturnType<typeof useReceivedOn>;
  show(errors: Errors): void;
  /** The refusal's problems at the form's fields (empty: none of them). */
  refusalAt(err: ApiError): Errors;
  /** Sent: the application as it is now. */
  onSent(next: Application): void;
  onReload(): Promise<void>;
}) {
  const errorText = useErrorText();
  const [failure, setFailure] = useState('');
  const [stale, setStale] = useState(false);
  // Said once the page holds the application as it is now, after the warning's "reload".
  const [reloaded, setReloaded] = useState(false);
  // After that reload the warning and its button are gone: focus goes to this form's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // A refusal of the form as a whole takes focus, as the error summary does: the button that was
  // pressed is disabled while sending, and focus would otherwise fall back to the page's start.
  const refusalRef = useRef<HTMLDivElement>(null);
  const idempotencyKey = useRef<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    setReloaded(false);
    const built = check();
    const errs = receipt.problem
      ? { ...built.errors, [RECEIVED_ON]: receipt.problem }
      : built.errors;
    show(errs);
    if (Object.keys(errs).length) return;
    if (confirm && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const next = await api.sendEvent(
        app.id,
        { type, payload: built.payload, ...receipt.sent },
        { etag: app.etag, idempotencyKey: idempotencyKey.current },
      );
      setConfirming(false);
      idempotencyKey.current = null;
      onSent(next);
    } catch (err) {
      setConfirming(false);
      // The key guards against a retry after a lost answer; once the server has answered,
      // the next attempt is a new request (a new If-Match, new values).
      if (!(err instanceof ApiError && err.status === 0)) idempotencyKey.current = null;
      // Field problems go to their fields (an amount above what is left of the budget included,
      // named by its label); any other refusal is one sentence for the form.
      const atFields = err instanceof ApiError ? refusalAt(err) : {};
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
        requestAnimationFrame(() => refusalRef.current?.focus());
      } else if (Object.keys(atFields).length) {
        show(atFields);
      } else {
        setFailure(errorText(err));
        requestAnimationFrame(() => refusalRef.current?.focus());
        // Taken over by a colleague meanwhile: the page around this form shows who has it now
        // (the form itself stays, with the refusal).
        if (err instanceof ApiError && err.code === 'claimed') void onReload();
      }
    } finally {
      setBusy(false);
    }
  }

  return {
    submit,
    busy,
    confirming,
    /** Back from the confirmation to the form. */
    cancel: () => setConfirming(false),
    failure,
    stale,
    reloaded,
    refusalRef,
    headingRef,
    /** After the warning that the application changed: load it as it is now. */
    async reload() {
      await onReload();
      setStale(false);
      setReloaded(true);
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    /** What was typed changed: a retry is a new request. */
    edited() {
      idempotencyKey.current = null;
    },
  };
}
