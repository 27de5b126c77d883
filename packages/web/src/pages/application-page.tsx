import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Application } from '../api/client';
import { AttachmentList, AttachmentUpload } from '../components/attachments';
import { isStillAhead } from '../components/dates';
import { Timeline } from '../components/timeline';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { EventForm } from '../forms/event-form';
import { useI18n } from '../i18n/i18n';
import { AppLink, useRouter } from '../router/router';
import {
  AmountsList,
  ApplicationDataSection,
  DeadlinesSection,
  LettersSection,
  latestRequest,
  loadApplicationBundle,
  StateBadge,
} from './application-parts';

/** The resident's page for one application: status, dates, letters and what they can do now. */
export function ApplicationPage({ id }: { id: string }) {
  const { t, tx, formatMoney, formatDate } = useI18n();
  const { location } = useRouter();
  const errorText = useErrorText();
  const bundle = useLoad(() => loadApplicationBundle(id), [id]);
  const [flash, setFlash] = useState(location.search.get('verstuurd') ? 'submitted' : '');

  if (!bundle.data) {
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
  const { app, history, documents, attachments } = bundle.data;
  const allowed = new Map(app.allowedEvents.map((e) => [e.type, e]));
  const request = app.state === 'info_requested' ? latestRequest(history) : null;
  const done = (kind: string) => async (_next: Application) => {
    setFlash(kind);
    await bundle.reload();
  };

  return (
    <>
      <Paragraph className="app-preheading">
        {t('app.reference')}: {app.reference}
      </Paragraph>
      <PageHeading>{app.data.title || t('app.untitled')}</PageHeading>
      <Paragraph>
        {t('app.state')}: <StateBadge state={app.state} />
      </Paragraph>
      <StatusMessage>
        {flash && (
          <Alert type="ok">
            <Paragraph>{tx(`flash.${flash}`, flash, { reference: app.reference })}</Paragraph>
          </Alert>
        )}
      </StatusMessage>

      {app.state === 'draft' && (
        <Paragraph>
          <AppLink href={`/aanvragen/${app.id}/bewerken/initiatief`}>
            {t('detail.continueDraft')}
          </AppLink>
        </Paragraph>
      )}

      {request && allowed.has('SUPPLEMENT') && (
        <section aria-labelledby="request-title" className="app-section app-section--highlight">
          <Heading2 id="request-title" className="app-subheading">
            {t('detail.requestTitle')}
          </Heading2>
          {request.message && <Paragraph className="app-quote">{request.message}</Paragraph>}
          <Paragraph>
            {t('detail.requestHelp')}{' '}
            <AppLink href={`/aanvragen/${app.id}/bewerken/initiatief`}>
              {t('detail.editForm')}
            </AppLink>
          </Paragraph>
          <EventForm
            app={app}
            event={allowed.get('SUPPLEMENT')!}
            onDone={done('supplemented')}
            onReload={bundle.reload}
            extra={
              <AttachmentUpload
                applicationId={app.id}
                id="supplement-attachments"
                label={t('field.supplementAttachments')}
                onUploaded={() => void bundle.reload()}
              />
            }
          />
        </section>
      )}

      {allowed.has('SUBMIT_REPORT') && (
        <section aria-labelledby="report-intro" className="app-section app-section--highlight">
          <Paragraph id="report-intro">
            {isStillAhead(app.data.activityDate)
              ? t('detail.reportIntroBefore', {
                  date: formatDate(app.data.activityDate as string),
                })
              : t('detail.reportIntro')}
          </Paragraph>
          <EventForm
            app={app}
            event={allowed.get('SUBMIT_REPORT')!}
            onDone={done('reported')}
            onReload={bundle.reload}
            headingLevel={2}
            defaults={{}}
            extra={
              <AttachmentUpload
                applicationId={app.id}
                id="report-photos"
                label={t('field.reportPhotos')}
                imagesOnly
                onUploaded={() => void bundle.reload()}
              />
            }
          />
        </section>
      )}

      <DeadlinesSection app={app} />

      <section aria-labelledby="amounts-title" className="app-section">
        <Heading2 id="amounts-title" className="app-subheading">
          {t('detail.amounts')}
        </Heading2>
        <AmountsList app={app} />
      </section>

      <LettersSection appId={app.id} documents={documents} />

      <section aria-labelledby="history-title" className="app-section">
        <Heading2 id="history-title" className="app-subheading">
          {t('detail.history')}
        </Heading2>
        <Timeline entries={history} headingId="history-title" />
      </section>

      <ApplicationDataSection app={app} />

      <section aria-labelledby="attachments-title" className="app-section">
        <Heading2 id="attachments-title" className="app-subheading">
          {t('detail.attachments')}
        </Heading2>
        <AttachmentList items={attachments} />
      </section>

      {app.allowedEvents
        .filter((e) => !['SUBMIT', 'SUPPLEMENT', 'SUBMIT_REPORT'].includes(e.type))
        .map((e) => (
          <EventForm
            key={e.type}
            app={app}
            event={e}
            headingLevel={2}
            onDone={done(e.type === 'WITHDRAW' ? 'withdrawn' : 'done')}
            onReload={bundle.reload}
            danger={e.type === 'WITHDRAW'}
            confirmText={e.type === 'WITHDRAW' ? t('detail.withdrawConfirm') : undefined}
            intro={
              e.type === 'WITHDRAW' ? <Paragraph>{t('detail.withdrawIntro')}</Paragraph> : undefined
            }
          />
        ))}
      {app.amounts?.grantedCents != null && (
        <Paragraph className="app-muted">
          {t('detail.grantedNote', { amount: formatMoney(app.amounts.grantedCents) })}
        </Paragraph>
      )}
    </>
  );
}
