import { randomUUID } from 'node:crypto';
import { objectionDeadline, toAmsterdamDate } from '@initiatief/engine';
import { sql, type Transaction } from 'kysely';
import { SYSTEM_ACTOR } from '../applications/applications.access';
import { insertHistory } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { buildLetterContent } from '../letters/letter.content';
import { letterheadOf } from '../letters/letterhead';
import { isPostable } from '../print/print.service';
import { mailRow } from './messaging.plan';
import { insertMails } from './messaging.service';
import type { Language, OutboxRow } from './messaging.table';
import { paperNoticeOfMail } from './messaging.texts';

/** The template key of the word to staff when a bounced mail cannot go by post (no workflow's). */
export const BOUNCE_STAFF_MAIL = 'shell.mail_bounced_staff';

type BouncedMail = Pick<
  OutboxRow,
  | 'id'
  | 'kind'
  | 'audience'
  | 'document_id'
  | 'application_id'
  | 'history_id'
  | 'template_key'
  | 'language'
  | 'subject'
  | 'body'
  | 'recipient_email'
>;

/**
 * Everything a hard bounce (a permanent SMTP refusal) of a mail to the applicant leads to, in the
 * transaction that marks the mail failed (the caller's): the letter it carried goes by post
 * (fallBackToPaper); a notice without a letter of its own goes by post as a paper notice with the
 * mail's words (paperNoticeOnBounce); when there is no postal address to send either to, staff
 * are told so they can phone her (tellStaffOfBounce); and the bounce is noted in the history.
 * Each part is done once per mail, however often the bounce is reported (a staff retry that
 * bounces again adds only a history note). Returns the paper letter's id, if any.
 */
export async function handleBounce(
  trx: Transaction<DB>,
  row: BouncedMail,
  now: Date,
): Promise<string | null> {
  if (row.kind !== 'mail' || row.audience !== 'applicant' || !row.application_id) return null;
  // Locked first, as every command does: two reports of the same bounce wait for each other, so
  // the second finds the first's paper letter or staff mail.
  const app = await trx
    .selectFrom('applications as a')
    .innerJoin('users as ap', 'ap.id', 'a.applicant_id')
    .leftJoin('users as asg', 'asg.id', 'a.assignee_id')
    .select([
      'a.id',
      'a.state',
      'a.reference',
      'a.title',
      'a.definition_key',
      'a.definition_version',
      'ap.id as applicant_id',
      'ap.name',
      'ap.phone',
      'ap.street',
      'ap.postcode',
      'ap.city',
      'asg.email as assignee_email',
      'asg.name as assignee_name',
      'asg.locale as assignee_locale',
    ])
    .where('a.id', '=', row.application_id)
    .forUpdate('a')
    .executeTakeFirst();
  if (!app) return null;
  const postable = isPostable({ applicantId: app.applicant_id, ...app });
  let paper: string | null = null;
  let letterWaits = false;
  if (row.document_id) {
    paper = await fallBackToPaper(trx, row, now);
    // Without an address the copy waits in the print queue until one is known.
    letterWaits = paper !== null && !postable;
  } else if (postable) {
    paper = await paperNoticeOnBounce(trx, row, app, now);
  }
  if (!postable && (letterWaits || !row.document_id)) {
    await tellStaffOfBounce(trx, row, app, { letterWaits, now });
  }
  await recordBounce(trx, row, postable ? paper : null, now);
  return paper;
}

/**
 * A notice the workflow only mails (no letter of its own: her supplement received, an advance
 * paid) whose mail bounced goes into the print queue as a paper notice: the mail's words as sent,
 * signed as the workflow's letters are (paperNoticeOfMail, as paperNoticeOf does for a resident
 * on paper), dated and counted from its posting. Her channel becomes paper, as after a bounced
 * letter. One paper notice per mail: a second bounce report finds it.
 */
export async function paperNoticeOnBounce(
  trx: Transaction<DB>,
  row: BouncedMail,
  app: {
    id: string;
    applicant_id: string;
    reference: string;
    title: string;
    definition_key: string;
    definition_version: number;
    name: string;
    street: string | null;
    postcode: string | null;
    city: string | null;
  },
  now: Date,
): Promise<string | null> {
  if (!row.template_key || row.subject === null || row.body === null) return null;
  await trx
    .updateTable('users')
    .set({ letter_channel: 'paper', updated_at: now })
    .where('id', '=', app.applicant_id)
    .execute();
  const existing = await trx
    .selectFrom('documents')
    .select('id')
    .where('application_id', '=', app.id)
    .where('channel', '=', 'paper')
    .where('kind', '=', 'notice')
    .where('template_key', '=', row.template_key)
    .where((eb) =>
      row.history_id === null
        ? eb('history_id', 'is', null)
        : eb('history_id', '=', row.history_id),
    )
    .executeTakeFirst();
  if (existing) return existing.id;
  const language: Language = row.language === 'en' ? 'en' : 'nl';
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  const text = paperNoticeOfMail(definition, { subject: row.subject, body: row.body }, language);
  const sentOn = toAmsterdamDate(now);
  const content = buildLetterContent({
    kind: 'notice',
    language,
    reference: app.reference,
    sentOn,
    objectionLastDay: objectionDeadline(sentOn).date,
    recipient: app,
    subject: text.subject,
    body: text.body,
    // Only the values that read the same in every language (the other language's subject,
    // document.subjects.ts); the mail's own values are in its words.
    variables: { reference: app.reference, title: app.title, applicantName: app.name },
    // She had an e-mail address, so she can log in: the words were written out for that.
    conditions: { online: true },
    sender: letterheadOf(definition, language),
  });
  const id = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id,
      application_id: app.id,
      history_id: row.history_id,
      kind: 'notice',
      template_key: row.template_key,
      definition_key: app.definition_key,
      definition_version: app.definition_version,
      language,
      reference: app.reference,
      subject: text.subject,
      content: JSON.stringify({ ...content, wordsAsSent: true }),
      sent_on: sentOn,
      objection_deadline: null,
      channel: 'paper',
      created_at: now,
    })
    .execute();
  return id;
}

/**
 * The word to staff: the bounced mail, and that nothing went by post (or its letter waits for an
 * address). The mail adds the link to the case page (mail.compose.ts).
 */
export function bounceStaffText(
  language: Language,
  m: {
    applicant: string;
    email: string | null;
    phone: string | null;
    reference: string;
    what: string;
    subject: string;
    letterWaits: boolean;
  },
): { subject: string; body: string } {
  if (language === 'en') {
    return {
      subject: `E-mail undeliverable, no postal address – ${m.reference}`,
      body: [
        `The e-mail “${m.subject}” to ${m.applicant}${m.email ? ` (${m.email})` : ''} about ‘${m.what}’ (${m.reference}) was refused for good by the recipient’s mail server: the address no longer works.`,
        m.letterWaits
          ? 'We have no complete postal address on file, so the letter it carried waits in the print queue and cannot be posted yet.'
          : 'We have no complete postal address on file, so its text could not be sent by post either. The applicant does not know about it yet.',
        `Please phone the applicant${m.phone ? ` on ${m.phone}` : ' (no phone number is on file)'}, pass on the message and ask for a postal address; record it at the desk.`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `E-mail onbestelbaar, geen postadres – ${m.reference}`,
    body: [
      `De e-mail „${m.subject}” aan ${m.applicant}${m.email ? ` (${m.email})` : ''} over ‘${m.what}’ (${m.reference}) is definitief geweigerd door de mailserver van de ontvanger: het adres werkt niet meer.`,
      m.letterWaits
        ? 'Wij hebben geen volledig postadres, dus de brief die erbij hoorde wacht in de postrij en kan nog niet worden verstuurd.'
        : 'Wij hebben geen volledig postadres, dus de tekst kon ook niet per post. De aanvrager weet er nog niet van.',
      `Bel de aanvrager${m.phone ? ` op ${m.phone}` : ' (er is geen telefoonnummer vastgelegd)'}, geef het bericht door en vraag naar een postadres; leg dat vast aan de balie.`,
    ].join('\n\n'),
  };
}

/**
 * A bounced mail that cannot go by post (no complete postal address): the assessor handling the
 * case, else the staff mailbox, is told, so someone phones her. Once per bounced mail (the
 * mail's id is kept with the word to staff).
 */
export async function tellStaffOfBounce(
  trx: Transaction<DB>,
  row: BouncedMail,
  app: {
    id: string;
    reference: string;
    title: string;
    definition_key: string;
    definition_version: number;
    name: string;
    phone: string | null;
    assignee_email: string | null;
    assignee_name: string | null;
    assignee_locale: string | null;
  },
  options: { letterWaits: boolean; now: Date },
): Promise<string | null> {
  const told = await trx
    .selectFrom('outbox')
    .select('id')
    .where('application_id', '=', app.id)
    .where('template_key', '=', BOUNCE_STAFF_MAIL)
    .where(sql<string>`variables->>'bouncedMail'`, '=', row.id)
    .executeTakeFirst();
  if (told) return null;
  const language: Language = app.assignee_locale === 'en' ? 'en' : 'nl';
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  const mail = mailRow({
    applicationId: app.id,
    historyId: row.history_id,
    to: { email: app.assignee_email, name: app.assignee_name },
    audience: 'staff',
    language,
    template: BOUNCE_STAFF_MAIL,
    text: bounceStaffText(language, {
      applicant: app.name,
      email: row.recipient_email,
      phone: app.phone,
      reference: app.reference,
      what: app.title || app.reference,
      subject: row.subject ?? '',
      letterWaits: options.letterWaits,
    }),
    from: definition,
    // The bounced mail's id: staff hear of each one once.
    variables: { bouncedMail: row.id },
    now: options.now,
  });
  await insertMails(trx, [mail]);
  return mail.id;
}

/**
 * Awb 2:14: a letter mailed to a resident whose address is refused for good (a permanent SMTP
 * reply) has not reached her, and she has no working address for electronic decisions. The
 * letter goes into the print queue as a paper copy (dated by its posting, like any paper
 * letter, so its objection period runs from then) and her channel becomes paper, so later
 * letters do not try the dead address again. Returns the paper letter's id, or null when the
 * failed mail carried no letter of hers.
 */
export async function fallBackToPaper(
  trx: Transaction<DB>,
  row: Pick<OutboxRow, 'kind' | 'audience' | 'document_id'>,
  now: Date,
): Promise<string | null> {
  if (row.kind !== 'mail' || row.audience !== 'applicant' || !row.document_id) return null;
  const letter = await trx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', row.document_id)
    .executeTakeFirst();
  if (letter?.channel !== 'email') return null;
  const app = await trx
    .selectFrom('applications')
    .select('applicant_id')
    .where('id', '=', letter.application_id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('users')
    .set({ letter_channel: 'paper', updated_at: now })
    .where('id', '=', app.applicant_id)
    .execute();
  // One paper copy per letter, however often staff retry the mail.
  const copy = await trx
    .selectFrom('documents')
    .select('id')
    .where('application_id', '=', letter.application_id)
    .where('channel', '=', 'paper')
    .where('template_key', '=', letter.template_key)
    .where((eb) =>
      letter.history_id === null
        ? eb('history_id', 'is', null)
        : eb('history_id', '=', letter.history_id),
    )
    .executeTakeFirst();
  if (copy) return copy.id;
  const id = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id,
      application_id: letter.application_id,
      history_id: letter.history_id,
      kind: letter.kind,
      template_key: letter.template_key,
      definition_key: letter.definition_key,
      definition_version: letter.definition_version,
      language: letter.language,
      reference: letter.reference,
      subject: letter.subject,
      content: JSON.stringify(letter.content),
      sent_on: letter.sent_on,
      objection_deadline: letter.objection_deadline,
      channel: 'paper',
      created_at: now,
    })
    .execute();
  return id;
}

/**
 * Notes the bounce in the application's history, so the resident and staff see that a mail did
 * not arrive and whether its letter went by post. The application row is locked first, as every
 * command does before it adds a history row.
 */
export async function recordBounce(
  trx: Transaction<DB>,
  row: Pick<OutboxRow, 'application_id' | 'subject'>,
  paperLetterId: string | null,
  now: Date,
): Promise<void> {
  if (!row.application_id) return;
  const app = await trx
    .selectFrom('applications')
    .select(['id', 'state'])
    .where('id', '=', row.application_id)
    .forUpdate()
    .executeTakeFirst();
  if (!app) return;
  await insertHistory(trx, {
    applicationId: app.id,
    event: SHELL_EVENTS.mailBounced,
    fromState: app.state,
    toState: app.state,
    actorId: SYSTEM_ACTOR.id,
    actorRoles: SYSTEM_ACTOR.roles,
    onBehalfOf: null,
    payload: { subject: row.subject ?? '', byPost: paperLetterId !== null },
    at: now,
  });
}
