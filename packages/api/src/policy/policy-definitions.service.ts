import {
  type DefinitionProblem,
  type ValidationResult,
  validateDefinition,
} from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { type DefinitionDiff, diffDefinitions } from './definition-diff';
import { withPolicyTables } from './policy.table';

type Db = Kysely<DB> | Transaction<DB>;
export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionSummary {
  key: string;
  version: number;
  status: DefinitionStatus;
  title: { nl: string; en: string } | null;
  createdAt: string;
  publishedAt: string | null;
  /** Regulations whose new applications start on this version. */
  regulations: number;
  /** Applications pinned to this version. */
  applications: number;
  activeApplications: number;
}

export interface DefinitionDetail extends DefinitionSummary {
  definition: unknown;
  validation: { ok: boolean; problems: DefinitionProblem[] };
  /** Raised by every save; sent as the ETag `"r<revision>"` (If-Match on PUT). */
  revision: number;
  /** Who saved the draft last, and when (null before the first save). */
  savedBy: { id: string; name: string } | null;
  savedAt: string | null;
}

/** The ETag of a stored definition version. */
export function definitionEtag(revision: number): string {
  return `"r${revision}"`;
}

/**
 * The revision in an If-Match header (`"r3"`, `W/"r3"` or `3`): null when absent or `*` (which
 * protects nothing), NaN when it is no ETag of ours.
 */
export function revisionFromIfMatch(header: string | undefined): number | null {
  if (!header || header.trim() === '*') return null;
  const m = /^(?:W\/)?"?r?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : Number.NaN;
}

const KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

function titleOf(definition: unknown): { nl: string; en: string } | null {
  const t = (definition as { title?: unknown } | null)?.title as
    | { nl?: unknown; en?: unknown }
    | undefined;
  return typeof t?.nl === 'string' && typeof t?.en === 'string' ? { nl: t.nl, en: t.en } : null;
}

function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('workflow_definitions as d')
    .select((eb) => [
      'd.key',
      'd.version',
      'd.status',
      'd.definition',
      'd.created_at',
      'd.published_at',
      eb
        .selectFrom('regulations as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.workflow_key', '=', 'd.key')
        .whereRef('r.workflow_version', '=', 'd.version')
        .as('regulations'),
      eb
        .selectFrom('applications as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.definition_key', '=', 'd.key')
        .whereRef('a.definition_version', '=', 'd.version')
        .as('applications'),
      eb
        .selectFrom('applications as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.definition_key', '=', 'd.key')
        .whereRef('a.definition_version', '=', 'd.version')
        .where(sql<boolean>`a.snapshot->>'status' = 'active'`)
        .as('active'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): DefinitionSummary {
  return {
    key: r.key,
    version: r.version,
    status: r.status,
    title: titleOf(r.definition),
    createdAt: iso(r.created_at)!,
    publishedAt: iso(r.published_at),
    regulations: Number(r.regulations ?? 0),
    applications: Number(r.applications ?? 0),
    activeApplications: Number(r.active ?? 0),
  };
}

/** Every version of every workflow, newest first per key. */
export async function listDefinitions(db: Db): Promise<DefinitionSummary[]> {
  const rows = await summaryQuery(db).orderBy('d.key').orderBy('d.version', 'desc').execute();
  return rows.map(toSummary);
}

/** The validation result policy staff see: the engine's, plus key/version consistency. */
export function validateStored(key: string, version: number, definition: unknown) {
  const result: ValidationResult = validateDefinition(definition);
  const problems = [...result.problems];
  const d = definition as { key?: unknown; version?: unknown } | null;
  if (d && typeof d === 'object') {
    if (d.key !== key)
      problems.push({ path: 'key', code: 'key_mismatch', message: `the key must be ${key}` });
    if (d.version !== version)
      problems.push({
        path: 'version',
        code: 'version_mismatch',
        message: `the version must be ${version}`,
      });
  }
  return { ok: problems.length === 0, problems };
}

export async function getDefinition(
  db: Db,
  key: string,
  version: number,
): Promise<DefinitionDetail> {
  const row = await summaryQuery(db)
    .where('d.key', '=', key)
    .where('d.version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
  const saved = await db
    .selectFrom('workflow_definitions as d')
    .leftJoin('users as u', 'u.id', 'd.saved_by')
    .select(['d.revision', 'd.saved_by', 'd.saved_at', 'u.name'])
    .where('d.key', '=', key)
    .where('d.version', '=', version)
    .executeTakeFirstOrThrow();
  return {
    ...toSummary(row),
    definition: row.definition,
    validation: validateStored(key, version, row.definition),
    revision: saved.revision,
    savedBy: saved.saved_by ? { id: saved.saved_by, name: saved.name ?? '' } : null,
    savedAt: iso(saved.saved_at),
  };
}

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

async function statusOf(db: Db, key: string, version: number): Promise<DefinitionStatus> {
  const row = await db
    .selectFrom('workflow_definitions')
    .select('status')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
  return row.status;
}

function immutable(key: string, version: number, status: DefinitionStatus): AppError {
  return new AppError(
    'conflict',
    `Workflow ${key} version ${version} is ${status} and cannot be changed; make a new draft.`,
    { extra: { status } },
  );
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

/** The newest published version below `version`, to diff a draft against. */
export async function previousPublished(
  db: Db,
  key: string,
  version: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('workflow_definitions')
    .select('version')
    .where('key', '=', key)
    .where('version', '<', version)
    .where('status', 'in', ['published', 'retired'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version ?? null;
}

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
    throw new AppError(
      'conflict',
      `Regulations still start new applications on this version: ${users.map((u) => u.code).join(', ')}.`,
      { extra: { regulations: users.map((u) => u.code) } },
    );
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

/** The diff between two stored versions. */
export async function diffVersions(db: Db, key: string, from: number, to: number) {
  const rows = await db
    .selectFrom('workflow_definitions')
    .select(['version', 'definition'])
    .where('key', '=', key)
    .where('version', 'in', [from, to])
    .execute();
  const byVersion = new Map(rows.map((r) => [r.version, r.definition]));
  for (const v of [from, to]) {
    if (!byVersion.has(v)) throw new AppError('not_found', `No workflow definition ${key} v${v}.`);
  }
  return { key, from, to, ...diffDefinitions(byVersion.get(from), byVersion.get(to)) };
}
