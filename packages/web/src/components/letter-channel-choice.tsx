import {
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type LetterChannelState } from '../api/client';
import { paramsAt, useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n';
import { useLabelAnchor } from './error-summary';
import { ErrorAlert, ErrorSummary, StatusMessage, useErrorText } from './ui';
import { useLoad } from './use-load';

type Channel = LetterChannelState['channel'];

/**
 * How a resident receives letters and decisions (Awb 2:14): e-mail or post. On the profile page
 * for oneself; at the desk (with `userId`) a clerk records the resident's choice. E-mail needs an
 * address; without one the choice is post.
 */
export function LetterChannelChoice({
  userId,
  onSaved,
  onRefused,
}: {
  userId?: string;
  /** Told what the server kept after a save (e.g. to say the channel in words elsewhere). */
  onSaved?(saved: LetterChannelState): void;
  /**
   * Told of a refused choice: returns what to say here instead of the problem's own text (e.g.
   * when the fields it names are elsewhere on the page and shown there), or undefined.
   */
  onRefused?(err: unknown): string | undefined;
}) {
  const { t, tx } = useI18n();
  const errorText = useErrorText();
  const state = useLoad(
    () => (userId ? api.userLetterChannel(userId) : api.letterChannel()),
    [userId],
  );
  const [choice, setChoice] = useState<Channel | null>(null);
  const [notice, setNotice] = useState('');
  const { errors, failure, busy, summary, summaryRef, submit } = useFormSubmission();
  const id = userId ? `letter-channel-${userId}` : 'letter-channel';
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);
  // The refusal of a channel (e-mail without an address) is said at the option chosen.
  const chosenId = `${id}-${choice ?? 'email'}`;

  useEffect(() => {
    if (state.data) setChoice(state.data.effective);
  }, [state.data]);

  function save(e: FormEvent) {
    if (!choice) {
      e.preventDefault();
      return;
    }
    setNotice('');
    return submit(
      e,
      {},
      async () => {
        const saved = userId
          ? await api.setUserLetterChannel(userId, choice)
          : await api.setLetterChannel(choice);
        setNotice(
          t('channel.saved', {
            channel: tx(`channel.effective.${saved.effective}`, saved.effective),
          }),
        );
        await state.reload();
        onSaved?.(saved);
      },
      (err, fallback) => {
        const instead = onRefused?.(err);
        // The postal address post needs is no field of this form: its reasons are said here.
        return instead !== undefined
          ? { failure: instead }
          : paramsAt({ channel: chosenId })(err, fallback);
      },
    );
  }

  if (!state.data) return <ErrorAlert>{state.error ? errorText(state.error) : ''}</ErrorAlert>;
  const noEmail = !state.data.email;
  const options: { value: Channel; label: string; hint: string }[] = [
    {
      value: 'email',
      label: t('channel.email'),
      hint: noEmail
        ? t('channel.emailMissing')
        : t(userId ? 'channel.emailHintDesk' : 'channel.emailHint'),
    },
    {
      value: 'paper',
      label: t('channel.paper'),
      hint: t(userId ? 'channel.paperHintDesk' : 'channel.paperHint'),
    },
  ];
  return (
    <form ref={form} onSubmit={save} className="app-form app-section" noValidate>
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
      <Fieldset
        invalid={!!errors[chosenId]}
        aria-describedby={errors[chosenId] ? `${id}-error` : undefined}
      >
        <FieldsetLegend>{t(userId ? 'channel.legendDesk' : 'channel.legend')}</FieldsetLegend>
        {errors[chosenId] && (
          <FormFieldErrorMessage id={`${id}-error`}>{errors[chosenId]}</FormFieldErrorMessage>
        )}
        {options.map((option) => (
          <FormField key={option.value} className="app-field">
            <div className="app-choice">
              <RadioButton
                id={`${id}-${option.value}`}
                name={id}
                value={option.value}
                checked={choice === option.value}
                disabled={option.value === 'email' && noEmail}
                aria-describedby={`${id}-${option.value}-hint`}
                onChange={() => setChoice(option.value)}
              />
              <FormLabel htmlFor={`${id}-${option.value}`} type="radio">
                {option.label}
              </FormLabel>
            </div>
            <FormFieldDescription id={`${id}-${option.value}-hint`}>
              {option.hint}
            </FormFieldDescription>
          </FormField>
        ))}
      </Fieldset>
      {/* Without an e-mail address post is the only way: nothing to choose, nothing to save. */}
      {!noEmail && (
        <ButtonGroup>
          <SecondaryActionButton type="submit" busy={busy} aria-disabled={busy || undefined}>
            {t('channel.save')}
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      <StatusMessage>{notice}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </form>
  );
}
