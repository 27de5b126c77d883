import {
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { AppLink } from '../router/router';
import { useQueueText } from './queue-messages';

/**
 * The penalties of notices of default owed and not yet set by decision (Awb 4:18), above the work
 * queue: a decided application has left the queue, and the two weeks to set its penalty would
 * pass unseen. Nothing when there are none.
 */
export function PenaltiesToSet() {
  const { t, tn, formatMoney, formatDate } = useQueueText();
  const penalties = useLoad(() => api.penaltiesToSet(), []);
  const items = penalties.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="penalties-title" className="app-section">
      <Heading2 id="penalties-title" className="app-subheading">
        {t('queue.penalties')}
      </Heading2>
      <Paragraph>{t('queue.penaltiesIntro')}</Paragraph>
      <UnorderedList>
        {items.map((p) => {
          // By the server's day, as every deadline in the queue.
          const late = p.daysLeft < 0;
          return (
            <UnorderedListItem key={p.id}>
              <AppLink href={`/behandeling/${p.id}`}>
                {p.title ? `${p.title} (${p.reference})` : p.reference}
              </AppLink>{' '}
              {tn('queue.penaltyOwed', p.days, {
                amount: formatMoney(p.cents),
                name: p.applicantName,
              })}{' '}
              <span className={late ? 'app-overdue' : undefined}>
                {t(late ? 'queue.penaltySettleLate' : 'queue.penaltySettleBy', {
                  date: formatDate(p.settleBy),
                })}
              </span>
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </section>
  );
}
