import { DECISION_SENT_EVENT, REQUEST_SENT_EVENT } from '@initiatief/engine';

/**
 * History rows the shell writes beside the workflow's own events: they change no state
 * (from = to) and no workflow definition may use these names (the `shell.` prefix is not a
 * valid event name in a definition).
 */
export const SHELL_EVENTS = {
  /**
   * A staff member became the handler (assignee) of an unassigned case: by claiming it, or by
   * taking a step in its handling without claiming it first; payload `{ how: 'claim' | 'step',
   * event? }`, `event` the step's type.
   */
  assigned: 'shell.assigned',
  /** Another assessor took over a claimed case; payload `{ from: {id, name} | null, reason }`. */
  takeOver: 'shell.take_over',
  /** A phone or desk contact (klantcontact); payload `{ channel, summary }`. */
  contact: 'shell.contact',
  /** A resident authorised someone to act for them; payload `{ agent: {id, name} }`. */
  authorised: 'shell.authorised',
  /** A supporter confirmed (or the desk recorded a paper signature); payload `{ name, how }`. */
  supportConfirmed: 'shell.support_confirmed',
  /**
   * A mail to the resident was refused for good (a bounce); payload `{ subject, byPost }`, byPost
   * when the letter it carried went into the print queue instead.
   */
  mailBounced: 'shell.mail_bounced',
  /**
   * A request to supplement went into the post after the day it was made, and its period now
   * counts from the posting day (engine REQUEST_SENT_EVENT); payload `{ requestedOn, sentOn,
   * dueOn, text }`.
   */
  supplementRequestSent: REQUEST_SENT_EVENT,
  /**
   * A decision went into the post after the day it was made; its objection period counts from
   * the posting day (engine DECISION_SENT_EVENT); payload `{ decidedOn, sentOn,
   * objectionDeadline, text }`.
   */
  decisionLetterSent: DECISION_SENT_EVENT,
  /**
   * A paper letter that events overtook was withheld before the post (never a decision); payload
   * `{ documentId, kind, subject, reason }`. Staff only.
   */
  letterWithheld: 'shell.letter_withheld',
  /**
   * The resident's notice of default (ingebrekestelling, Awb 4:17) came in; payload
   * `{ receivedOn, termEndedOn }`. The resident reads it in her history too.
   */
  noticeOfDefault: 'shell.notice_of_default',
  /** The penalty of that notice was set by decision (Awb 4:18); payload `{ setOn, days, cents }`. */
  penaltySet: 'shell.penalty_set',
} as const;
