import { useState } from 'react';
import { fieldId } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { useI18n } from '../../i18n/i18n';

/** The API's name of the day an application came in, and so the key of its problem. */
export const RECEIVED_ON = 'receivedOn';

/**
 * The day an application came in, which the desk gives when it files one that arrived earlier
 * (by post, or left at a desk): the decision term and the regulation's last day count from it.
 * Left empty, it came in today. Only for desk staff sending the form for a resident; likewise
 * for the supplement asked for, from whose day the suspended decision term runs again.
 */
export function useReceivedOn(enabled: boolean) {
  const [day, setDay] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  return {
    enabled,
    day,
    /** What to send with the step: the day, or nothing (today). */
    sent: enabled && day ? { receivedOn: day } : {},
    problem: enabled ? problem : '',
    setDay,
    setProblem,
  };
}

export function ReceivedOnField({
  receipt,
  error,
  what = 'application',
}: {
  receipt: ReturnType<typeof useReceivedOn>;
  error: string | undefined;
  /** What came in: the application (its terms count from the day), or a supplement asked for. */
  what?: 'application' | 'supplement';
}) {
  const { t, locale } = useI18n();
  if (!receipt.enabled) return null;
  return (
    <DateInput
      id={fieldId(RECEIVED_ON)}
      past
      label={t('wizard.receivedOn')}
      description={t(what === 'supplement' ? 'event.receivedOnHint' : 'wizard.receivedOnHint')}
      error={error}
      value={receipt.day}
      onChange={receipt.setDay}
      onProblem={(p) => receipt.setProblem(p ? p.message[locale] : '')}
    />
  );
}
