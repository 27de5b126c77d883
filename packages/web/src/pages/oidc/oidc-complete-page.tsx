import { Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert, invalidParamsToErrors, PageHeading, StatusMessage } from '../../components/ui';
import { CheckedField, CheckedForm } from '../../forms/checked-form';
import { useFormSubmission } from '../../forms/use-form-submission';
import { AppLink, useRouter } from '../../router/router';
import { useSession } from '../../session/session';
import { homeFor } from '../auth-pages';
import { oidcApi } from './oidc-api';
import { useOidcText } from './oidc-messages';

/** A first sign-in whose provider sent no name or e-mail (DigiD never does): ask for them. */
export function OidcCompletePage() {
  const { o, t } = useOidcText();
  const { setMe } = useSession();
  const { navigate } = useRouter();
  const [state, setState] = useState<'loading' | 'ready' | 'expired'>('loading');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const submission = useFormSubmission();
  const { submit: run } = submission;

  useEffect(() => {
    let live = true;
    oidcApi
      .pending()
      .then((p) => {
        if (!live) return;
        setName(p.name ?? '');
        setEmail(p.email ?? '');
        setState('ready');
      })
      .catch(() => live && setState('expired'));
    return () => {
      live = false;
    };
  }, []);

  function submit(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (!name.trim()) errs['f-name'] = o('complete.nameRequired');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()))
      errs['f-email'] = o('complete.emailInvalid');
    return run(
      e,
      errs,
      async () => {
        const { user, returnTo } = await oidcApi.complete({
          name: name.trim(),
          email: email.trim(),
        });
        setMe(user);
        navigate(
          returnTo && returnTo !== '/' && returnTo !== '/inloggen' ? returnTo : homeFor(user),
          { replace: true },
        );
      },
      (err, describe) => {
        if (err instanceof ApiError && err.status === 404) {
          setState('expired');
          return null;
        }
        if (err instanceof ApiError && err.status === 409) {
          return {
            errors: { ...invalidParamsToErrors(err), 'f-email': o('complete.emailTaken') },
          };
        }
        return describe(err);
      },
    );
  }

  if (state === 'loading') return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (state === 'expired') {
    return (
      <>
        <PageHeading>{o('complete.title')}</PageHeading>
        <ErrorAlert>{o('complete.expired')}</ErrorAlert>
        <Paragraph>
          <AppLink href="/inloggen">{o('refused.tryAgain')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <PageHeading>{o('complete.title')}</PageHeading>
      <Paragraph>{o('complete.intro')}</Paragraph>
      <CheckedForm submission={submission} onSubmit={submit} submitLabel={o('complete.button')}>
        <CheckedField
          submission={submission}
          id="f-name"
          label={o('complete.name')}
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <CheckedField
          submission={submission}
          id="f-email"
          label={o('complete.email')}
          description={o('complete.emailHint')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
        />
      </CheckedForm>
    </>
  );
}
