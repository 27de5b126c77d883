/**
 * Publishing and retiring a version: the check that refuses a draft with problems, publishing
 * in the transaction of an approved proposal (four eyes) with the diff against the version
 * before, and retiring a published version no regulation starts new applications on.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { type DefinitionDiff, diffDefinitions } from './definition-diff';
import { withPolicyTables } from './policy.table';
import {
  type DefinitionDetail,
  getDefinition,
  immutable,
  previousPublished,
  statusOf,
  validateStored,
} from './policy-definitions.service';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Refuses (422) a definition that is invalid or breaks a rule of the house; each reason is the
 * sentence in the user's language where the engine gives one.
 */
export function assertPublishable(
  key: string,
  version: number,
  definition: unknown,
  locale: 'nl' | 'en',
): void {
  const validation = validateStored(key, version, definition);
  if (validation.ok) return;
  throw new AppError(
    'validation_failed',
    locale === 'nl'
      ? 'Het concept heeft problemen; los ze op voordat het gepubliceerd wordt.'
      : 'The draft has problems; fix them before publishing.',
    {
      invalidParams: validation.problems.map((p) => ({
        name: p.path,
        reason: p.text?.[locale] ?? p.message,
      })),
      extra: { problems: validation.problems },
    },
  );
}

/**
 * Publishes a valid draft in the caller's transaction; from then on it is immutable. Only an
 * approved proposal calls this (four eyes, policy-proposals.service.ts).
 */
export async function publishInTransaction(
  trx: Transaction<DB>,
  key: string,
  version: number,
  now: Date,
  locale: 'nl' | 'en' = 'en',
): Promise<{ definition: DefinitionDetail; previousVersion: number | null; diff: DefinitionDiff }> {
  const row = await trx
    .selectFrom('workflow_definitions')
    .select(['status', 'definition'])
    .where('key', '=', key)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
  if (row.status !== 'draft') throw immutable(key, version, row.status);
  assertPublishable(key, version, row.definition, locale);
  await trx
    .updateTable('workflow_definitions')
    .set({ status: 'published', published_at: now })
    .where('key', '=', key)
    .where('version', '=', version)
    .execute();
  const previousVersion = await previousPublished(trx, key, version);
  const before = previousVersion
    ? (
        await trx
          .selectFrom('workflow_definitions')
          .select('definition')
          .where('key', '=', key)
          .where('version', '=', previousVersion)
          .executeTakeFirstOrThrow()
      ).definition
    : {};
  return {
    definition: await getDefinition(trx, key, version),
    previousVersion,
    diff: diffDefinitions(before, row.definition),
  };
}

/**
 * Retires a published version: no regulation may start new applications on it any more.
 * Applications already running on it keep running.
 */
export async function retireVersion(db: Db, key: string, version: number) {
  const status = await statusOf(db, key, version);
  if (status !== 'published') throw immutable(key, version, status);
  const users = await db
    .selectFrom('regulations')
    .select('code')
    .where('workflow_key', '=', key)
    .where('workflow_version', '=', version)
    .execute();
  if (users.length > 0) {
    const codes = users.map((u) => u.code).join(', ');
    throw new AppError(
      'conflict',
      `Regulations still start new applications on this version: ${codes}.`,
      {
        extra: { regulations: users.map((u) => u.code) },
        invalidParams: [
          {
            name: 'version',
            reason: `used by ${codes}`,
            text: {
              nl: `Nieuwe aanvragen starten nog op deze versie (regeling ${codes}). Zet die regeling eerst op een andere versie.`,
              en: `New applications still start on this version (scheme ${codes}). Move that scheme to another version first.`,
            },
          },
        ],
      },
    );
  }
  // A second officer may be about to point a regulation at it: that proposal would then fail.
  const proposed = await withPolicyTables(db)
    .selectFrom('policy_proposals as p')
    .innerJoin('regulations as r', 'r.id', 'p.regulation_id')
    .select('p.id')
    .where('p.kind', '=', 'change_regulation')
    .where('p.status', '=', 'open')
    .where(sql<boolean>`coalesce(p.changes ->> 'workflowKey', r.workflow_key) = ${key}`)
    .where(sql<boolean>`(p.changes ->> 'workflowVersion')::int = ${version}`)
    .execute();
  if (proposed.length > 0) {
    throw new AppError('conflict', 'An open proposal points a regulation at this version.', {
      extra: { proposals: proposed.map((p) => p.id) },
      invalidParams: [
        {
          name: 'version',
          reason: 'an open proposal points a regulation at it',
          text: {
            nl: 'Er ligt een voorstel om een regeling op deze versie te zetten. Laat dat voorstel eerst afwijzen of intrekken.',
            en: 'There is a proposal to move a scheme to this version. Have that proposal rejected or withdrawn first.',
          },
        },
      ],
    });
  }
  await db
    .updateTable('workflow_definitions')
    .set({ status: 'retired' })
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'published')
    .execute();
  return getDefinition(db, key, version);
}
