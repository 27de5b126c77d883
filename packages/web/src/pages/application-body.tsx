import { activityDateOf } from '@initiatief/engine';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { AllowedEvent, Application } from '../api/client';
import { AttachmentList, AttachmentUpload } from '../components/attachments';
import { isStillAhead } from '../components/dates';
import { Timeline } from '../components/timeline';
import { StatusMessage } from '../components/ui';
import { useOnBehalfFlash } from '../desk/on-behalf';
import {
  closesApplication,
  enteredBy,
  eventLabel,
  hasTag,
  historyLabelOf,
  outcomeOf,
  stateOf,
  stepsFromActivityDay,
} from '../forms/definition-text';
import { EventForm } from '../forms/event-form';
import { forwardEvent } from '../forms/form-pages';
import { goneSentence, useStepGone } from '../forms/step-gone';
import { useI18n } from '../i18n/i18n';
import { lazyPage } from '../router/lazy-page';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import type { ApplicationBundle } from './application-bundle';
import {
  AmountsList,
  ApplicationDataSection,
  DeadlinesSection,
  LettersSection,
} from './application-parts';
import { NoticeOfDefaultSection } from './notice-of-default-section';
import { PeriodEndedNotice } from './period-ended-notice';

// The desk's panels, each loaded only for whom it shows (issue 20): the contact moment for a
// clerk, authorising someone for the applicant herself, supporters once asked for. Each shows
// nothing until its own data is here, so nothing stands in for it while its code comes.
const ContactMomentForm = lazyPage(async () => ({
  default: (await import('../desk/case-staff-panel')).ContactMomentForm,
}));
const AuthorisePanel = lazyPage(async () => ({
  default: (await import('../desk/authorise-panel')).AuthorisePanel,
}));
const SupportersPanel = lazyPage(async () => ({
  default: (await import('../desk/supporters-panel')).SupportersPanel,
}));

/**
 * The resident's application page below its heading: the outcome of what was just sent, what
 * they can do now, dates, amounts, letters, history and data. Its own chunk, loaded beside the
 * definition it needs, so the heading does not wait for the code of every form on the page.
 */
export function ApplicationBody({
  bundle,
  reload,
  done,
  onDone,
}: {
  bundle: ApplicationBundle;
  reload(): Promise<void>;
  /** The event just sent (here, or by the form before it navigated here), if any. */
  done: string | null;
  onDone(type: string): void;
}) {
  const { t, locale, formatMoney, formatDate } = useI18n();
  const { me, hasRole } = useSession();
  const onBehalfDone = useOnBehalfFlash();
  // Once supporters are invited the step counts who confirmed, not the form's names.
  const [supportersCountedIn, setSupportersCountedIn] = useState<string | null>(null);
  const { app, history, documents, attachments, definition: def } = bundle;
  const state = stateOf(def, app.state);
  const editable = app.editable && def;
  // What brought the application here when it waits for the applicant (a request, its message).
  const waitingOnMe = state.tags.includes('suspended');
  const request = waitingOnMe ? enteredBy(history, app.state) : undefined;
  const requestMessage = (request?.payload as { message?: unknown } | null)?.message;
  const reporting = state.tags.includes('report_due');
  // The last day for the report, when the regulation sets one (the engine's deadline).
  const reportDue = app.deadlines?.find((d) => d.key === 'report')?.date;
  // Staff at the desk, or a helper, acting for the applicant: texts name her, not "uw".
  const actingForOther = Boolean(me && me.id !== app.applicantId && app.applicantName);
  // The activity's date, as the engine's view reads it from the field the definition names.
  const activity = app.clock?.activityOn ?? (def ? activityDateOf(def, app.data) : undefined);
  const sendsForm = def ? forwardEvent(def, app.state, me?.roles ?? []) : undefined;
  // A step taken here takes its form off the page, and the focus with it: it goes to the words
  // saying what happened instead of falling back to the top of the page (WCAG 2.4.3).
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [stepsTaken, setStepsTaken] = useState(0);
  useEffect(() => {
    if (stepsTaken > 0) outcomeRef.current?.focus();
  }, [stepsTaken]);
  // After a reload from a step's form, that step may be gone (someone else took it first).
  const stepGone = useStepGone(app);
  const after = (type: string) => async (_next: Application) => {
    await reload();
    onDone(type);
    setStepsTaken((n) => n + 1);
  };

  const eventForm = (e: AllowedEvent, highlighted: boolean) => {
    const closes = closesApplication(def, app.state, e.type);
    // Answering a request or reporting may come with files (an offer, photos).
    const upload =
      !closes && (waitingOnMe || reporting) ? (
        <AttachmentUpload
          applicationId={app.id}
          id={`${e.type}-attachments`}
          label={t(reporting ? 'field.reportPhotos' : 'field.supplementAttachments')}
          imagesOnly={reporting}
          onUploaded={() => void reload()}
        />
      ) : undefined;
    return (
      <EventForm
        key={e.type}
        app={app}
        event={e}
        definition={def}
        headingLevel={2}
        onDone={after(e.type)}
        onReload={stepGone.reloadFor(e.type, reload)}
        extra={upload}
        danger={closes}
        confirmText={closes ? t('detail.withdrawConfirm') : undefined}
        intro={
          closes ? (
            <Paragraph>
              {actingForOther
                ? t('detail.withdrawIntroFor', { name: app.applicantName ?? '' })
                : t('detail.withdrawIntro')}
            </Paragraph>
          ) : highlighted && reporting ? (
            <Paragraph>
              {activity && isStillAhead(activity)
                ? t('detail.reportIntroBefore', { date: formatDate(activity) })
                : t('detail.reportIntro')}
              {reportDue && ` ${t('detail.reportBy', { date: formatDate(reportDue) })}`}
            </Paragraph>
          ) : undefined
        }
      />
    );
  };
  const actions = app.allowedEvents.filter((e) => e.type !== sendsForm);
  const forward = actions.filter((e) => !closesApplication(def, app.state, e.type));
  const closing = actions.filter((e) => closesApplication(def, app.state, e.type));
  // A report the API does not offer yet waits for the day of the activity (judged by the API's
  // clock, not this browser's): say from when it can be sent, and by when, in words.
  const reportLater =
    reporting && activity
      ? stepsFromActivityDay(def, app.state, me?.roles ?? []).find(
          (type) => !app.allowedEvents.some((e) => e.type === type),
        )
      : undefined;

  return (
    <>
      <StatusMessage>
        {stepGone.gone && (
          <div ref={stepGone.ref} tabIndex={-1}>
            <Paragraph>{goneSentence(def, stepGone.gone, app, history)[locale]}</Paragraph>
          </div>
        )}
        {done && !stepGone.gone && (
          <div ref={outcomeRef} tabIndex={-1}>
            <Alert type="ok">
              <Paragraph>
                {/* What happened as the history names it ("Aanvraag verstuurd"), not the button. */}
                {onBehalfDone(
                  {
                    label: eventLabel(def, done)[locale],
                    happened: def?.events[done]?.historyLabel
                      ? historyLabelOf(def, done)[locale]
                      : undefined,
                  },
                  app,
                ) ?? outcomeOf(def, done, app.state)[locale]}
              </Paragraph>
              <Paragraph>
                {actingForOther
                  ? t('detail.referenceIsFor', {
                      name: app.applicantName ?? '',
                      reference: app.reference,
                    })
                  : t('detail.referenceIs', { reference: app.reference })}
              </Paragraph>
            </Alert>
          </div>
        )}
      </StatusMessage>

      <PeriodEndedNotice app={app} />
      {/* While a request waits on this person, the link stands with the request (below). */}
      {editable && !waitingOnMe && (
        <Paragraph>
          <AppLink href={`/aanvragen/${app.id}/bewerken`}>
            {hasTag(def, app.state, 'draft') ? t('detail.continueDraft') : t('detail.editForm')}
          </AppLink>
        </Paragraph>
      )}

      {(forward.length > 0 || typeof requestMessage === 'string') && (
        <section aria-labelledby="request-title" className="app-section app-section--highlight">
          <Heading2 id="request-title" className="app-subheading">
            {waitingOnMe ? t('detail.requestTitle') : t('detail.yourTurn')}
          </Heading2>
          {typeof requestMessage === 'string' && (
            <Paragraph className="app-quote">{requestMessage}</Paragraph>
          )}
          {waitingOnMe && editable && (
            <Paragraph>
              {actingForOther
                ? t('detail.requestHelpFor', { name: app.applicantName ?? '' })
                : t('detail.requestHelp')}{' '}
              <AppLink href={`/aanvragen/${app.id}/bewerken`}>{t('detail.editForm')}</AppLink>
            </Paragraph>
          )}
          {forward.map((e) => eventForm(e, true))}
        </section>
      )}

      {reportLater && activity && (
        <section aria-labelledby="report-later-title" className="app-section">
          <Heading2 id="report-later-title" className="app-subheading">
            {eventLabel(def, reportLater)[locale]}
          </Heading2>
          <Paragraph>
            {actingForOther
              ? t('detail.reportFromFor', {
                  date: formatDate(activity),
                  name: app.applicantName ?? '',
                })
              : t('detail.reportFrom', { date: formatDate(activity) })}
            {reportDue && ` ${t('detail.reportBy', { date: formatDate(reportDue) })}`}
          </Paragraph>
        </section>
      )}

      <DeadlinesSection app={app} documents={documents} staff={actingForOther} />
      <NoticeOfDefaultSection app={app} reload={reload} />

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
        <Timeline
          entries={history}
          definition={def}
          headingId="history-title"
          files={attachments}
        />
      </section>
      <Suspense fallback={null}>
        <SupportersPanel
          app={app}
          staff={hasRole('clerk')}
          onCountedHere={setSupportersCountedIn}
        />
      </Suspense>
      {me?.id === app.applicantId && (
        <Suspense fallback={null}>
          <AuthorisePanel app={app} ended={state.final} />
        </Suspense>
      )}
      {hasRole('clerk') && (
        <Suspense fallback={null}>
          <ContactMomentForm appId={app.id} onSaved={reload} />
        </Suspense>
      )}

      <ApplicationDataSection
        app={app}
        definition={def}
        files={attachments}
        supportersCountedIn={supportersCountedIn}
        supportersAbove
      />

      <section aria-labelledby="attachments-title" className="app-section">
        <Heading2 id="attachments-title" className="app-subheading">
          {t('detail.attachments')}
        </Heading2>
        <AttachmentList items={attachments} />
      </section>

      {closing.map((e) => eventForm(e, false))}
      {app.amounts?.grantedCents != null && (
        <Paragraph className="app-muted">
          {t('detail.grantedNote', { amount: formatMoney(app.amounts.grantedCents) })}
        </Paragraph>
      )}
    </>
  );
}
