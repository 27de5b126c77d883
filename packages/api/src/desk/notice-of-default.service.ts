/**
 * A notice of default (ingebrekestelling, Awb 4:17): the resident's letter or e-mail saying the
 * decision is late. Staff record the day it came in; from two weeks later a penalty (dwangsom)
 * runs for each day without a decision. The engine's latePenalty reads the days and the amount
 * off the dates kept on the application (migration 0049).
 */
import {
  formatDate,
  type LocalizedText,
  latePenalty,
  rolesOnlyText,
  toAmsterdamDate,
} from '@initiatief/engine';
import { isStaff, onBehalfOf } from '../applications/applications.access';
import { findApplication } from '../applications/applications.repository';
import {
  NOTICE_RECORDERS,
  type NoticeOfDefault,
  noticeOfDefaultOf,
} from '../applications/notice-of-default.view';
import type { NoticeWaiver } from '../applications/notice-waiver';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import { AppError } from '../errors';
import { recordShellEvent } from '../queue/claims.service';
import { isUuid } from '../regulations/regulations.repository';
import { actsForApplicant } from './authorisations.repository';
import { enqueueNoticeMessages } from './notice-of-default.mail';
import { issuePenaltyLetter } from './penalty-decision';

/** A refusal said at the one field it is about, in both languages. */
function refused(
  field: 'receivedOn' | 'setOn',
  code: 'validation_failed' | 'conflict',
  text: LocalizedText,
): AppError {
  return new AppError(code, text.en, { invalidParams: [{ name: field, reason: text.en, text }] });
}

/**
 * Records a notice of default while the decision it asks for is awaited past its term. The
 * applicant, or someone acting for her, gives it online: it comes in today. Staff record one that
 * came by post or at the desk with the day it came in.
 */
export async function recordNoticeOfDefault(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  input: { receivedOn?: string },
): Promise<NoticeOfDefault> {
  if (!isUuid(id)) throw new AppError('not_found', 'No application with this id.');
  const now = deps.clock();
  const today = toAmsterdamDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw new AppError('not_found', 'No application with this id.');
    const agent = await actsForApplicant(trx, user, app);
    const online = app.applicant_id === user.id || agent;
    if (!online && !user.roles.some((r) => NOTICE_RECORDERS.includes(r))) {
      if (isStaff(user)) {
        const text = rolesOnlyText(NOTICE_RECORDERS);
        throw new AppError('forbidden', text.en, { extra: { text } });
      }
      throw new AppError('not_found', 'No application with this id.');
    }
    const receivedOn = online ? (input.receivedOn ?? today) : input.receivedOn;
    if (!receivedOn) {
      throw refused('receivedOn', 'validation_failed', {
        nl: 'Vul de dag in waarop de ingebrekestelling binnenkwam.',
        en: 'Fill in the day the notice of default came in.',
      });
    }
    if (online && receivedOn !== today) {
      throw refused('receivedOn', 'validation_failed', {
        nl: 'Een ingebrekestelling die u hier stuurt, ontvangen wij vandaag. Een andere dag kan niet.',
        en: 'A notice of default sent here reaches us today. Another day is not possible.',
      });
    }
    if (receivedOn > today) {
      throw refused('receivedOn', 'validation_failed', {
        nl: 'De dag van ontvangst ligt in de toekomst. Vul de dag in waarop de ingebrekestelling binnenkwam.',
        en: 'The day of receipt is in the future. Fill in the day the notice of default came in.',
      });
    }
    const earlier = app.notice_of_default_on;
    if (earlier) {
      throw refused('receivedOn', 'conflict', {
        nl: `Er is al een ingebrekestelling vastgelegd, ontvangen op ${formatDate(earlier, 'nl')}. Alleen de eerste telt.`,
        en: `A notice of default has already been recorded, received on ${formatDate(earlier, 'en')}. Only the first counts.`,
      });
    }
    if (!app.awaiting_decision || !app.decision_due_on) {
      throw refused('receivedOn', 'conflict', {
        nl: 'Op deze aanvraag wordt nu geen besluit verwacht. Een ingebrekestelling kan alleen worden vastgelegd zolang het besluit uitstaat.',
        en: 'No decision is awaited on this application now. A notice of default can only be recorded while the decision is outstanding.',
      });
    }
    const penalty = latePenalty({
      dueOn: app.decision_due_on,
      noticeOn: receivedOn,
      decidedOn: null,
      today,
    });
    if (penalty.kind === 'premature') {
      throw refused(
        'receivedOn',
        'validation_failed',
        online ? tooEarlyOnline(app.decision_due_on) : penalty.explanation,
      );
    }
    await trx
      .updateTable('applications')
      .set({ notice_of_default_on: receivedOn, notice_term_ended_on: app.decision_due_on })
      .where('id', '=', app.id)
      .execute();
    const history = await recordShellEvent(
      trx,
      app,
      user,
      SHELL_EVENTS.noticeOfDefault,
      now,
      { receivedOn, termEndedOn: app.decision_due_on, ...(online ? { online: true } : {}) },
      agent ? app.applicant_id : onBehalfOf(user, app),
    );
    const recorded = {
      ...app,
      notice_of_default_on: receivedOn,
      notice_term_ended_on: app.decision_due_on,
    };
    const notice = noticeOfDefaultOf(recorded, today)!;
    await enqueueNoticeMessages(trx, {
      app,
      notice,
      historyId: history.id,
      online,
      recorder: user,
      now,
    });
    return notice;
  });
}

/** The applicant's own notice before the term ran out, said to her. */
function tooEarlyOnline(dueOn: string): LocalizedText {
  return {
    nl: `De beslistermijn loopt nog tot en met ${formatDate(dueOn, 'nl')}. Een ingebrekestelling telt pas als die termijn voorbij is; u kunt haar daarna sturen.`,
    en: `The decision term runs until ${formatDate(dueOn, 'en')} inclusive. A notice of default counts only once that term has passed; you can send it after that.`,
  };
}

/** Records the day the penalty of the notice was set by a decision made outside (Awb 4:18). */
export function recordPenaltySet(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  input: { setOn: string },
): Promise<NoticeOfDefault> {
  return setPenalty(deps, user, id, { setOn: input.setOn, letter: false });
}

/**
 * Sets the penalty by decision today and issues the decision letter (Awb 4:18): by e-mail, or
 * into the print queue for a resident who gets her post on paper.
 */
export function issuePenaltyDecision(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  /** Awb 4:17 lid 6: none is owed, on this ground, with the reasons for the letter. */
  notOwed?: { ground: NoticeWaiver; motivation: string },
): Promise<NoticeOfDefault> {
  return setPenalty(deps, user, id, {
    setOn: toAmsterdamDate(deps.clock()),
    letter: true,
    notOwed,
  });
}

async function setPenalty(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  how: { setOn: string; letter: boolean; notOwed?: { ground: NoticeWaiver; motivation: string } },
): Promise<NoticeOfDefault> {
  if (!isUuid(id)) throw new AppError('not_found', 'No application with this id.');
  const now = deps.clock();
  const today = toAmsterdamDate(now);
  const { setOn } = how;
  // Said at the day it would be set: the day's box when staff type one, today with the letter.
  const field = 'setOn';
  if (setOn > today) {
    throw refused(field, 'validation_failed', {
      nl: 'De dag van het besluit ligt in de toekomst. Vul de dag in waarop de dwangsom is vastgesteld.',
      en: 'The day of the decision is in the future. Fill in the day the penalty was set.',
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw new AppError('not_found', 'No application with this id.');
    const notice = noticeOfDefaultOf(app, today);
    if (notice?.kind !== 'ended' || notice.days === 0 || !notice.lastDay) {
      throw refused(field, 'conflict', {
        nl: 'Er is geen dwangsom om vast te stellen: die is pas verschuldigd als het besluit te laat kwam, en ligt vast zodra het besluit er is.',
        en: 'There is no penalty to set: one is owed only when the decision came late, and it is fixed once the decision is made.',
      });
    }
    if (notice.setOn) {
      throw refused(field, 'conflict', {
        nl: `De dwangsom is al vastgesteld op ${formatDate(notice.setOn, 'nl')}.`,
        en: `The penalty was already set on ${formatDate(notice.setOn, 'en')}.`,
      });
    }
    if (setOn <= notice.lastDay) {
      throw refused(field, 'validation_failed', {
        nl: `De dwangsom kan pas worden vastgesteld na de laatste dag waarover hij verschuldigd is, ${formatDate(notice.lastDay, 'nl')}.`,
        en: `The penalty can only be set after the last day it is owed for, ${formatDate(notice.lastDay, 'en')}.`,
      });
    }
    const waived = how.notOwed?.ground ?? null;
    await trx
      .updateTable('applications')
      .set({ notice_penalty_set_on: setOn, notice_penalty_waived: waived })
      .where('id', '=', app.id)
      .execute();
    const history = await recordShellEvent(trx, app, user, SHELL_EVENTS.penaltySet, now, {
      setOn,
      days: notice.days,
      cents: waived ? 0 : notice.cents,
      ...(waived ? { waived } : {}),
      ...(how.letter ? { letter: true } : {}),
    });
    if (how.letter) {
      await issuePenaltyLetter(trx, {
        app,
        notice: { ...notice, lastDay: notice.lastDay },
        notOwed: how.notOwed,
        historyId: history.id,
        now,
      });
    }
    return noticeOfDefaultOf(
      { ...app, notice_penalty_set_on: setOn, notice_penalty_waived: waived },
      today,
    )!;
  });
}
