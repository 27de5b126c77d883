import { SHOW_WHEN, type WorkflowDefinition } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
  ensureShippedDefinitions,
  newestShipped,
  readShippedDefinitions,
} from '../definitions/definitions.repository';

/**
 * For tests: the shipped version of a workflow whose assessment asks the proposed amount only
 * with the advice to grant (`x-showWhen` on ASSESS's `amountCents`): version 3 and later of both
 * shipped workflows. Earlier versions are published and never change, so they keep asking it always.
 */
export async function assessmentRuleVersion(
  db: Kysely<DB>,
  key: string,
  now: Date,
): Promise<{ key: string; version: number; definition: WorkflowDefinition }> {
  await ensureShippedDefinitions(db, now);
  const definition = newestShipped(await readShippedDefinitions(), key);
  const properties = (definition?.events.ASSESS?.payload as { properties?: Record<string, object> })
    ?.properties;
  if (!definition || !properties?.amountCents || !(SHOW_WHEN in properties.amountCents)) {
    throw new Error(`no shipped version of ${key} asks the proposed amount only with a grant`);
  }
  return { key, version: definition.version, definition };
}
