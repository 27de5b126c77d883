import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import type { LetterContent } from './letter.types';
import { letterheadOf } from './letterhead';

/**
 * The letterhead of a letter of the shell's own (a reminder, a receipt, a penalty decision) for
 * an application: the team its pinned definition version names as sender (letterheadOf), so a
 * letter of the klein buurtbudget comes from its own team and not the default one.
 */
export async function pinnedLetterhead(
  db: Kysely<DB> | Transaction<DB>,
  app: { definition_key: string; definition_version: number },
  language: 'nl' | 'en',
): Promise<LetterContent['sender']> {
  const definition = await loadDefinition(db, app.definition_key, app.definition_version);
  return letterheadOf(definition, language);
}
