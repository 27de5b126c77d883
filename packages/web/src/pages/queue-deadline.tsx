import type { ApplicationSummary } from '../api/client';
import { todayInAmsterdam } from '../components/dates';
import { useQueueText } from './queue-messages';

/** Calendar days from today (Amsterdam) to a 'YYYY-MM-DD' date. */
export function daysUntil(date: string | null | undefined, now = new Date()): number | null {
  if (!date) return null;
  const today = todayInAmsterdam(now);
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * The work queue's deadline of one application, the one the list sorts by. While the decision
 * term runs the day a decision is due, with the days left; while it stands still for a
 * supplement the day the supplement is due, and that the decision term stands still; after the
 * decision the next of the case's other deadlines (objection, report: as its page names them
 * under "Belangrijke data"; an objection period whose decision letter waits for the post has no
 * last day yet, and says so as the page does); with none, says so and why.
 */
export function QueueDeadline({
  item: a,
  tags,
  final,
}: {
  item: ApplicationSummary;
  tags: string[];
  final: boolean;
}) {
  const { t, tx, tn, formatDate } = useQueueText();
  // A countdown only while the decision term runs (or stands still).
  const counting = tags.includes('pending_decision') || tags.includes('suspended');
  const next = a.nextDeadline;
  // Suspended: the supplement's day comes first (the list sorts by it); the decision's waits.
  const waiting = a.suspended && next !== null && next.key !== 'decision';
  if (counting && a.decisionDueOn && !waiting) {
    const days = a.daysLeft ?? daysUntil(a.decisionDueOn);
    return (
      <>
        <span className="app-muted app-block">{t('deadline.decision')}</span>
        {formatDate(a.decisionDueOn)}
        {a.decisionAfterActivity && (
          <span className="app-block">
            <span className="app-badge app-badge--warning">{t('queue.decisionAfterActivity')}</span>
          </span>
        )}
        {days !== null && (
          <span className={`app-block ${days < 0 ? 'app-overdue' : 'app-muted'}`}>
            {a.suspended
              ? tn('queue.daysSuspended', days)
              : days < 0
                ? tn('queue.daysOverdue', -days)
                : tn('queue.daysLeft', days)}
          </span>
        )}
        {a.noticeOfDefault && <PenaltyNote from={a.noticeOfDefault.penaltyFrom} />}
      </>
    );
  }
  if (next?.pending) {
    // A decision's paper letter waits for the post: as its page says, the last day follows.
    return (
      <>
        <span className="app-muted app-block">
          {tx(`deadline.${next.key}`, t('queue.deadlineOther'))}
        </span>
        {t('deadline.objectionPending')}
      </>
    );
  }
  if (next) {
    return (
      <>
        <span className="app-muted app-block">
          {tx(`deadline.${next.key}`, t('queue.deadlineOther'))}
        </span>
        {formatDate(next.date)}
        <span className={`app-block ${next.daysLeft < 0 ? 'app-overdue' : 'app-muted'}`}>
          {next.daysLeft < 0 ? t('queue.deadlinePassed') : tn('queue.daysLeft', next.daysLeft)}
        </span>
        {waiting && <span className="app-muted app-block">{t('queue.decisionOnHold')}</span>}
      </>
    );
  }
  return (
    <>
      {t('queue.noDeadline')}
      <span className="app-muted app-block">
        {t(final ? 'queue.noDeadlineClosed' : 'queue.noDeadlineOpen')}
      </span>
    </>
  );
}

/** A notice of default on a case whose decision is awaited: from when a penalty runs (Awb 4:17). */
function PenaltyNote({ from }: { from: string }) {
  const { t, formatDate } = useQueueText();
  const running = (daysUntil(from) ?? 1) <= 0;
  return (
    <span className="app-block">
      <span className="app-badge app-badge--warning">{t('queue.noticeOfDefault')}</span>{' '}
      <span className={running ? 'app-overdue' : 'app-muted'}>
        {t(running ? 'queue.penaltyRunning' : 'queue.penaltyFrom', { date: formatDate(from) })}
      </span>
    </span>
  );
}
