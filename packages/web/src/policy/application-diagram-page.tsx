import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../api/client';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { policyApi } from './policy-api';
import { usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { Statechart } from './statechart';
import './policy.css';

/** /beleid/aanvragen/:id — an application's workflow version with its current state highlighted. */
export function ApplicationDiagramPage({ id }: { id: string }) {
  const { p, t, locale } = usePolicyText();
  const errorText = useErrorText();
  const loaded = useLoad(async () => {
    const app = await api.getApplication(id);
    const def = await policyApi.definition(app.definition.key, app.definition.version);
    return { app, def };
  }, [id]);
  if (loaded.error) return <ErrorAlert>{errorText(loaded.error)}</ErrorAlert>;
  if (!loaded.data) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  const { app, def } = loaded.data;
  const stateLabel = app.stateLabel?.[locale] ?? app.state;
  return (
    <>
      <PageHeading>{p('diagram.appTitle', { reference: app.reference })}</PageHeading>
      <PolicyNav />
      <Paragraph>
        {p('diagram.appIntro', {
          version: def.version,
          name: def.title?.[locale] ?? def.key,
          state: stateLabel,
        })}
      </Paragraph>
      <Statechart definition={def.definition} current={app.state} />
    </>
  );
}
