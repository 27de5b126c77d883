import {
  ButtonGroup,
  Heading3,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { fieldId } from '../api/client';
import { useLabelAnchor } from '../components/error-summary';
import {
  ErrorAlert,
  ErrorSummary,
  SelectField,
  StatusMessage,
  TextAreaField,
} from '../components/ui';
import { useFormSubmission } from '../forms/use-form-submission';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

const GROUNDS = ['late_notice', 'not_interested', 'manifest'] as const;
type Ground = (typeof GROUNDS)[number];

/**
 * The decision that no penalty is owed after all (Awb 4:17 lid 6): the notice came unreasonably
 * late, the applicant is no interested party, or the application was manifestly inadmissible or
 * unfounded. The ground and the reasons go into the decision letter, with the objection clause.
 */
export function PenaltyNotOwedForm({
  appId,
  onSaved,
}: {
  appId: string;
  onSaved(): Promise<void> | void;
}) {
  const { d } = useDeskText();
  const { errors, failure, summary, summaryRef, submit } = useFormSubmission();
  const [ground, setGround] = useState<Ground | ''>('');
  const [motivation, setMotivation] = useState('');
  const [status, setStatus] = useState('');
  const groundId = fieldId('notOwed.ground');
  const motivationId = fieldId('notOwed.motivation');
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);

  function send(e: FormEvent) {
    const invalid: Record<string, string> = {};
    if (!ground) invalid[groundId] = d('notOwed.groundRequired');
    if (motivation.trim().length < 10) invalid[motivationId] = d('notOwed.motivationRequired');
    return submit(e, invalid, async () => {
      await deskApi.issuePenaltyDecision(appId, { ground: ground as Ground, motivation });
      setStatus(d('notOwed.sent'));
      await onSaved();
    });
  }

  return (
    <form ref={form} onSubmit={send} noValidate aria-labelledby="not-owed-title">
      <Heading3 id="not-owed-title" className="app-subheading">
        {d('notOwed.title')}
      </Heading3>
      <Paragraph>{d('notOwed.intro')}</Paragraph>
      <ErrorSummary summaryRef={summaryRef} errors={summary} onFollow={follow} />
      <SelectField
        id={groundId}
        label={d('notOwed.ground')}
        value={ground}
        error={errors[groundId]}
        required
        onChange={(v) => setGround(v as Ground | '')}
        options={[
          { value: '', label: d('notOwed.choose') },
          ...GROUNDS.map((g) => ({ value: g, label: d(`notOwed.${g}`) })),
        ]}
      />
      <TextAreaField
        id={motivationId}
        label={d('notOwed.motivation')}
        description={d('notOwed.motivationHelp')}
        value={motivation}
        error={errors[motivationId]}
        required
        onChange={setMotivation}
      />
      <ButtonGroup>
        <SecondaryActionButton type="submit">{d('notOwed.send')}</SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </form>
  );
}
