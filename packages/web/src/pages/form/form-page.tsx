import type { WorkflowDefinition } from '@initiatief/engine';
import { Paragraph } from '@utrecht/component-library-react';
import { type Attachment, api, type Regulation } from '../../api/client';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { loadDefinition } from '../../forms/definitions';
import { useI18n } from '../../i18n/i18n';
import { AppLink } from '../../router/router';
import { FormPager } from './form-pager';

/**
 * The application form, rendered from the definition version the application is pinned to:
 * its pages, fields, labels and rules. Nothing here knows which workflow it is.
 */
export function FormPage({ id, step }: { id: string; step: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const loaded = useLoad(async () => {
    const app = await api.getApplication(id);
    const [definition, regs, attachments] = await Promise.all([
      loadDefinition(app.definition),
      api.regulations().catch(() => [] as Regulation[]),
      api.attachments(id).catch(() => [] as Attachment[]),
    ]);
    return {
      app,
      definition: definition as WorkflowDefinition,
      regulation: regs.find((r) => r.id === app.regulation.id),
      attachments,
    };
  }, [id]);

  if (!loaded.data) {
    return (
      <>
        <PageHeading>{t('wizard.title')}</PageHeading>
        {loaded.error ? (
          <ErrorAlert>{errorText(loaded.error)}</ErrorAlert>
        ) : (
          <StatusMessage>{t('common.loading')}</StatusMessage>
        )}
      </>
    );
  }
  const { app, definition } = loaded.data;
  if (!app.editable) {
    return (
      <>
        <PageHeading>{definition.title[locale]}</PageHeading>
        <Paragraph>{t('wizard.notEditable')}</Paragraph>
        <Paragraph>
          <AppLink href={`/aanvragen/${id}`}>{t('wizard.toApplication')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <FormPager
      key={id}
      app={app}
      definition={definition}
      regulation={loaded.data.regulation}
      initialAttachments={loaded.data.attachments}
      step={step}
    />
  );
}
