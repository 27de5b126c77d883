import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { api, type Regulation } from '../api/client';
import { AttachmentList } from '../components/attachments';
import { EnteredLineText } from '../components/entered-line';
import { StateBadge } from '../components/state-badge';
import { Timeline } from '../components/timeline';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { ClaimTakeOver, ContactMomentForm } from '../desk/case-staff-panel';
import { NoticeOfDefaultPanel } from '../desk/notice-of-default-panel';
import { ReportSection } from '../desk/report-section';
import { SupportersPanel } from '../desk/supporters-panel';
import {
  amountDefaults,
  closesApplication,
  enteredBy,
  enteredLines,
  eventLabel,
  historyLabelOf,
  outcomeOf,
  stateOf,
} from '../forms/definition-text';
import { EventForm } from '../forms/event-form';
import { goneSentence, useStepGone } from '../forms/step-gone';
import { useSession } from '../session/session';
import { ApplicantContactRows } from './applicant-contact';
import { loadApplicationBundle } from './application-bundle';
import {
  AmountsList,
  ApplicationDataSection,
  DeadlinesSection,
  LettersSection,
} from './application-parts';
import { confirmTextFor } from './case-confirm';
import { useCaseText } from './case-messages';

/** The assessor's and approver's page for one application. */
export function CasePage({ id }: { id: string }) {
  const { t, locale, formatMoney, formatDateTime } = useCaseText();
  const { me, hasRole } = useSession();
  const errorText = useErrorText();
  const bundle = useLoad(async () => {
    const [b, regs] = await Promise.all([
      loadApplicationBundle(id),
      api.regulations(true).catch(() => [] as Regulation[]),
    ]);
    // The list item carries the names of the applicant and the assignee.
    const summary = await api
      .listApplications({ q: b.app.reference, limit: 5 })
      .then((p) => p.items.find((i) => i.id === id))
      .catch(() => undefined);
    return { ...b, summary, regulation: regs.find((r) => r.id === b.app.regulation.id) };
  }, [id]);
  const [flash, setFlash] = useState('');
  // Once supporters are invited the step counts who confirmed, not the form's names.
  const [supportersCountedIn, setSupportersCountedIn] = useState<string | null>(null);
  // The letters there were before the last step: a letter it issued that goes by post is not
  // sent yet, whatever the workflow's own sentence after the step says.
  const [lettersBefore, setLettersBefore] = useState<Set<string> | null>(null);
  const [failure, setFailure] = useState('');
  // After a step its form is gone: focus goes on to what can be done now, not to the page's top.
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  // After a reload from a step's form, that step may be gone (a colleague took it first).
  const stepGone = useStepGone(bundle.data?.app);

  if (!bundle.data) {
    return (
      <>
        <PageHeading>{t('case.title')}</PageHeading>
        {bundle.error ? (
          <ErrorAlert>{errorText(bundle.error)}</ErrorAlert>
        ) : (
          <StatusMessage>{t('common.loading')}</StatusMessage>
        )}
      </>
    );
  }
  const {
    app,
    history,
    documents,
    attachments,
    regulation,
    summary,
    definition: def,
  } = bundle.data;
  const state = stateOf(def, app.state);
  // A proposal waits for a second person: the one who made it may not decide on it (four eyes).
  const proposedByMe =
    state.tags.includes('awaiting_approval') &&
    !!me &&
    enteredBy(history, app.state)?.actor.id === me.id;
  const fourEyes = proposedByMe && hasRole('approver');
  // What the step that brought the case here recorded (a proposal: advice, amount, reasons),
  // where the next person acts on it, not only at the bottom of the history.
  const arrival = enteredBy(history, app.state);
  const recorded = arrival
    ? enteredLines(def, arrival.event, arrival.payload, locale, formatMoney, attachments)
    : [];
  // Named by what happened ("Vastgelegd: Beoordeeld, advies gegeven"); a version without
  // history names reads as before ("Vastgelegd bij de stap Beoordelen").
  const recordedTitle = !arrival
    ? ''
    : def?.events[arrival.event]?.historyLabel
      ? t('case.recordedHistory', { step: historyLabelOf(def, arrival.event)[locale] })
      : t('case.recorded', { step: eventLabel(def, arrival.event)[locale] });
  const mine = !!me && app.assigneeId === me.id;
  // A case its definition has closed (a final state) is not taken on: there is nothing to handle.
  const closed = state.final || state.tags.includes('closed');
  const assigneeName = summary?.assignee?.name ?? (mine ? me?.name : null);

  async function assign(release: boolean) {
    setFailure('');
    try {
      if (release) await api.release(app.id);
      else await api.claim(app.id);
      // Said once the page shows the fresh version, so what is on screen matches what was said.
      await bundle.reload();
      setLettersBefore(null);
      setFlash(t(release ? 'queue.released' : 'queue.claimed', { reference: app.reference }));
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <>
      <Paragraph className="app-preheading">
        {t('app.reference')}: {app.reference}
      </Paragraph>
      <PageHeading written={!!app.title}>{app.title || t('app.untitled')}</PageHeading>
      <Paragraph>
        {t('app.state')}: <StateBadge label={state.label} tags={state.tags} />
        {/* A space between the two, so they are read as two words, not "gevraagdTermijn". */}
        {app.clock?.suspended && (
          <>
            {' '}
            <span className="app-badge app-badge--suspended">{t('queue.suspended')}</span>
          </>
        )}
      </Paragraph>
      <StatusMessage>
        {/* The step gone with a reload, said where the focus goes (what came before is past). */}
        {stepGone.gone ? (
          <div ref={stepGone.ref} tabIndex={-1}>
            <Paragraph>{goneSentence(def, stepGone.gone, app, history)[locale]}</Paragraph>
          </div>
        ) : flash && lettersBefore && documents.some((d) => !lettersBefore.has(d.id) && !d.sent) ? (
          `${flash} ${t('case.letterByPost')}`
        ) : (
          flash
        )}
      </StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
      <ClaimTakeOver
        app={app}
        assigneeName={summary?.assignee?.name ?? null}
        onChanged={bundle.reload}
      />

      <div className="app-case">
        <div className="app-case__main">
          <section aria-labelledby="summary-title" className="app-section">
            <Heading2 id="summary-title" className="app-subheading">
              {t('case.summary')}
            </Heading2>
            <DataList className="app-datalist">
              <DataListItem>
                <DataListKey>{t('case.applicant')}</DataListKey>
                <DataListValue>{summary?.applicantName ?? '–'}</DataListValue>
              </DataListItem>
              <ApplicantContactRows app={app} />
              <DataListItem>
                <DataListKey>{t('queue.assignee')}</DataListKey>
                <DataListValue>
                  {app.assigneeId ? (assigneeName ?? t('case.colleague')) : t('queue.unassigned')}
                  <ButtonGroup className="app-inline-buttons">
                    {/* One button that changes its words, so keyboard focus stays on it. */}
                    {(mine || (!app.assigneeId && !closed && hasRole('assessor', 'admin'))) && (
                      <SecondaryActionButton onClick={() => assign(mine)}>
                        {t(mine ? 'queue.release' : 'queue.claim')}
                      </SecondaryActionButton>
                    )}
                  </ButtonGroup>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>
                  {t('case.budgetRemaining', { district: app.regulation.district })}
                </DataListKey>
                <DataListValue>
                  {regulation
                    ? t('regulation.remainingOf', {
                        remaining: formatMoney(regulation.budget.remainingCents),
                        ceiling: formatMoney(regulation.ceilingCents),
                      })
                    : '–'}
                </DataListValue>
              </DataListItem>
              {regulation && (
                <DataListItem>
                  <DataListKey>{t('regulation.max')}</DataListKey>
                  <DataListValue>{formatMoney(regulation.maxAmountCents)}</DataListValue>
                </DataListItem>
              )}
            </DataList>
            <AmountsList app={app} />
          </section>

          <ReportSection app={app} />

          <section aria-labelledby="actions-title" className="app-section app-section--highlight">
            <Heading2
              id="actions-title"
              className="app-subheading"
              ref={actionsHeading}
              tabIndex={-1}
            >
              {t('case.actions')}
            </Heading2>
            {fourEyes && (
              <Alert type="info">
                <Paragraph>{t('case.fourEyes')}</Paragraph>
              </Alert>
            )}
            {arrival && recorded.length > 0 && (
              <div className="app-recorded">
                <Heading3 className="app-recorded__title">{recordedTitle}</Heading3>
                <Paragraph className="app-recorded__meta">
                  {t('case.recordedBy', {
                    name: arrival.actor?.name ?? t('case.colleague'),
                    when: formatDateTime(arrival.at),
                  })}
                </Paragraph>
                {recorded.map((line) => (
                  <Paragraph key={line.name}>
                    <EnteredLineText line={line} />
                  </Paragraph>
                ))}
              </div>
            )}
            {app.allowedEvents.length === 0 && <Paragraph>{t('case.noActions')}</Paragraph>}
            {app.allowedEvents.map((e) => (
              <EventForm
                key={e.type}
                app={app}
                event={e}
                definition={def}
                defaults={amountDefaults(def, e.type, history, app.amounts)}
                onReload={stepGone.reloadFor(e.type, bundle.reload)}
                danger={closesApplication(def, app.state, e.type)}
                confirmText={confirmTextFor({
                  def,
                  app,
                  type: e.type,
                  locale,
                  t,
                  formatMoney,
                })}
                regulationMaxCents={regulation?.maxAmountCents}
                onDone={async (next) => {
                  const known = new Set(documents.map((d) => d.id));
                  await bundle.reload();
                  setLettersBefore(known);
                  setFlash(outcomeOf(def, e.type, next.state)[locale]);
                  actionsHeading.current?.focus();
                }}
              />
            ))}
          </section>

          <ApplicationDataSection
            app={app}
            definition={def}
            files={attachments}
            staff
            supportersCountedIn={supportersCountedIn}
          />
          <SupportersPanel app={app} staff onCountedHere={setSupportersCountedIn} />

          <section aria-labelledby="attachments-title" className="app-section">
            <Heading2 id="attachments-title" className="app-subheading">
              {t('detail.attachments')}
            </Heading2>
            <AttachmentList items={attachments} />
          </section>
        </div>
        <div className="app-case__aside">
          <DeadlinesSection app={app} documents={documents} staff />
          <NoticeOfDefaultPanel app={app} onSaved={bundle.reload} />
          <LettersSection appId={app.id} documents={documents} staff />
          <ContactMomentForm appId={app.id} onSaved={bundle.reload} />
          <section aria-labelledby="history-title" className="app-section">
            <Heading2 id="history-title" className="app-subheading">
              {t('case.history')}
            </Heading2>
            <Timeline
              entries={history}
              definition={def}
              showActor
              headingId="history-title"
              files={attachments}
            />
          </section>
        </div>
      </div>
    </>
  );
}
