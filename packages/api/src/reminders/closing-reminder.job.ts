/**
 * A draft nobody sent while its regulation is about to close: the resident hears it once, some
 * days before the last day (CLOSING_REMINDER_DAYS), with that day and a link to her application.
 * After the day the application can no longer be sent (the engine refuses its receipt), so a
 * reminder is worth more before than a refusal after. She hears it the way her letters reach her
 * (messaging/channels.ts): by e-mail, or, when she has no e-mail or chose paper, as a letter in
 * the print queue that also says how to get help finishing it.
 */
import { randomUUID } from 'node:crypto';
import { addDays, formatDate, objectionDeadline, toAmsterdamDate } from '@initiatief/engine';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { stateTagged } from '../definitions/state-tags';
import { buildLetterContent } from '../letters/letter.content';
import { applicationsWithLogin } from '../letters/letter.links';
import { LETTERHEAD } from '../letters/letterhead';
import { pinnedLetterhead } from '../letters/letterhead.pinned';
import { channelFor } from '../messaging/channels';
import { insertMails, mailRow } from '../messaging/messaging.service';

/** The outbox template key of the reminder by e-mail; its row marks a draft as reminded. */
export const CLOSING_REMINDER_TEMPLATE = 'closing_reminder';
/**
 * The template key of the reminder on paper (a letter of the shell's own: `shell.` keeps its
 * words when the print queue dates it, print.service.ts); its row marks a draft as reminded too.
 */
export const CLOSING_REMINDER_LETTER = 'shell.closing_reminder';

export interface ClosingReminderOptions {
  /** Drafts whose regulation closes within this many days (today included); 0: off. */
  days: number;
  /** Drafts handled per run; the next run takes the rest. */
  batchSize?: number;
}

/**
 * The reminder: plain paragraphs separated by a blank line, like the definition's mails. On paper
 * it does not assume she started it herself (the desk may have, for her), and says where to get
 * help finishing it: the letterhead holds the municipality's telephone number and address.
 */
export function closingReminderText(
  language: 'nl' | 'en',
  vars: { name: string; title: string; reference: string; regulation: string; closesOn: string },
  /** On paper, `online` when she can log in to finish it herself (letters/letter.links.ts). */
  channel: { paper: false } | { paper: true; online: boolean } = { paper: false },
): { subject: string; body: string } {
  const title = vars.title || vars.reference;
  const on = formatDate(vars.closesOn, language);
  if (channel.paper) return paperText(language, { ...vars, title, on, online: channel.online });
  if (language === 'en') {
    return {
      subject: `Your application ${vars.reference} has not been sent yet`,
      body: [
        `Dear ${vars.name},`,
        `You started an application ‘${title}’ (${vars.reference}) under the grant scheme ${vars.regulation}, but you have not sent it yet.`,
        `The scheme takes applications up to and including ${on}. After that day this application can no longer be sent.`,
        'Finish and send your application here: {{applicationUrl}}',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Uw aanvraag ${vars.reference} is nog niet verstuurd`,
    body: [
      `Beste ${vars.name},`,
      `U bent een aanvraag ‘${title}’ (${vars.reference}) begonnen voor de regeling ${vars.regulation}, maar u hebt die nog niet verstuurd.`,
      `De regeling neemt aanvragen aan tot en met ${on}. Na die dag kunt u deze aanvraag niet meer versturen.`,
      'Maak uw aanvraag af en verstuur haar hier: {{applicationUrl}}',
    ].join('\n\n'),
  };
}

function paperText(
  language: 'nl' | 'en',
  v: {
    name: string;
    title: string;
    reference: string;
    regulation: string;
    on: string;
    online: boolean;
  },
): { subject: string; body: string } {
  if (language === 'en') {
    return {
      subject: `Your application ${v.reference} has not been sent yet`,
      body: [
        `Dear ${v.name},`,
        `An application ‘${v.title}’ (${v.reference}) under the grant scheme ${v.regulation} was started for you, but it has not been sent yet.`,
        `The scheme takes applications up to and including ${v.on}. After that day this application can no longer be sent.`,
        v.online
          ? `You can finish and send it online at {{applicationUrl}}. Would you like help, or to finish it at our desk? Please call us on ${LETTERHEAD.en.phone} (Monday to Friday, 8:00 to 18:00) and mention reference ${v.reference}.`
          : `To finish it, please contact us as soon as possible, by telephone or at our desk: call ${LETTERHEAD.en.phone} (Monday to Friday, 8:00 to 18:00) and mention reference ${v.reference}.`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `Uw aanvraag ${v.reference} is nog niet verstuurd`,
    body: [
      `Beste ${v.name},`,
      `Voor u is een aanvraag ‘${v.title}’ (${v.reference}) begonnen voor de regeling ${v.regulation}, maar die is nog niet verstuurd.`,
      `De regeling neemt aanvragen aan tot en met ${v.on}. Na die dag kan deze aanvraag niet meer worden verstuurd.`,
      v.online
        ? `U kunt de aanvraag online afmaken en versturen op {{applicationUrl}}. Wilt u hulp, of de aanvraag liever aan de balie afmaken? Bel dan ${LETTERHEAD.nl.phone} (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem het kenmerk ${v.reference}.`
        : `Wilt u de aanvraag afmaken? Neem dan zo snel mogelijk contact met ons op, telefonisch of aan de balie: bel ${LETTERHEAD.nl.phone} (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem het kenmerk ${v.reference}.`,
    ].join('\n\n'),
  };
}

/**
 * One run: a reminder for each draft whose regulation closes within `days`, not sent one before,
 * whose applicant has an active account. One draft per transaction, locked
 * with SKIP LOCKED: several workers never remind twice, and a draft being sent right now is
 * left alone (it is no longer a draft when the next run looks).
 */
export async function remindBeforeClosing(
  db: Kysely<DB>,
  now: Date,
  options: ClosingReminderOptions,
): Promise<number> {
  if (options.days <= 0) return 0;
  const today = toAmsterdamDate(now);
  const until = addDays(today, options.days - 1);
  const batchSize = options.batchSize ?? 100;
  let reminded = 0;
  for (let i = 0; i < batchSize; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('applications as a')
        .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
        .innerJoin('users as u', 'u.id', 'a.applicant_id')
        .select([
          'a.id',
          'a.reference',
          'a.title',
          'a.definition_key',
          'a.definition_version',
          'u.email',
          'u.name',
          'u.locale',
          'u.letter_channel',
          'u.street',
          'u.postcode',
          'u.city',
          'r.title as regulation',
          sql<string>`r.closes_on::text`.as('closes_on'),
        ])
        .where(stateTagged('draft'))
        .where('a.received_on', 'is', null)
        .where(sql<boolean>`r.closes_on between ${today}::date and ${until}::date`)
        .where('u.deactivated_at', 'is', null)
        .where((eb) =>
          eb.not(
            eb.or([
              eb.exists(
                eb
                  .selectFrom('outbox as o')
                  .select(sql.lit(1).as('one'))
                  .whereRef('o.application_id', '=', 'a.id')
                  .where('o.template_key', '=', CLOSING_REMINDER_TEMPLATE),
              ),
              eb.exists(
                eb
                  .selectFrom('documents as d')
                  .select(sql.lit(1).as('one'))
                  .whereRef('d.application_id', '=', 'a.id')
                  .where('d.template_key', '=', CLOSING_REMINDER_LETTER),
              ),
            ]),
          ),
        )
        .orderBy('a.created_at')
        .limit(1)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!draft) return false;
      const language = draft.locale === 'en' ? 'en' : 'nl';
      const vars = {
        name: draft.name,
        title: draft.title,
        reference: draft.reference,
        regulation: draft.regulation,
        closesOn: draft.closes_on,
      };
      const byMail = channelFor({ ...draft, letterChannel: draft.letter_channel });
      if (byMail.name !== 'email' || !draft.email) {
        // On paper: it waits in the print queue, dated the day it is posted (src/print/).
        const online = (await applicationsWithLogin(trx, [draft.id])).has(draft.id);
        const text = closingReminderText(language, vars, { paper: true, online });
        const sentOn = toAmsterdamDate(now);
        const sender = await pinnedLetterhead(trx, draft, language);
        await trx
          .insertInto('documents')
          .values({
            id: randomUUID(),
            application_id: draft.id,
            history_id: null,
            kind: 'notice',
            template_key: CLOSING_REMINDER_LETTER,
            definition_key: draft.definition_key,
            definition_version: draft.definition_version,
            language,
            reference: draft.reference,
            subject: text.subject,
            content: JSON.stringify(
              buildLetterContent({
                kind: 'notice',
                language,
                reference: draft.reference,
                sentOn,
                objectionLastDay: objectionDeadline(sentOn).date,
                recipient: draft,
                subject: text.subject,
                body: text.body,
                variables: {},
                sender,
              }),
            ),
            sent_on: sentOn,
            objection_deadline: null,
            channel: 'paper',
            created_at: now,
          })
          .execute();
        return true;
      }
      const text = closingReminderText(language, vars);
      await insertMails(trx, [
        mailRow({
          applicationId: draft.id,
          to: { email: draft.email, name: draft.name },
          audience: 'applicant',
          language,
          template: CLOSING_REMINDER_TEMPLATE,
          text,
          from: await loadDefinition(trx, draft.definition_key, draft.definition_version),
          now,
        }),
      ]);
      return true;
    });
    if (!done) break;
    reminded++;
  }
  return reminded;
}
