import {
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import type { Application } from '../api/client';
import { useLabelAnchor } from '../components/error-summary';
import {
  ErrorAlert,
  ErrorSummary,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../components/ui';
import { paramsAt, useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';
import { CONTACT_CHANNELS, type ContactChannel, deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

const REASON_ID = 'takeover-reason';
const CHANNEL_ID = 'contact-channel';
const SUMMARY_ID = 'contact-summary';

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
  const { errors, failure, summary, summaryRef, submit } = useFormSubmission();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);
  const claimedByOther = !!app.assigneeId && app.assigneeId !== me?.id;
  if (!claimedByOther && !status) return null;
  if (!hasRole('assessor', 'admin') && !status) return null;

  function takeOver(e: FormEvent) {
    return submit(
      e,
      {},
      async () => {
        await deskApi.takeOver(app.id, reason.trim() || undefined);
        setStatus(d('claim.takenOver', { reference: app.reference }));
        setReason('');
        await onChanged();
      },
      paramsAt({ reason: REASON_ID }),
    );
  }

  return (
    <section aria-labelledby="takeover-title" className="app-section app-section--highlight">
      <Heading2 id="takeover-title" className="app-subheading">
        {d('claim.takeOver')}
      </Heading2>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
      {claimedByOther && (
        <form ref={form} onSubmit={takeOver} noValidate>
          <Paragraph>{d('claim.byOther', { name: assigneeName ?? '–' })}</Paragraph>
          <TextField
            id={REASON_ID}
            label={d('claim.reason')}
            value={reason}
            error={errors[REASON_ID]}
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
  const submission = useFormSubmission();
  const { errors, failure, submit } = submission;
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [summary, setSummary] = useState('');
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);

  function save(e: FormEvent) {
    setStatus('');
    const invalid: Record<string, string> = summary.trim()
      ? {}
      : { [SUMMARY_ID]: d('contact.summaryRequired') };
    return submit(
      e,
      invalid,
      async () => {
        await deskApi.logContact(appId, { channel, summary: summary.trim() });
        setSummary('');
        setStatus(d('contact.saved'));
        await onSaved();
      },
      paramsAt({ channel: CHANNEL_ID, summary: SUMMARY_ID }),
    );
  }

  return (
    <section aria-labelledby="contact-title" className="app-section">
      <Heading2 id="contact-title" className="app-subheading">
        {d('contact.title')}
      </Heading2>
      <Paragraph>{d('contact.intro')}</Paragraph>
      <ErrorSummary
        errors={submission.summary}
        summaryRef={submission.summaryRef}
        onFollow={follow}
      />
      <form ref={form} onSubmit={save} noValidate>
        <SelectField
          id={CHANNEL_ID}
          label={d('contact.channel')}
          value={channel}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: d(`contact.channel.${c}`) }))}
          error={errors[CHANNEL_ID]}
          onChange={(v) => setChannel(v as ContactChannel)}
        />
        <TextAreaField
          id={SUMMARY_ID}
          label={d('contact.summary')}
          value={summary}
          error={errors[SUMMARY_ID]}
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
