/**
 * A draft nobody sent while its regulation is about to close: the resident hears it by e-mail,
 * once, some days before the last day (CLOSING_REMINDER_DAYS), with that day and a link to her
 * application. After the day the application can no longer be sent (the engine refuses its
 * receipt), so a reminder is worth more before than a refusal after.
 */
import { addDays, formatDate, toAmsterdamDate } from '@initiatief/engine';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { stateTagged } from '../definitions/state-tags';
import { mailRow } from '../messaging/messaging.plan';

/** The outbox template key of the reminder; its row marks a draft as reminded. */
export const CLOSING_REMINDER_TEMPLATE = 'closing_reminder';

export interface ClosingReminderOptions {
  /** Drafts whose regulation closes within this many days (today included); 0: off. */
  days: number;
  /** Drafts handled per run; the next run takes the rest. */
  batchSize?: number;
}

/** The reminder: plain paragraphs separated by a blank line, like the definition's mails. */
export function closingReminderText(
  language: 'nl' | 'en',
  vars: { name: string; title: string; reference: string; regulation: string; closesOn: string },
): { subject: string; body: string } {
  const title = vars.title || vars.reference;
  const on = formatDate(vars.closesOn, language);
  if (language === 'en') {
    return {
      subject: `Your application ${vars.reference} has not been sent yet`,
      body: [
        `Dear ${vars.name},`,
        `You started an application "${title}" (${vars.reference}) under the grant scheme ${vars.regulation}, but you have not sent it yet.`,
        `The scheme takes applications up to and including ${on}. After that day this application can no longer be sent.`,
        'Finish and send your application here: {{applicationUrl}}',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Uw aanvraag ${vars.reference} is nog niet verstuurd`,
    body: [
      `Beste ${vars.name},`,
      `U bent een aanvraag "${title}" (${vars.reference}) begonnen voor de regeling ${vars.regulation}, maar u hebt die nog niet verstuurd.`,
      `De regeling neemt aanvragen aan tot en met ${on}. Na die dag kunt u deze aanvraag niet meer versturen.`,
      'Maak uw aanvraag af en verstuur haar hier: {{applicationUrl}}',
    ].join('\n\n'),
  };
}

/**
 * One run: a reminder for each draft whose regulation closes within `days`, not sent one before,
 * whose applicant has an e-mail address and an active account. One draft per transaction, locked
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
          'u.email',
          'u.name',
          'u.locale',
          'r.title as regulation',
          sql<string>`r.closes_on::text`.as('closes_on'),
        ])
        .where(stateTagged('draft'))
        .where('a.received_on', 'is', null)
        .where(sql<boolean>`r.closes_on between ${today}::date and ${until}::date`)
        .where('u.email', 'is not', null)
        .where('u.deactivated_at', 'is', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('outbox as o')
                .select(sql.lit(1).as('one'))
                .whereRef('o.application_id', '=', 'a.id')
                .where('o.template_key', '=', CLOSING_REMINDER_TEMPLATE),
            ),
          ),
        )
        .orderBy('a.created_at')
        .limit(1)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!draft?.email) return false;
      const language = draft.locale === 'en' ? 'en' : 'nl';
      const text = closingReminderText(language, {
        name: draft.name,
        title: draft.title,
        reference: draft.reference,
        regulation: draft.regulation,
        closesOn: draft.closes_on,
      });
      await trx
        .insertInto('outbox')
        .values(
          mailRow({
            applicationId: draft.id,
            to: { email: draft.email, name: draft.name },
            audience: 'applicant',
            language,
            template: CLOSING_REMINDER_TEMPLATE,
            text,
            now,
          }),
        )
        .execute();
      return true;
    });
    if (!done) break;
    reminded++;
  }
  return reminded;
}
