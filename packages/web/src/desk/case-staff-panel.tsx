import {
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Application } from '../api/client';
import {
  ErrorAlert,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
  useErrorText,
} from '../components/ui';
import { useSession } from '../session/session';
import { CONTACT_CHANNELS, type ContactChannel, deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

/**
 * Shown when another assessor holds the claim: nothing can be done until this person takes the
 * case over, explicitly (the history records it).
 */
export function ClaimTakeOver({
  app,
  assigneeName,
  onChanged,
}: {
  app: Application;
  assigneeName: string | null;
  onChanged(): Promise<void> | void;
}) {
  const { d } = useDeskText();
  const { me, hasRole } = useSession();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const claimedByOther = !!app.assigneeId && app.assigneeId !== me?.id;
  if (!claimedByOther && !status) return null;
  if (!hasRole('assessor', 'admin') && !status) return null;

  async function takeOver(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    try {
      await deskApi.takeOver(app.id, reason.trim() || undefined);
      setStatus(d('claim.takenOver', { reference: app.reference }));
      setReason('');
      await onChanged();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <section aria-labelledby="takeover-title" className="app-section app-section--highlight">
      <Heading2 id="takeover-title" className="app-subheading">
        {d('claim.takeOver')}
      </Heading2>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
      {claimedByOther && (
        <form onSubmit={takeOver}>
          <Paragraph>{d('claim.byOther', { name: assigneeName ?? '–' })}</Paragraph>
          <TextField
            id="takeover-reason"
            label={d('claim.reason')}
            value={reason}
            onChange={setReason}
          />
          <ButtonGroup>
            <SecondaryActionButton type="submit">{d('claim.takeOver')}</SecondaryActionButton>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}

/** A phone or desk contact (klantcontact), logged in the application's history. */
export function ContactMomentForm({
  appId,
  onSaved,
}: {
  appId: string;
  onSaved(): Promise<void> | void;
}) {
  const { d } = useDeskText();
  const errorText = useErrorText();
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function save(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    setStatus('');
    if (!summary.trim()) {
      setError(d('contact.summaryRequired'));
      document.getElementById('contact-summary')?.focus();
      return;
    }
    setError('');
    try {
      await deskApi.logContact(appId, { channel, summary: summary.trim() });
      setSummary('');
      setStatus(d('contact.saved'));
      await onSaved();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <section aria-labelledby="contact-title" className="app-section">
      <Heading2 id="contact-title" className="app-subheading">
        {d('contact.title')}
      </Heading2>
      <Paragraph>{d('contact.intro')}</Paragraph>
      <form onSubmit={save} noValidate>
        <SelectField
          id="contact-channel"
          label={d('contact.channel')}
          value={channel}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: d(`contact.channel.${c}`) }))}
          onChange={(v) => setChannel(v as ContactChannel)}
        />
        <TextAreaField
          id="contact-summary"
          label={d('contact.summary')}
          value={summary}
          error={error}
          required
          rows={3}
          onChange={setSummary}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{d('contact.save')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </section>
  );
}
