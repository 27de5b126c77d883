/**
 * What a notice of default (ingebrekestelling, Awb 4:17) sends, written in the transaction that
 * records it: a receipt to the applicant, by e-mail when her letters go that way, else as a
 * letter in the print queue (a resident who chose paper gets no e-mail, messaging/channels.ts);
 * and word to the assessor handling the case, or else to the staff mailbox, unless the assessor
 * recorded it: the two weeks before the penalty runs start at once. The texts are the law's, not a workflow's: the
 * same for every definition, in the addressee's language.
 */
import { randomUUID } from 'node:crypto';
import {
  formatDate,
  formatMoney,
  objectionDeadline,
  PENALTY_MAX_CENTS,
  toAmsterdamDate,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import type { ApplicationRecord } from '../applications/applications.repository';
import type { NoticeOfDefault } from '../applications/notice-of-default.view';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { buildLetterContent } from '../letters/letter.content';
import { letterheadOf } from '../letters/letterhead';
import { channelFor } from '../messaging/channels';
import { type MessagingPlan, mailRow, writeMessagingPlan } from '../messaging/messaging.service';

/** Template keys of the two mails in the outbox (not a workflow's: `shell.` names no template). */
export const NOTICE_RECEIPT_MAIL = 'shell.notice_of_default_receipt';
export const NOTICE_STAFF_MAIL = 'shell.notice_of_default_staff';

type Language = 'nl' | 'en';
type Text = { subject: string; body: string };

/**
 * The receipt to the applicant: the day it came in, and what it makes owed from when. One given
 * online is acknowledged as the law asks of an electronic notice (Awb 4:17 lid 4, 4:3a).
 */
export function receiptText(
  language: Language,
  m: { name: string; what: string; reference: string; notice: NoticeOfDefault; online: boolean },
): Text {
  const d = (day: string) => formatDate(day, language);
  const { notice } = m;
  const max = formatMoney(PENALTY_MAX_CENTS, language);
  if (language === 'en') {
    return {
      subject: `Notice of default received – ${m.reference}`,
      body: [
        `Dear ${m.name},`,
        `We have recorded your notice of default for your application ‘${m.what}’ (${m.reference}), received on ${d(notice.receivedOn)}. The decision term ended on ${d(notice.termEndedOn)}.`,
        notice.days === 0
          ? `If we have not decided by ${d(notice.firstDay)}, we will pay you a penalty for each day from then until the decision, to ${max} at most (article 4:17 of the General Administrative Law Act).`
          : notice.forApplicant.en,
        ...(m.online
          ? [
              'This confirms that we received your notice of default, which you sent through our website (articles 4:17(4) and 4:3a of the General Administrative Law Act).',
            ]
          : []),
        'You need not do anything more. We will let you know when we decide.',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Ingebrekestelling ontvangen – ${m.reference}`,
    body: [
      `Beste ${m.name},`,
      `Wij hebben uw ingebrekestelling voor uw aanvraag ‘${m.what}’ (${m.reference}) vastgelegd, ontvangen op ${d(notice.receivedOn)}. De beslistermijn was verstreken op ${d(notice.termEndedOn)}.`,
      notice.days === 0
        ? `Hebben wij uiterlijk op ${d(notice.firstDay)} nog niet besloten, dan betalen wij u vanaf die dag een dwangsom voor elke dag dat het besluit uitblijft, tot hoogstens ${max} (artikel 4:17 Algemene wet bestuursrecht).`
        : notice.forApplicant.nl,
      ...(m.online
        ? [
            'Hiermee bevestigen wij de ontvangst van uw ingebrekestelling, die u via onze website stuurde (artikel 4:17, vierde lid, en artikel 4:3a Algemene wet bestuursrecht).',
          ]
        : []),
      'U hoeft hiervoor niets meer te doen. Wij laten het u weten zodra wij besluiten.',
    ].join('\n\n'),
  };
}

/**
 * Word to staff of a notice: given online by the applicant, or recorded by a colleague (the desk,
 * from her letter), with the day the penalty would run.
 */
export function staffText(
  language: Language,
  m: {
    applicant: string;
    what: string;
    reference: string;
    notice: NoticeOfDefault;
    /** Null when she gave it online; else who recorded it. */
    recordedBy: string | null;
  },
): Text {
  const d = (day: string) => formatDate(day, language);
  const { notice } = m;
  if (language === 'en') {
    return {
      subject: m.recordedBy
        ? `Notice of default received – ${m.reference}`
        : `Notice of default given online – ${m.reference}`,
      body: [
        m.recordedBy
          ? `${m.recordedBy} recorded a notice of default from ${m.applicant}, received on ${d(notice.receivedOn)}, for ‘${m.what}’ (${m.reference}): the decision term ended on ${d(notice.termEndedOn)}.`
          : `${m.applicant} gave notice of default online on ${d(notice.receivedOn)} for ‘${m.what}’ (${m.reference}): the decision term ended on ${d(notice.termEndedOn)}.`,
        notice.explanation.en,
      ].join('\n\n'),
    };
  }
  return {
    subject: m.recordedBy
      ? `Ingebrekestelling ontvangen – ${m.reference}`
      : `Ingebrekestelling online ontvangen – ${m.reference}`,
    body: [
      m.recordedBy
        ? `${m.recordedBy} heeft een ingebrekestelling van ${m.applicant} vastgelegd, ontvangen op ${d(notice.receivedOn)}, voor ‘${m.what}’ (${m.reference}): de beslistermijn was verstreken op ${d(notice.termEndedOn)}.`
        : `${m.applicant} heeft de gemeente op ${d(notice.receivedOn)} online in gebreke gesteld voor ‘${m.what}’ (${m.reference}): de beslistermijn was verstreken op ${d(notice.termEndedOn)}.`,
      notice.explanation.nl,
    ].join('\n\n'),
  };
}

/** Writes the notice's receipt and staff mail (outbox, print queue), in the caller's transaction. */
export async function enqueueNoticeMessages(
  trx: Transaction<DB>,
  args: {
    app: ApplicationRecord;
    notice: NoticeOfDefault;
    historyId: string;
    /** Given online by the applicant or her helper (her receipt is the law's acknowledgement). */
    online: boolean;
    /** Who recorded it: the assessor handling the case needs no mail of their own doing. */
    recorder: { id: string; name?: string };
    now: Date;
  },
): Promise<void> {
  const { app, notice, now } = args;
  const people = await trx
    .selectFrom('users as ap')
    .leftJoin('users as asg', (join) => join.on('asg.id', '=', app.assignee_id))
    .where('ap.id', '=', app.applicant_id)
    .select([
      'ap.name',
      'ap.email',
      'ap.locale',
      'ap.letter_channel',
      'ap.street',
      'ap.postcode',
      'ap.city',
      'asg.email as assignee_email',
      'asg.name as assignee_name',
      'asg.locale as assignee_locale',
    ])
    .executeTakeFirstOrThrow();
  const what = app.title || app.reference;
  // The version the application is pinned to: its team sends the mails and signs the letter.
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  const row = (
    audience: 'applicant' | 'staff',
    to: { email: string | null; name: string | null; language: Language },
    template: string,
    text: Text,
  ) =>
    mailRow({
      applicationId: app.id,
      historyId: args.historyId,
      to,
      audience,
      language: to.language,
      template,
      text,
      from: definition,
      now,
    });
  const rows = [];
  const documents: MessagingPlan['documentRows'] = [];
  const applicant = { ...people, letterChannel: people.letter_channel };
  const language: Language = people.locale === 'en' ? 'en' : 'nl';
  const receipt = receiptText(language, {
    name: people.name,
    what,
    reference: app.reference,
    notice,
    online: args.online,
  });
  if (channelFor(applicant).name === 'email' && people.email) {
    rows.push(
      row(
        'applicant',
        { email: people.email, name: people.name, language },
        NOTICE_RECEIPT_MAIL,
        receipt,
      ),
    );
  } else {
    // A resident who gets her post on paper gets the receipt by post: it waits in the print queue
    // and is dated the day it is posted (src/print/).
    const sentOn = toAmsterdamDate(now);
    documents.push({
      id: randomUUID(),
      application_id: app.id,
      history_id: args.historyId,
      kind: 'notice',
      template_key: NOTICE_RECEIPT_MAIL,
      definition_key: app.definition_key,
      definition_version: app.definition_version,
      language,
      reference: app.reference,
      subject: receipt.subject,
      content: buildLetterContent({
        kind: 'notice',
        language,
        reference: app.reference,
        sentOn,
        objectionLastDay: objectionDeadline(sentOn).date,
        recipient: people,
        subject: receipt.subject,
        body: receipt.body,
        variables: {},
        sender: letterheadOf(definition, language),
      }),
      sent_on: sentOn,
      objection_deadline: null,
      channel: 'paper',
      created_at: now,
    });
  }
  if (args.online || args.recorder.id !== app.assignee_id) {
    // The assessor handling it, else the staff mailbox (an address of null is resolved when sent).
    const staffLanguage: Language = people.assignee_locale === 'en' ? 'en' : 'nl';
    rows.push(
      row(
        'staff',
        { email: people.assignee_email, name: people.assignee_name, language: staffLanguage },
        NOTICE_STAFF_MAIL,
        staffText(staffLanguage, {
          applicant: people.name,
          what,
          reference: app.reference,
          notice,
          recordedBy: args.online ? null : (args.recorder.name ?? null),
        }),
      ),
    );
  }
  await writeMessagingPlan(trx, {
    documentRows: documents,
    outboxRows: rows,
    result: { documentIds: [], outboxIds: [] },
  });
}
