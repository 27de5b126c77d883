import { ButtonGroup, SecondaryActionButton } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import { NamedByMessage } from '../components/message-parts';
import { ErrorAlert, TextAreaField, useErrorText } from '../components/ui';
import { usePostText } from './print-queue-messages';

/**
 * Withholding a waiting paper letter that events overtook (the supplement it asks for came in at
 * the desk): a button, then the reason the history keeps for staff. Decisions have no button; the
 * API refuses them too (they take effect only when sent).
 */
export function WithholdLetter({
  documentId,
  idPrefix,
  letterName,
  onWithheld,
}: {
  documentId: string;
  idPrefix: string;
  /** "subject for name", for the button's accessible name (the subject in its own language). */
  letterName: ReactNode;
  onWithheld(batchId: string | null): void;
}) {
  const { t } = usePostText();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonId = `${idPrefix}-reason`;
  const openerId = `${idPrefix}-open`;

  useEffect(() => {
    if (open) document.getElementById(reasonId)?.focus();
  }, [open, reasonId]);

  function close() {
    setOpen(false);
    setReason('');
    setError('');
    setFailure('');
    // Back to the button that opened the form, not to the top of the page.
    requestAnimationFrame(() => document.getElementById(openerId)?.focus());
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    if (!reason.trim()) {
      setError(t('post.withholdReasonMissing'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      const done = await api.withholdLetter(documentId, reason.trim());
      onWithheld(done.batchId);
    } catch (err) {
      const reasonError =
        err instanceof ApiError ? err.invalidParams.find((p) => /reason$/.test(p.name)) : undefined;
      if (reasonError) setError(reasonError.reason);
      setFailure(errorText(err));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <ButtonGroup>
        <SecondaryActionButton id={openerId} onClick={() => setOpen(true)}>
          <NamedByMessage
            action={t('post.withhold')}
            text={t('post.withholdNamed')}
            parts={{ letter: letterName }}
          />
        </SecondaryActionButton>
      </ButtonGroup>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="app-inline-form">
      <ErrorAlert>{failure}</ErrorAlert>
      <TextAreaField
        id={reasonId}
        label={t('post.withholdReason')}
        description={t('post.withholdReasonHint')}
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (error && v.trim()) setError('');
        }}
        error={error}
        required
        rows={3}
      />
      <ButtonGroup>
        <SecondaryActionButton type="submit" disabled={busy} aria-busy={busy || undefined}>
          {t('post.withholdConfirm')}
        </SecondaryActionButton>
        <SecondaryActionButton type="button" onClick={close} disabled={busy}>
          {t('post.withholdCancel')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}
