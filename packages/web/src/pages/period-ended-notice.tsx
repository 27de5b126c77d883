import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Application } from '../api/client';
import { readsForOther } from '../forms/page-heading';
import { useI18n } from '../i18n/i18n';
import { AppLink } from '../router/router';
import { useSession } from '../session/session';

/**
 * A draft whose regulation's last day for applications has passed can no longer be sent: said at
 * the top of its page and of its form, in the API's words, before anyone fills in the rest, with
 * the way to the regulations open now. The desk reads that one which came in by the last day
 * can still be filed, with that day.
 */
export function PeriodEndedNotice({ app }: { app: Application }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const desk = readsForOther(me, app) && (me?.roles ?? []).includes('clerk');
  const ended = app.applicationPeriodEnded;
  if (!ended) return null;
  return (
    <Alert type="warning" className="app-period-ended">
      <Paragraph>{ended.text[locale]}</Paragraph>
      {desk && <Paragraph>{t('periodEnded.desk')}</Paragraph>}
      <Paragraph>
        {t('periodEnded.next')} <AppLink href="/regelingen">{t('periodEnded.link')}</AppLink>
      </Paragraph>
    </Alert>
  );
}
