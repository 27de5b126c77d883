/**
 * The pages behind the mailed one-time links: forgot password (which also lets the owner of an
 * account made at the desk claim it), set a password, and confirm a new account.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { FocusedStatus } from '../components/focused-status';
import {
  ErrorAlert,
  invalidParamsToErrors,
  PageHeading,
  StatusMessage,
  useErrorText,
} from '../components/ui';
import { CheckedField, CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n';
import { AppLink, useRouter } from '../router/router';
import { useSession } from '../session/session';
import { homeFor } from './auth-pages';

/** /wachtwoord-vergeten — the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const submission = useFormSubmission();
  const { submit: run } = submission;

  function submit(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) errs['f-email'] = t('auth.emailInvalid');
    return run(e, errs, async () => {
      await api.requestPasswordLink(email.trim());
      setSentTo(email.trim());
    });
  }

  return (
    <>
      <PageHeading>{t('auth.forgotTitle')}</PageHeading>
      {sentTo ? (
        <FocusedStatus>
          <Paragraph>{t('auth.forgotSent', { email: sentTo })}</Paragraph>
        </FocusedStatus>
      ) : (
        <>
          <Paragraph>{t('auth.forgotIntro')}</Paragraph>
          <CheckedForm
            submission={submission}
            onSubmit={submit}
            submitLabel={t('auth.forgotButton')}
          >
            <CheckedField
              submission={submission}
              id="f-email"
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={setEmail}
            />
          </CheckedForm>
        </>
      )}
    </>
  );
}

function NewLink() {
  const { t } = useI18n();
  return (
    <Paragraph>
      <AppLink href="/wachtwoord-vergeten">{t('auth.newLink')}</AppLink>
    </Paragraph>
  );
}

/** /wachtwoord-instellen?token=… — from the mail; logs in afterwards, everywhere else out. */
export function SetPasswordPage() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { location, navigate } = useRouter();
  const token = location.search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const submission = useFormSubmission();
  const { submit: run } = submission;

  function submit(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (password.length < 12) errs['f-password'] = t('auth.passwordTooShort');
    return run(
      e,
      errs,
      async () => {
        const me = await api.setPassword(token, password);
        setMe(me);
        navigate(homeFor(me));
      },
      (err, fallback) => {
        const fields = invalidParamsToErrors(err);
        if (fields['f-password']) return { errors: { 'f-password': fields['f-password'] } };
        // A used or expired link: the server's sentence, with the way to a new one below.
        return { failure: fields['f-token'] ?? fallback(err).failure ?? '' };
      },
    );
  }

  if (!token) {
    return (
      <>
        <PageHeading>{t('auth.setPasswordTitle')}</PageHeading>
        <Paragraph>{t('auth.linkMissing')}</Paragraph>
        <NewLink />
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('auth.setPasswordTitle')}</PageHeading>
      <Paragraph>{t('auth.setPasswordIntro')}</Paragraph>
      <CheckedForm
        submission={submission}
        onSubmit={submit}
        submitLabel={t('auth.setPasswordButton')}
        afterFailure={<NewLink />}
      >
        <CheckedField
          submission={submission}
          id="f-password"
          label={t('auth.newPassword')}
          description={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
      </CheckedForm>
    </>
  );
}

/** /account-bevestigen?token=… — the link of the confirmation mail; logs in when it works. */
export function ConfirmAccountPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { setMe } = useSession();
  const { location, navigate } = useRouter();
  const token = location.search.get('token') ?? '';
  const [failure, setFailure] = useState('');
  const sent = useRef(false);

  useEffect(() => {
    // Once: a link works one time, and a second request would answer that it is used.
    if (!token || sent.current) return;
    sent.current = true;
    api
      .confirmAccount(token)
      .then((me) => {
        setMe(me);
        navigate(homeFor(me), { replace: true });
      })
      .catch((err: unknown) => setFailure(invalidParamsToErrors(err)['f-token'] ?? errorText(err)));
  }, [token, setMe, navigate, errorText]);

  return (
    <>
      <PageHeading>{t('auth.confirmTitle')}</PageHeading>
      {!token ? (
        <Paragraph>{t('auth.linkMissing')}</Paragraph>
      ) : failure ? (
        <>
          <ErrorAlert>{failure}</ErrorAlert>
          <NewLink />
        </>
      ) : (
        <StatusMessage>{t('auth.confirming')}</StatusMessage>
      )}
    </>
  );
}
