import { Paragraph } from '@utrecht/component-library-react';
import { Suspense, useEffect, useState } from 'react';
import type { Application } from '../api/client';
import { StateBadge, StateBadgePlaceholder } from '../components/state-badge';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { OnBehalfNotice } from '../desk/on-behalf';
import { stateOf } from '../forms/definition-text';
import { useI18n } from '../i18n/i18n';
import { lazyPage, useLoadAfterPaint } from '../router/lazy-page';
import { useRouter } from '../router/router';
import { loadApplicationBundle } from './application-bundle';

// Below the heading: the code of the forms, panels and lists (a dozen small files), asked once
// the heading has been painted; it arrives beside the definition, which it needs as well.
const loadBody = () => import('./application-body');
const ApplicationBody = lazyPage(async () => ({ default: (await loadBody()).ApplicationBody }));

/** The event the form sent before it navigated here (router state), if any. */
function doneFrom(state: unknown): string | null {
  const done = (state as { done?: unknown } | null)?.done;
  return typeof done === 'string' ? done : null;
}

/**
 * The resident's page for one application: status, dates, letters and what they can do now.
 * The heading (reference, title) shows as soon as the application is here; the state's label
 * and everything below wait for the definition the application is pinned to, in space kept
 * for them, so nothing that shows moves.
 */
export function ApplicationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { location } = useRouter();
  const errorText = useErrorText();
  const [early, setEarly] = useState<{ id: string; app: Application } | null>(null);
  const bundle = useLoad(() => loadApplicationBundle(id, (app) => setEarly({ id, app })), [id]);
  // The event just sent (here, or by the form before it navigated here): its outcome in words.
  const [done, setDone] = useState<string | null>(() => doneFrom(location.state));
  // Said once: a reload or a later visit through the back button does not repeat it.
  useEffect(() => {
    if (doneFrom(window.history.state)) window.history.replaceState(null, '');
  }, []);

  const app = bundle.data?.app ?? (early?.id === id ? early.app : undefined);
  const headingShown = app !== undefined;
  useLoadAfterPaint(loadBody, headingShown);
  if (!app || (bundle.error && !bundle.data)) {
    return (
      <>
        <PageHeading>{t('detail.title')}</PageHeading>
        {bundle.error ? (
          <ErrorAlert>{errorText(bundle.error)}</ErrorAlert>
        ) : (
          <StatusMessage>{t('common.loading')}</StatusMessage>
        )}
      </>
    );
  }
  const state = bundle.data ? stateOf(bundle.data.definition, app.state) : undefined;
  const loading = <StatusMessage>{t('common.loading')}</StatusMessage>;

  return (
    <>
      <Paragraph className="app-preheading">
        {t('app.reference')}: {app.reference}
      </Paragraph>
      <PageHeading written={!!app.title}>{app.title || t('app.untitled')}</PageHeading>
      <OnBehalfNotice app={app} />
      <Paragraph>
        {t('app.state')}:{' '}
        {state ? <StateBadge label={state.label} tags={state.tags} /> : <StateBadgePlaceholder />}
      </Paragraph>
      {bundle.data ? (
        <Suspense fallback={loading}>
          <ApplicationBody
            bundle={bundle.data}
            reload={bundle.reload}
            done={done}
            onDone={setDone}
          />
        </Suspense>
      ) : (
        loading
      )}
    </>
  );
}
