import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { type ApplicationSummary, api, type Regulation } from '../api/client';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { loadVocabularies, vocabularyOf } from '../forms/definitions';
import { useI18n } from '../i18n/i18n';
import { AppLink, useRouter } from '../router/router';
import { useSession } from '../session/session';

export function RegulationCard({
  regulation: r,
  action,
}: {
  regulation: Regulation;
  action?: React.ReactNode;
}) {
  const { t, formatMoney, formatDate, locale } = useI18n();
  const headingId = `reg-${r.id}`;
  return (
    <section className="app-card" aria-labelledby={headingId}>
      <Heading2 id={headingId} className="app-card__title">
        {r.title}
      </Heading2>
      {r.scheme.description && <Paragraph>{r.scheme.description[locale]}</Paragraph>}
      <DataList className="app-datalist app-datalist--compact">
        <DataListItem>
          <DataListKey>{t('regulation.scheme')}</DataListKey>
          <DataListValue>{r.scheme.title[locale]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('regulation.district')}</DataListKey>
          <DataListValue>{r.district}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('regulation.max')}</DataListKey>
          <DataListValue>{formatMoney(r.maxAmountCents)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('regulation.remaining')}</DataListKey>
          <DataListValue>
            {t('regulation.remainingOf', {
              remaining: formatMoney(r.budget.remainingCents),
              ceiling: formatMoney(r.ceilingCents),
            })}
          </DataListValue>
        </DataListItem>
        {r.closesOn && (
          <DataListItem>
            <DataListKey>{t('regulation.closes')}</DataListKey>
            <DataListValue>{formatDate(r.closesOn)}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      <RegulationConditions regulation={r} headingId={`${headingId}-conditions`} />
      {action}
    </section>
  );
}

/** What the regulation's workflow asks of a resident, in the reader's language (none: nothing). */
export function RegulationConditions({
  regulation: r,
  headingId,
}: {
  regulation: Regulation;
  headingId: string;
}) {
  const { t, locale } = useI18n();
  if (r.conditions.length === 0) return null;
  return (
    <>
      <Heading3 id={headingId}>{t('regulation.conditions')}</Heading3>
      <UnorderedList aria-labelledby={headingId}>
        {r.conditions.map((c) => (
          <UnorderedListItem key={c.nl}>{c[locale]}</UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

export function RegulationsPage() {
  const { t } = useI18n();
  const { me, hasRole } = useSession();
  const { navigate, href } = useRouter();
  const errorText = useErrorText();
  const regs = useLoad(() => api.regulations(), []);
  const applicant = !!me && hasRole('applicant');
  // A resident's open drafts, by regulation: "start" offers to continue one instead.
  const drafts = useLoad(async () => {
    if (!applicant) return new Map<string, ApplicationSummary>();
    const [page, vocab] = await Promise.all([
      api.listApplications({ sort: 'updated', limit: 100 }),
      loadVocabularies().then(vocabularyOf),
    ]);
    const byRegulation = new Map<string, ApplicationSummary>();
    for (const a of page.items) {
      if (!vocab.state(a.definition, a.state).tags.includes('draft')) continue;
      if (!byRegulation.has(a.regulationId)) byRegulation.set(a.regulationId, a);
    }
    return byRegulation;
  }, [applicant]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');

  async function start(r: Regulation) {
    setBusy(r.id);
    setFailure('');
    try {
      // No data: the regulation decides what it decides (its district), in the engine.
      const app = await api.createApplication({ regulationId: r.id });
      navigate(`/aanvragen/${app.id}/bewerken`);
    } catch (err) {
      setFailure(errorText(err));
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading>{t('regulations.title')}</PageHeading>
      <Paragraph>{t('regulations.intro')}</Paragraph>
      <ErrorAlert>{failure || (regs.error ? errorText(regs.error) : '')}</ErrorAlert>
      {regs.loading && !regs.data && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {regs.data && regs.data.length === 0 && <Paragraph>{t('regulations.none')}</Paragraph>}
      <div className="app-cards">
        {regs.data?.map((r) => (
          <RegulationCard
            key={r.id}
            regulation={r}
            action={
              applicant ? (
                drafts.data?.get(r.id) ? (
                  <div className="app-draft-offer">
                    <Paragraph>
                      {t('regulations.draftExists', {
                        title: drafts.data.get(r.id)!.title || t('app.untitled'),
                      })}
                    </Paragraph>
                    <div className="app-inline-buttons">
                      <PrimaryActionButton
                        onClick={() =>
                          navigate(`/aanvragen/${drafts.data!.get(r.id)!.id}/bewerken`)
                        }
                        aria-describedby={`reg-${r.id}`}
                      >
                        {t('regulations.continueDraft')}
                      </PrimaryActionButton>
                      <SecondaryActionButton
                        onClick={() => start(r)}
                        disabled={busy !== null}
                        busy={busy === r.id}
                        aria-describedby={`reg-${r.id}`}
                      >
                        {t('regulations.startAnother')}
                      </SecondaryActionButton>
                    </div>
                  </div>
                ) : (
                  <PrimaryActionButton
                    onClick={() => start(r)}
                    disabled={busy !== null || drafts.loading}
                    busy={busy === r.id}
                    aria-describedby={`reg-${r.id}`}
                  >
                    {t('regulations.apply')}
                  </PrimaryActionButton>
                )
              ) : !me ? (
                <Paragraph>
                  <AppLink href={`/inloggen?next=${encodeURIComponent(href('/regelingen'))}`}>
                    {t('regulations.loginToApply')}
                  </AppLink>
                </Paragraph>
              ) : null
            }
          />
        ))}
      </div>
    </>
  );
}
