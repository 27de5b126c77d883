import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { HistoryEntry } from '../api/client';
import { useAreaText } from '../i18n/area-text';
import { type ShellMessageKey, shellTexts } from './shell-messages';

/** History rows the API writes beside the workflow's steps (claim, take-over, contact moment). */
export function isShellEntry(h: HistoryEntry): boolean {
  return h.event.startsWith('shell.');
}

const CHANNELS = new Set(['phone', 'desk', 'email', 'letter']);

/** One take-over or contact moment in the timeline, in words. */
export function ShellTimelineItem({
  entry,
  showActor,
}: {
  entry: HistoryEntry;
  showActor?: boolean;
}) {
  const { t: d, formatDateTime, formatDate, formatMoney } = useAreaText(shellTexts);
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  let title = '';
  let text: string | null = null;
  if (entry.event === 'shell.assigned') {
    title = d('timeline.assigned');
    text = payload.how === 'step' ? d('timeline.assignedByStep') : null;
  } else if (entry.event === 'shell.take_over') {
    const from = payload.from as { name?: string | null } | null;
    title = from?.name ? d('timeline.takeOverFrom', { name: from.name }) : d('timeline.takeOver');
    text = typeof payload.reason === 'string' ? payload.reason : null;
  } else if (entry.event === 'shell.contact') {
    const channel = String(payload.channel);
    title = d('timeline.contact', {
      channel: CHANNELS.has(channel) ? d(`contact.channel.${channel}` as ShellMessageKey) : '',
    });
    text = typeof payload.summary === 'string' ? payload.summary : null;
  } else if (entry.event === 'shell.authorised') {
    const agent = payload.agent as { name?: string } | undefined;
    title = d('timeline.authorised', { name: agent?.name ?? '–' });
  } else if (entry.event === 'shell.support_confirmed') {
    const how = String(payload.how);
    title = d('timeline.supportConfirmed', { name: String(payload.name ?? '–') });
    text = ['code', 'digid', 'paper'].includes(how)
      ? d(`supporters.how.${how}` as ShellMessageKey)
      : null;
  } else if (entry.event === 'shell.mail_bounced') {
    title = d('timeline.mailBounced');
    const subject = typeof payload.subject === 'string' ? payload.subject : '';
    text = [
      subject && d('timeline.mailBouncedSubject', { subject }),
      payload.byPost === true ? d('timeline.mailBouncedByPost') : '',
    ]
      .filter(Boolean)
      .join(' ');
  } else if (entry.event === 'shell.supplement_request_sent') {
    title = d('timeline.requestPosted');
    text = d('timeline.requestPostedText', {
      sent: formatDate(String(payload.sentOn ?? '')),
      due: formatDate(String(payload.dueOn ?? '')),
    });
  } else if (entry.event === 'shell.notice_of_default') {
    title = d('timeline.noticeOfDefault');
    text = d('timeline.noticeOfDefaultText', {
      received: formatDate(String(payload.receivedOn ?? '')),
      ended: formatDate(String(payload.termEndedOn ?? '')),
    });
  } else if (entry.event === 'shell.penalty_set') {
    title = d('timeline.penaltySet');
    text = payload.waived
      ? d('timeline.penaltyNotOwedText', { on: formatDate(String(payload.setOn ?? '')) })
      : d('timeline.penaltySetText', {
          amount: formatMoney(Number(payload.cents ?? 0)),
          days: String(payload.days ?? ''),
          on: formatDate(String(payload.setOn ?? '')),
        });
  } else if (entry.event === 'shell.decision_letter_sent') {
    title = d('timeline.decisionPosted');
    text = d('timeline.decisionPostedText', {
      sent: formatDate(String(payload.sentOn ?? '')),
      due: formatDate(String(payload.objectionDeadline ?? '')),
    });
  } else {
    return null;
  }
  return (
    <li className="app-timeline__item">
      <Heading3 className="app-timeline__title">{title}</Heading3>
      <Paragraph className="app-timeline__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {showActor && entry.actor?.name ? ` · ${entry.actor.name}` : ''}
      </Paragraph>
      {text && <Paragraph className="app-timeline__message">{text}</Paragraph>}
    </li>
  );
}
