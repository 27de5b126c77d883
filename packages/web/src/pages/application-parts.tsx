import { objectionDeadline, type WorkflowDefinition } from '@initiatief/engine';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Application, Attachment, DocumentSummary } from '../api/client';
import { LetterAction, LetterName } from '../components/letter-name';
import { PdfLink } from '../components/pdf-link';
import { FormDataView } from '../forms/form-data-view';
import { readsForOther } from '../forms/page-heading';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';
import { warningWords } from './warning-words';

type Deadline = NonNullable<Application['deadlines']>[number];

/**
 * The objection period runs from the day after the decision letter is sent (Awb 6:8). A paper
 * letter is dated when its print batch is posted, so until then there is no last day to give,
 * and afterwards it is the one the letter states: the newest letter that names one decides.
 */
export function withLetterObjection(
  deadlines: readonly Deadline[],
  documents: readonly DocumentSummary[],
): (Deadline & { pending?: boolean })[] {
  const letter = documents
    .filter((d) => d.objectionDeadline !== null)
    .reduce<DocumentSummary | null>(
      (m, d) => (m === null || d.createdAt > m.createdAt ? d : m),
      null,
    );
  if (!letter) return [...deadlines];
  return deadlines.map((d) => {
    if (d.key !== 'objection') return d;
    if (!letter.sent) return { ...d, pending: true };
    const fromLetter = objectionDeadline(letter.sentOn);
    return { ...d, date: fromLetter.date, explanation: fromLetter.explanation };
  });
}

/** The application's deadlines and warnings; `staff` speaks of the applicant, not to them. */
export function DeadlinesSection({
  app,
  documents = [],
  staff,
}: {
  app: Application;
  documents?: readonly DocumentSummary[];
  staff?: boolean;
}) {
  const { t, tx, locale, formatDate } = useI18n();
  const deadlines = withLetterObjection(app.deadlines ?? [], documents);
  return (
    <section aria-labelledby="deadlines-title" className="app-section">
      <Heading2 id="deadlines-title" className="app-subheading">
        {t('detail.deadlines')}
      </Heading2>
      {app.clock?.suspended && (
        <Paragraph className="app-notice">
          {t(staff ? 'detail.suspendedStaff' : 'detail.suspended')}
        </Paragraph>
      )}
      {(app.warnings ?? []).map((w) => {
        const words = warningWords(w, !!staff, locale, tx);
        return (
          <Alert key={w.key} type="warning" className="app-warning">
            <Paragraph>
              <strong>{words.title}</strong> {words.text}
            </Paragraph>
          </Alert>
        );
      })}
      {deadlines.length === 0 ? (
        <Paragraph>{t('detail.noDeadlines')}</Paragraph>
      ) : (
        <DataList className="app-datalist">
          {deadlines.map((d) => (
            <DataListItem key={d.key}>
              <DataListKey>{tx(`deadline.${d.key}`, d.key)}</DataListKey>
              {d.pending ? (
                <DataListValue>
                  <strong>{t('deadline.objectionPending')}</strong>
                  <span className="app-deadline-explanation">
                    {t(staff ? 'deadline.objectionPendingStaff' : 'deadline.objectionPendingHint')}
                  </span>
                </DataListValue>
              ) : d.key === 'decision' && app.clock?.suspended ? (
                <DecisionWhileSuspended deadline={d} since={app.clock.suspendedSince} />
              ) : (
                <DataListValue>
                  <strong>{formatDate(d.date)}</strong>
                  <span className="app-deadline-explanation">
                    {d.explanation?.[locale] ?? d.explanation?.nl}
                  </span>
                </DataListValue>
              )}
            </DataListItem>
          ))}
        </DataList>
      )}
    </section>
  );
}

/**
 * While the decision term stands still (Awb 4:15) its last day is not final: the API counts the
 * days it stood still up to today, so the date it gives moves on by a day for every day more.
 * Said as such, so the line does not contradict the notice above it.
 */
function DecisionWhileSuspended({
  deadline: d,
  since,
}: {
  deadline: Deadline;
  since?: string | null;
}) {
  const { t, locale, formatDate } = useI18n();
  return (
    <DataListValue>
      <strong>
        {since
          ? t('deadline.decisionSuspendedSince', { date: formatDate(since) })
          : t('deadline.decisionSuspended')}
      </strong>
      <span className="app-deadline-explanation">
        {t('deadline.decisionSuspendedMoves', {
          date: formatDate(d.date),
          explanation: d.explanation?.[locale] ?? d.explanation?.nl ?? '',
        })}
      </span>
    </DataListValue>
  );
}

export function AmountsList({ app }: { app: Application }) {
  const { t, formatMoney } = useI18n();
  const a = app.amounts;
  const requested = a?.requestedCents ?? 0;
  return (
    <DataList className="app-datalist">
      <DataListItem>
        <DataListKey>{t('amount.requested')}</DataListKey>
        <DataListValue>{formatMoney(requested)}</DataListValue>
      </DataListItem>
      {a?.grantedCents != null && (
        <DataListItem>
          <DataListKey>{t('amount.granted')}</DataListKey>
          <DataListValue>{formatMoney(a.grantedCents)}</DataListValue>
        </DataListItem>
      )}
      {!!a?.advanceCents && (
        <DataListItem>
          <DataListKey>{t('amount.advance')}</DataListKey>
          <DataListValue>{formatMoney(a.advanceCents)}</DataListValue>
        </DataListItem>
      )}
      {a?.settledCents != null && (
        <DataListItem>
          <DataListKey>{t('amount.settled')}</DataListKey>
          <DataListValue>{formatMoney(a.settledCents)}</DataListValue>
        </DataListItem>
      )}
      {!!a?.reclaimCents && (
        <DataListItem>
          <DataListKey>{t('amount.reclaim')}</DataListKey>
          <DataListValue>{formatMoney(a.reclaimCents)}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

/**
 * The application's data under the definition's page headings; `staff` reads them about the
 * applicant ("Het initiatief", not "Uw initiatief"). Not given, it is whoever is signed in and is
 * not the applicant: the desk or a helper acting for her.
 */
export function ApplicationDataSection({
  app,
  definition,
  files,
  staff,
  supportersCountedIn,
  supportersAbove = false,
}: {
  app: Application;
  definition: WorkflowDefinition | undefined;
  files?: readonly Attachment[];
  staff?: boolean;
  /** The part of the page listing the supporters who confirmed, when they are who counts. */
  supportersCountedIn?: string | null;
  /** That part stands above this one (the applicant's page), not below it (the case page). */
  supportersAbove?: boolean;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const forOther = staff ?? readsForOther(me, app);
  return (
    <section aria-labelledby="data-title" className="app-section">
      <Heading2 id="data-title" className="app-subheading">
        {t('detail.data')}
      </Heading2>
      <Paragraph>
        {t('wizard.regulation', { title: app.regulation.title, district: app.regulation.district })}
      </Paragraph>
      {definition ? (
        <FormDataView
          definition={definition}
          data={app.data ?? {}}
          files={files}
          headingLevel={3}
          staff={forOther}
          // Per supporter whether the step counts him, and why not: for staff, and for the
          // applicant, who reads her own line as "you".
          supporters={{
            applicantName: app.applicantName,
            applicantPostcode: app.applicantPostcode,
            district: app.regulation.district,
            self: !forOther,
            ...(supportersCountedIn
              ? { countedIn: supportersCountedIn, countedAbove: supportersAbove }
              : {}),
          }}
        />
      ) : (
        <Paragraph>{t('common.loading')}</Paragraph>
      )}
    </section>
  );
}

export function LettersSection({
  appId,
  documents,
  staff,
}: {
  appId: string;
  documents: DocumentSummary[];
  staff?: boolean;
}) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="letters-title" className="app-section">
      <Heading2 id="letters-title" className="app-subheading">
        {t('detail.letters')}
      </Heading2>
      {documents.length === 0 ? (
        <Paragraph>{t('detail.noLetters')}</Paragraph>
      ) : (
        <ul className="app-letters">
          {documents.map((d) => (
            <li key={d.id} className="app-letters__item">
              {/* The letter is in its own language, which need not be the page's. */}
              <LetterName letter={d} />
              <span className="app-muted">
                {' · '}
                {d.withheld
                  ? t('letter.withheld', { reason: d.withheld.reason })
                  : d.sent === false
                    ? t('letter.awaitingPost')
                    : formatDate(d.postedOn ?? d.sentOn)}
              </span>
              <span className="app-letters__links">
                <AppLink href={`${staff ? '/behandeling' : '/aanvragen'}/${appId}/brieven/${d.id}`}>
                  <LetterAction action={t('detail.readLetter')} letter={d} />
                </AppLink>
                <PdfLink doc={d}>
                  <LetterAction action={t('detail.downloadPdf')} letter={d} />
                </PdfLink>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
