import { Alert, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api, type Me } from '../api/client';
import { FocusedStatus } from '../components/focused-status';
import { invalidParamsToErrors, PageHeading } from '../components/ui';
import { CheckedField, CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n';
import { AppLink, useRouter } from '../router/router';
import { useSession } from '../session/session';
import { OidcLoginOptions } from './oidc/oidc-login-options';

/** "Mijn gegevens" lives in its own file; the app's routes import it from here. */
export { MePage } from './me-page';

/** Where a role starts after login: its natural home. */
export function homeFor(me: Me): string {
  if (me.roles.includes('policy')) return '/beleid';
  if (me.roles.includes('assessor') || me.roles.includes('approver')) return '/werkvoorraad';
  if (me.roles.includes('clerk')) return '/balie';
  if (me.roles.includes('applicant')) return '/aanvragen';
  if (me.roles.includes('admin')) return '/beheer';
  return '/mijn-gegevens';
}

/** Only paths on this site are followed after login, never another site (`//x`, `/\\x`). */
export function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    // Back to the login page would be a loop.
    if (url.pathname === '/inloggen') return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

export function LoginPage() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { location, navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useFormSubmission();
  const { submit: run, errorText } = submission;

  function submit(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (!email.trim()) errs['f-email'] = t('auth.emailRequired');
    if (!password) errs['f-password'] = t('auth.passwordRequired');
    return run(
      e,
      errs,
      async () => {
        const me = await api.login(email.trim(), password);
        // The login response may be partial; /me is the source of truth for roles.
        const full = me?.roles ? me : await api.me();
        setMe(full);
        const next = safeNext(location.search.get('next'));
        // A letter or file the server itself serves (a link from a mail or a letter): the
        // browser loads it, it is not a page of this app.
        if (next?.startsWith('/api/')) window.location.assign(next);
        else navigate(next ?? homeFor(full));
      },
      (err) => ({
        failure:
          err instanceof Error && 'status' in err && err.status === 401
            ? t('auth.loginFailed')
            : errorText(err),
        errors: invalidParamsToErrors(err),
      }),
    );
  }

  return (
    <>
      <PageHeading>{t('auth.loginTitle')}</PageHeading>
      {location.search.get('verlopen') && (
        <Alert type="warning" role="status">
          <Paragraph>{t('auth.sessionExpired')}</Paragraph>
        </Alert>
      )}
      <OidcLoginOptions />
      <Paragraph>{t('auth.loginIntro')}</Paragraph>
      <CheckedForm submission={submission} onSubmit={submit} submitLabel={t('auth.loginButton')}>
        <CheckedField
          submission={submission}
          id="f-email"
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <CheckedField
          submission={submission}
          id="f-password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
      </CheckedForm>
      <Paragraph>
        <AppLink href="/wachtwoord-vergeten">{t('auth.forgotLink')}</AppLink>
      </Paragraph>
      <Paragraph>
        {t('auth.noAccount')} <AppLink href="/registreren">{t('auth.registerLink')}</AppLink>
      </Paragraph>
    </>
  );
}

export function RegisterPage() {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState('');
  const submission = useFormSubmission();
  const { submit: run } = submission;

  function submit(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (!name.trim()) errs['f-name'] = t('auth.nameRequired');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) errs['f-email'] = t('auth.emailInvalid');
    if (password.length < 12) errs['f-password'] = t('auth.passwordTooShort');
    return run(e, errs, async () => {
      // The same answer whether or not the address is known: the mail says what comes next.
      await api.register({ name: name.trim(), email: email.trim(), password, locale });
      setSentTo(email.trim());
    });
  }
  if (sentTo) {
    return (
      <>
        <PageHeading>{t('auth.registerTitle')}</PageHeading>
        <FocusedStatus>
          <Paragraph>{t('auth.registerSent', { email: sentTo })}</Paragraph>
        </FocusedStatus>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('auth.registerTitle')}</PageHeading>
      <Paragraph>{t('auth.registerIntro')}</Paragraph>
      <CheckedForm submission={submission} onSubmit={submit} submitLabel={t('auth.registerButton')}>
        <CheckedField
          submission={submission}
          id="f-name"
          label={t('auth.name')}
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <CheckedField
          submission={submission}
          id="f-email"
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
        />
        <CheckedField
          submission={submission}
          id="f-password"
          label={t('auth.password')}
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

export function LoggedOutPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('auth.loggedOutTitle')}</PageHeading>
      <Paragraph role="status">{t('auth.loggedOutText')}</Paragraph>
      <Paragraph>
        <AppLink href="/inloggen">{t('auth.loginAgain')}</AppLink>
      </Paragraph>
    </>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <Paragraph appearance="lead">{t('home.lead')}</Paragraph>
      <Paragraph>{t('home.text')}</Paragraph>
      {/* The conditions are each scheme's own, read from its workflow on the regulations page. */}
      <Paragraph>{t('home.rules')}</Paragraph>
      <Paragraph>
        <AppLink href="/regelingen">{t('home.schemes')}</AppLink>
      </Paragraph>
      {me ? (
        <Paragraph>
          <AppLink href={homeFor(me)}>{t('home.continue')}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>
          <AppLink href="/inloggen">{t('home.login')}</AppLink> {t('home.or')}{' '}
          <AppLink href="/registreren">{t('home.createAccount')}</AppLink>
        </Paragraph>
      )}
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t('nav.home')}</AppLink>
      </Paragraph>
    </>
  );
}
