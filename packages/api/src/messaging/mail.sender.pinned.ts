import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { type MailSender, mailSenderOf, neutralMailSender, storedMailSender } from './mail.sender';
import type { Language, OutboxRow } from './messaging.table';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The sender of an outbox mail when it is sent: the one it was planned with (kept in
 * `outbox.variables` by mailRow, whoever wrote it); else, for a mail about an application that
 * kept none (a row written before every writer kept it, in an existing database), the sender of
 * the definition version the application is pinned to (loadDefinition caches each published
 * version); a mail about no application comes from the municipality alone.
 */
export async function mailSenderForRow(
  db: Db,
  row: Pick<OutboxRow, 'application_id' | 'language' | 'variables'>,
): Promise<MailSender> {
  const language: Language = row.language === 'en' ? 'en' : 'nl';
  const stored = storedMailSender(row.variables);
  if (stored) return stored;
  if (!row.application_id) return neutralMailSender(language);
  const app = await db
    .selectFrom('applications')
    .select(['definition_key', 'definition_version'])
    .where('id', '=', row.application_id)
    .executeTakeFirst();
  if (!app) return neutralMailSender(language);
  const definition = await loadDefinition(db, app.definition_key, app.definition_version);
  return mailSenderOf(definition, language);
}
