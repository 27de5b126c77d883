import { type Kysely, sql } from 'kysely';
import type { AppDeps } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { stateTagged } from '../definitions/state-tags';
import { insertMails, mailRow } from '../messaging/messaging.service';
import { metrics } from '../ops/metrics';
import { deleteUnconfirmedAccounts } from './unconfirmed-accounts';

/** The outbox template key of the warning; its row marks a draft as warned. */
export const RETENTION_WARNING_TEMPLATE = 'retention_warning';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** Drafts untouched this many days are deleted; 0 switches the job off. */
  draftDays: number;
  /** The warning goes out this many days before the deletion. */
  warningDays: number;
  /** Registrations never confirmed are deleted after this many days; 0 keeps them. */
  unconfirmedDays?: number;
  /** Drafts handled per run and action; the next run takes the rest. */
  batchSize?: number;
}

export interface RetentionResult {
  warned: number;
  deleted: number;
  /** References of the deleted drafts (no personal data), for the log. */
  deletedReferences: string[];
  /** Registrations deleted because their owner never confirmed them. */
  accountsDeleted: number;
}

function formatDate(date: Date, language: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/** The warning mail: plain paragraphs separated by a blank line, like the definition's mails. */
export function warningText(
  language: 'nl' | 'en',
  vars: { name: string; title: string; reference: string; deleteOn: Date; days: number },
): { subject: string; body: string } {
  const title = vars.title || vars.reference;
  const on = formatDate(vars.deleteOn, language);
  if (language === 'en') {
    return {
      subject: `Your draft application ${vars.reference} will be deleted on ${on}`,
      body: [
        `Dear ${vars.name},`,
        `You started an application ‘${title}’ (${vars.reference}) but have not changed or submitted it for ${vars.days} days.`,
        `We do not keep personal data longer than needed. Unless you open or change the draft before ${on}, it will be deleted on that date together with everything you entered.`,
        'Open your application here: {{applicationUrl}}',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Uw conceptaanvraag ${vars.reference} wordt op ${on} verwijderd`,
    body: [
      `Beste ${vars.name},`,
      `U bent een aanvraag ‘${title}’ (${vars.reference}) begonnen, maar hebt die al ${vars.days} dagen niet gewijzigd of ingediend.`,
      `Wij bewaren persoonsgegevens niet langer dan nodig. Als u het concept niet vóór ${on} wijzigt, verwijderen wij het op die dag, met alles wat u hebt ingevuld.`,
      'Open uw aanvraag hier: {{applicationUrl}}',
    ].join('\n\n'),
  };
}

/** Queues a warning mail for each draft that reaches the warning point; one per untouched period. */
async function warnDrafts(
  db: Kysely<DB>,
  now: Date,
  options: Required<RetentionOptions>,
): Promise<number> {
  const warnBefore = new Date(now.getTime() - (options.draftDays - options.warningDays) * DAY_MS);
  let warned = 0;
  for (let i = 0; i < options.batchSize; i++) {
    // One draft per transaction, locked with SKIP LOCKED: several workers never warn twice,
    // and a resident editing the draft right now is left alone until the next run.
    const done = await db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('applications as a')
        .innerJoin('users as u', 'u.id', 'a.applicant_id')
        .select([
          'a.id',
          'a.reference',
          'a.title',
          'a.updated_at',
          'a.definition_key',
          'a.definition_version',
          'u.email',
          'u.name',
          'u.locale',
        ])
        .where(stateTagged('draft'))
        .where('a.submitted_at', 'is', null)
        .where('a.updated_at', '<=', warnBefore)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('outbox as o')
                .select(sql.lit(1).as('one'))
                .whereRef('o.application_id', '=', 'a.id')
                .where('o.template_key', '=', RETENTION_WARNING_TEMPLATE)
                .whereRef('o.created_at', '>', 'a.updated_at'),
            ),
          ),
        )
        .orderBy('a.updated_at')
        .limit(1)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!draft) return false;
      const language = draft.locale === 'en' ? 'en' : 'nl';
      const updatedAt = new Date(draft.updated_at);
      // The full warning period from now, even when the job was down when it was due.
      const deleteOn = new Date(
        Math.max(
          updatedAt.getTime() + options.draftDays * DAY_MS,
          now.getTime() + options.warningDays * DAY_MS,
        ),
      );
      const text = warningText(language, {
        name: draft.name,
        title: draft.title,
        reference: draft.reference,
        deleteOn,
        days: Math.floor((now.getTime() - updatedAt.getTime()) / DAY_MS),
      });
      await insertMails(trx, [
        mailRow({
          applicationId: draft.id,
          to: { email: draft.email, name: draft.name },
          audience: 'applicant',
          language,
          template: RETENTION_WARNING_TEMPLATE,
          text,
          from: await loadDefinition(trx, draft.definition_key, draft.definition_version),
          variables: { reference: draft.reference, deleteOn: deleteOn.toISOString() },
          now,
        }),
      ]);
      return true;
    });
    if (!done) break;
    warned++;
  }
  return warned;
}

/**
 * Deletes drafts untouched for draftDays whose warning went out (was delivered) at least
 * warningDays ago and which were not touched since. Drafts with a budget entry or an issued
 * document (never expected for a draft) are kept: those rows are immutable records.
 */
async function deleteDrafts(
  db: Kysely<DB>,
  now: Date,
  options: Required<RetentionOptions>,
): Promise<string[]> {
  const untouchedSince = new Date(now.getTime() - options.draftDays * DAY_MS);
  const warnedBefore = new Date(now.getTime() - options.warningDays * DAY_MS);
  const deleted: string[] = [];
  for (let i = 0; i < options.batchSize; i++) {
    const reference = await db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('applications as a')
        .select(['a.id', 'a.reference'])
        .where(stateTagged('draft'))
        .where('a.submitted_at', 'is', null)
        .where('a.updated_at', '<=', untouchedSince)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('outbox as o')
              .select(sql.lit(1).as('one'))
              .whereRef('o.application_id', '=', 'a.id')
              .where('o.template_key', '=', RETENTION_WARNING_TEMPLATE)
              .where('o.status', '=', 'done')
              .whereRef('o.created_at', '>', 'a.updated_at')
              .where('o.created_at', '<=', warnedBefore),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.or([
              eb.exists(
                eb
                  .selectFrom('budget_ledger as b')
                  .select(sql.lit(1).as('one'))
                  .whereRef('b.application_id', '=', 'a.id'),
              ),
              eb.exists(
                eb
                  .selectFrom('documents as d')
                  .select(sql.lit(1).as('one'))
                  .whereRef('d.application_id', '=', 'a.id'),
              ),
            ]),
          ),
        )
        .orderBy('a.updated_at')
        .limit(1)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!draft) return null;
      // The history trigger lets a draft's rows go only inside this transaction.
      await sql`select set_config('initiatief.retention', 'on', true)`.execute(trx);
      await trx.deleteFrom('timers').where('application_id', '=', draft.id).execute();
      await trx.deleteFrom('attachments').where('application_id', '=', draft.id).execute();
      await trx.deleteFrom('outbox').where('application_id', '=', draft.id).execute();
      await trx.deleteFrom('application_history').where('application_id', '=', draft.id).execute();
      await trx.deleteFrom('applications').where('id', '=', draft.id).execute();
      return draft.reference;
    });
    if (!reference) break;
    deleted.push(reference);
  }
  return deleted;
}

/** One retention pass: warn, then delete. Used by the worker and by tests. */
export async function runRetention(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: RetentionOptions,
): Promise<RetentionResult> {
  if (options.draftDays <= 0) {
    return { warned: 0, deleted: 0, deletedReferences: [], accountsDeleted: 0 };
  }
  const opts = { batchSize: 100, unconfirmedDays: 0, ...options };
  const now = deps.clock();
  const warned = await warnDrafts(deps.db, now, opts);
  const deletedReferences = await deleteDrafts(deps.db, now, opts);
  const accountsDeleted = await deleteUnconfirmedAccounts(deps.db, now, {
    days: opts.unconfirmedDays,
    batchSize: opts.batchSize,
  });
  metrics.retained.inc({ action: 'warned' }, warned);
  metrics.retained.inc({ action: 'deleted' }, deletedReferences.length);
  metrics.unconfirmedDeleted.inc(accountsDeleted);
  return { warned, deleted: deletedReferences.length, deletedReferences, accountsDeleted };
}
