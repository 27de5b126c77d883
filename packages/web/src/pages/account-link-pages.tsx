/**
 * The pages behind the mailed one-time links: forgot password (which also lets the owner of an
 * account made at the desk claim it), set a password, and confirm a new account.
 */
import {
  Alert,
  ButtonGroup,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import {
  ErrorAlert,
  ErrorSummary,
  invalidParamsToErrors,
  PageHeading,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
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
  const { errors, failure, busy, summary, summaryRef, submit: run } = useFormSubmission();

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
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.forgotSent', { email: sentTo })}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('auth.forgotIntro')}</Paragraph>
          <ErrorSummary errors={summary} summaryRef={summaryRef} />
          <ErrorAlert>{failure}</ErrorAlert>
          <form onSubmit={submit} noValidate className="app-form">
            <TextField
              id="f-email"
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={errors['f-email']}
              required
            />
            <ButtonGroup>
              <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
                {t('auth.forgotButton')}
              </PrimaryActionButton>
            </ButtonGroup>
          </form>
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
  const { errors, failure, busy, summary, summaryRef, submit: run } = useFormSubmission();

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
      <ErrorSummary errors={summary} summaryRef={summaryRef} />
      <ErrorAlert>{failure}</ErrorAlert>
      {failure && <NewLink />}
      <form onSubmit={submit} noValidate className="app-form">
        <TextField
          id="f-password"
          label={t('auth.newPassword')}
          description={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors['f-password']}
          required
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('auth.setPasswordButton')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
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
