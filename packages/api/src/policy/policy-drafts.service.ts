/**
 * Editing a draft: a new one copied from a published or retired version, saving it with the
 * revision it was read at (If-Match; 428 without it, 412 with who saved in between), and
 * discarding it. A draft proposed for publishing stays as it was proposed.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { withPolicyTables } from './policy.table';
import {
  type DefinitionDetail,
  definitionEtag,
  getDefinition,
  immutable,
  statusOf,
} from './policy-definitions.service';

type Db = Kysely<DB> | Transaction<DB>;

const KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

/** A new draft (version = highest + 1) copied from `fromVersion`; one draft per key at a time. */
export async function createDraft(
  db: Kysely<DB>,
  key: string,
  fromVersion: number,
  now: Date,
): Promise<DefinitionDetail> {
  if (!KEY_RE.test(key)) throw new AppError('not_found', `No workflow ${key}.`);
  await db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom('workflow_definitions')
      .select(['definition', 'status'])
      .where('key', '=', key)
      .where('version', '=', fromVersion)
      .executeTakeFirst();
    if (!source) throw new AppError('not_found', `No workflow definition ${key} v${fromVersion}.`);
    if (source.status === 'draft')
      throw new AppError('conflict', 'A draft is made from a published or retired version.');
    const existing = await trx
      .selectFrom('workflow_definitions')
      .select('version')
      .where('key', '=', key)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (existing) {
      throw new AppError(
        'conflict',
        `Workflow ${key} already has a draft (version ${existing.version}); edit or discard it first.`,
        { extra: { draftVersion: existing.version } },
      );
    }
    const max = await trx
      .selectFrom('workflow_definitions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const version = Number(max.v) + 1;
    const definition = { ...(source.definition as Record<string, unknown>), version };
    await trx
      .insertInto('workflow_definitions')
      .values({
        key,
        version,
        status: 'draft',
        definition: JSON.stringify(definition),
        created_at: now,
        published_at: null,
      })
      .execute();
  });
  const draft = await db
    .selectFrom('workflow_definitions')
    .select('version')
    .where('key', '=', key)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return getDefinition(db, key, draft.version);
}

/**
 * Saves a draft as given (also when invalid: a draft may be work in progress); key and version
 * are the row's. Answers with the full validation result.
 */
export async function saveDraft(
  db: Db,
  key: string,
  version: number,
  definition: Record<string, unknown>,
  saved: { by: SessionUser; at: Date; ifRevision: number | null },
): Promise<DefinitionDetail> {
  await assertNotProposed(db, key, version);
  if (saved.ifRevision === null) {
    // Without the revision it was read at, a save could silently overwrite another tab's save.
    const status = await statusOf(db, key, version);
    if (status !== 'draft') throw immutable(key, version, status);
    const current = await getDefinition(db, key, version);
    throw new AppError(
      'precondition_required',
      'Send If-Match with the ETag of the draft you loaded; without it a save could overwrite someone else’s.',
      { headers: { ETag: definitionEtag(current.revision) } },
    );
  }
  if (Number.isNaN(saved.ifRevision)) {
    throw new AppError('precondition_failed', 'The If-Match header is not an ETag of this draft.');
  }
  const stored = { ...definition, key, version };
  const row = await db
    .updateTable('workflow_definitions')
    .set({
      definition: JSON.stringify(stored),
      revision: sql`revision + 1`,
      saved_by: saved.by.id,
      saved_at: saved.at,
    })
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .where('revision', '=', saved.ifRevision)
    .returning('version')
    .executeTakeFirst();
  if (!row) {
    const status = await statusOf(db, key, version);
    if (status !== 'draft') throw immutable(key, version, status);
    throw await staleDraft(db, key, version, saved.by.locale);
  }
  return getDefinition(db, key, version);
}

/** 412: someone saved the draft since it was read; says who and when. */
async function staleDraft(db: Db, key: string, version: number, locale: 'nl' | 'en') {
  const current = await getDefinition(db, key, version);
  const who = current.savedBy?.name ?? (locale === 'nl' ? 'iemand anders' : 'someone else');
  const when = current.savedAt
    ? new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Amsterdam',
      }).format(new Date(current.savedAt))
    : '';
  return new AppError(
    'precondition_failed',
    locale === 'nl'
      ? `${who} heeft dit concept intussen opgeslagen (${when}). Laad die versie opnieuw voordat u verder gaat; anders gaan die wijzigingen verloren.`
      : `${who} saved this draft in the meantime (${when}). Reload that version before you go on; otherwise those changes would be lost.`,
    {
      extra: {
        revision: current.revision,
        savedBy: current.savedBy,
        savedAt: current.savedAt,
      },
    },
  );
}

/** A draft proposed for publishing is frozen: the second officer approves what was proposed. */
async function assertNotProposed(db: Db, key: string, version: number): Promise<void> {
  const open = await withPolicyTables(db)
    .selectFrom('policy_proposals')
    .select('id')
    .where('kind', '=', 'publish_definition')
    .where('definition_key', '=', key)
    .where('definition_version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) {
    throw new AppError(
      'conflict',
      `Version ${version} of ${key} is proposed for publishing; withdraw or reject the proposal before changing it.`,
      { extra: { proposalId: open.id } },
    );
  }
}

/** Discards a draft. */
export async function deleteDraft(db: Db, key: string, version: number): Promise<void> {
  await assertNotProposed(db, key, version);
  const row = await db
    .deleteFrom('workflow_definitions')
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning('version')
    .executeTakeFirst();
  if (!row) throw immutable(key, version, await statusOf(db, key, version));
}
