import { validateDefinition } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readShippedDefinitions } from '../definitions/definitions.repository';

/**
 * For tests: publishes the next version of a shipped workflow as a policy officer would change
 * it (the published one never changes): its answer to a request for information takes files
 * with the event and needs an explanation or a file (`x-atLeastOneOf`).
 */
export async function publishSupplementRuleVersion(
  db: Kysely<DB>,
  key: string,
  now: Date,
): Promise<{ key: string; version: number }> {
  const shipped = (await readShippedDefinitions()).find((d) => d.key === key);
  if (!shipped) throw new Error(`no shipped workflow ${key}`);
  const next = structuredClone(shipped) as unknown as {
    version: number;
    events: Record<string, { payload: Record<string, unknown> }>;
  };
  next.version = shipped.version + 1;
  const payload = next.events.SUPPLEMENT!.payload;
  (payload.properties as Record<string, unknown>).attachments = {
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 20,
    'x-widget': 'attachments',
    'x-label': { nl: 'Bijlagen', en: 'Attachments' },
  };
  payload['x-atLeastOneOf'] = ['message', 'attachments'];
  const checked = validateDefinition(next);
  if (!checked.ok || !checked.definition) {
    throw new Error(`the changed workflow is invalid: ${JSON.stringify(checked.problems)}`);
  }
  await db
    .insertInto('workflow_definitions')
    .values({
      key,
      version: next.version,
      status: 'published',
      definition: JSON.stringify(checked.definition),
      created_at: now,
      published_at: now,
    })
    .execute();
  return { key, version: next.version };
}
