import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { HistoryEntry } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The history of an application as an ordered list, oldest first. */
export function Timeline({
  entries,
  showActor,
  headingId,
}: {
  entries: HistoryEntry[];
  showActor?: boolean;
  headingId: string;
}) {
  const { t, tx, formatDateTime, formatMoney } = useI18n();
  // Autosaves are history rows too; a run of them reads as one "edited" step.
  const sorted = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .filter((h, i, all) => !(h.event === 'UPDATE_DATA' && all[i + 1]?.event === 'UPDATE_DATA'));
  if (sorted.length === 0) return <Paragraph>{t('timeline.empty')}</Paragraph>;
  return (
    <ol className="app-timeline" aria-labelledby={headingId}>
      {sorted.map((h) => {
        const payload = (h.payload ?? {}) as Record<string, unknown>;
        const message =
          typeof payload.message === 'string'
            ? payload.message
            : typeof payload.motivation === 'string'
              ? payload.motivation
              : null;
        const amount = typeof payload.amountCents === 'number' ? payload.amountCents : null;
        return (
          <li key={h.seq} className="app-timeline__item">
            <Heading3 className="app-timeline__title">
              {h.event === 'UPDATE_DATA'
                ? t('timeline.edited')
                : tx(`state.${h.toState}`, h.toState)}
            </Heading3>
            <Paragraph className="app-timeline__meta">
              <time dateTime={h.at}>{formatDateTime(h.at)}</time>
              {' · '}
              {h.event === 'UPDATE_DATA'
                ? tx(`state.${h.toState}`, h.toState)
                : tx(`event.${h.event}`, h.event)}
              {showActor && h.actor?.name ? ` · ${h.actor.name}` : ''}
              {showActor && h.onBehalfOf ? ` · ${t('timeline.onBehalf')}` : ''}
            </Paragraph>
            {amount !== null && <Paragraph>{formatMoney(amount)}</Paragraph>}
            {message && <Paragraph className="app-timeline__message">{message}</Paragraph>}
          </li>
        );
      })}
    </ol>
  );
}
