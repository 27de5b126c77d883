import type { WorkflowDefinition } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
  ensureShippedDefinitions,
  newestShipped,
  readShippedDefinitions,
} from '../definitions/definitions.repository';

/**
 * For tests: the shipped version of a workflow whose answer to a request for information takes
 * files with the event and needs an explanation or a file (`x-atLeastOneOf`): the newest of both
 * shipped workflows (version 2 brought the rule). Version 1 is published and never changes, so it
 * keeps the old rule.
 */
export async function supplementRuleVersion(
  db: Kysely<DB>,
  key: string,
  now: Date,
): Promise<{ key: string; version: number; definition: WorkflowDefinition }> {
  await ensureShippedDefinitions(db, now);
  const definition = newestShipped(await readShippedDefinitions(), key);
  const payload = definition?.events.SUPPLEMENT?.payload as Record<string, unknown> | undefined;
  if (!definition || !Array.isArray(payload?.['x-atLeastOneOf'])) {
    throw new Error(`no shipped version of ${key} declares the supplement rule`);
  }
  return { key, version: definition.version, definition };
}
