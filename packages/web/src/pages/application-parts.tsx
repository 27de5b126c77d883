import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  type Application,
  type Attachment,
  api,
  type DocumentSummary,
  type HistoryEntry,
} from '../api/client';
import { formatIban } from '../components/iban';
import { sumCents } from '../components/money';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';

/** Everything a page about one application needs, loaded side by side. */
export async function loadApplicationBundle(id: string) {
  const [app, history, documents, attachments] = await Promise.all([
    api.getApplication(id),
    api.history(id).catch(() => [] as HistoryEntry[]),
    api.documents(id).catch(() => [] as DocumentSummary[]),
    api.attachments(id).catch(() => [] as Attachment[]),
  ]);
  return { app, history, documents, attachments };
}
export type ApplicationBundle = Awaited<ReturnType<typeof loadApplicationBundle>>;

export function StateBadge({ state }: { state: string }) {
  const { tx } = useI18n();
  return <span className={`app-badge app-badge--${state}`}>{tx(`state.${state}`, state)}</span>;
}

export function DeadlinesSection({ app }: { app: Application }) {
  const { t, tx, locale, formatDate } = useI18n();
  const deadlines = app.deadlines ?? [];
  return (
    <section aria-labelledby="deadlines-title" className="app-section">
      <Heading2 id="deadlines-title" className="app-subheading">
        {t('detail.deadlines')}
      </Heading2>
      {app.clock?.suspended && (
        <Paragraph className="app-notice">{t('detail.suspended')}</Paragraph>
      )}
      {deadlines.length === 0 ? (
        <Paragraph>{t('detail.noDeadlines')}</Paragraph>
      ) : (
        <DataList className="app-datalist">
          {deadlines.map((d) => (
            <DataListItem key={d.key}>
              <DataListKey>{tx(`deadline.${d.key}`, d.key)}</DataListKey>
              <DataListValue>
                <strong>{formatDate(d.date)}</strong>
                <span className="app-deadline-explanation">
                  {d.explanation?.[locale] ?? d.explanation?.nl}
                </span>
              </DataListValue>
            </DataListItem>
          ))}
        </DataList>
      )}
    </section>
  );
}

export function AmountsList({ app }: { app: Application }) {
  const { t, formatMoney } = useI18n();
  const a = app.amounts;
  const requested =
    a?.requestedCents ?? sumCents((app.data.budgetLines ?? []).map((l) => l.amountCents));
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

export function ApplicationDataSection({ app }: { app: Application }) {
  const { t, formatMoney, formatDate } = useI18n();
  const d = app.data ?? {};
  const row = (label: string, value: React.ReactNode) => (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value || t('common.notFilled')}</DataListValue>
    </DataListItem>
  );
  return (
    <section aria-labelledby="data-title" className="app-section">
      <Heading2 id="data-title" className="app-subheading">
        {t('detail.data')}
      </Heading2>
      <DataList className="app-datalist">
        {row(t('field.title'), d.title)}
        {row(t('field.description'), d.description)}
        {row(t('field.district'), d.district ?? app.regulation.district)}
        {row(t('field.activityDate'), d.activityDate ? formatDate(d.activityDate) : null)}
        {row(t('field.location'), d.location)}
        {row(
          t('field.expectedParticipants'),
          d.expectedParticipants == null ? null : String(d.expectedParticipants),
        )}
        {row(t('field.iban'), d.iban ? formatIban(d.iban) : null)}
        {row(
          t('wizard.step.supporters'),
          t('wizard.supporters.count', { n: (d.supporters ?? []).length }),
        )}
      </DataList>
      {(d.budgetLines ?? []).length > 0 && (
        <div className="app-table-scroll">
          <Table className="app-table">
            <caption className="app-caption">{t('wizard.step.budget')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('field.lineDescription')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="app-num">
                  {t('field.lineAmount')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(d.budgetLines ?? []).map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no id
                <TableRow key={`b-${i}`}>
                  <TableCell>{l.description}</TableCell>
                  <TableCell className="app-num">{formatMoney(l.amountCents)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableHeaderCell scope="row">{t('wizard.review.total')}</TableHeaderCell>
                <TableCell className="app-num">
                  {formatMoney(sumCents((d.budgetLines ?? []).map((l) => l.amountCents)))}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </div>
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
  const { t, tx, formatDate } = useI18n();
  return (
    <section aria-labelledby="letters-title" className="app-section">
      <Heading2 id="letters-title" className="app-subheading">
        {t('detail.letters')}
      </Heading2>
      {documents.length === 0 ? (
        <Paragraph>{t('detail.noLetters')}</Paragraph>
      ) : (
        <ul className="app-letters">
          {documents.map((d) => {
            const name = d.subject || tx(`letter.${d.kind}`, d.kind);
            return (
              <li key={d.id} className="app-letters__item">
                <span className="app-letters__name">{name}</span>
                <span className="app-muted">
                  {' · '}
                  {d.sent === false ? t('letter.awaitingPost') : formatDate(d.postedOn ?? d.sentOn)}
                </span>
                <span className="app-letters__links">
                  <AppLink
                    href={`${staff ? '/behandeling' : '/aanvragen'}/${appId}/brieven/${d.id}`}
                    aria-label={t('detail.readLetterNamed', { name })}
                  >
                    {t('detail.readLetter')}
                  </AppLink>
                  <Link
                    href={api.documentPdfUrl(d.id)}
                    download
                    aria-label={t('detail.downloadPdfNamed', { name })}
                  >
                    {t('detail.downloadPdf')}
                  </Link>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The latest message staff sent with a request for information. */
export function latestRequest(
  history: HistoryEntry[],
): { message?: string; periodDays?: number } | null {
  const req = [...history].sort((a, b) => b.seq - a.seq).find((h) => h.event === 'REQUEST_INFO');
  return req ? ((req.payload ?? {}) as { message?: string; periodDays?: number }) : null;
}
