/**
 * Workflow definition versions as stored, as policy staff read them: every version with what
 * uses it, one version with its check and its revision (the ETag), the diff between two, and
 * the refusal to change a version that is no longer a draft. Changing a draft is in
 * policy-drafts.service.ts, publishing and retiring in policy-publishing.service.ts.
 */
import {
  type DefinitionProblem,
  type ValidationResult,
  validateDefinition,
} from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { diffDefinitions } from './definition-diff';

type Db = Kysely<DB> | Transaction<DB>;
export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionSummary {
  key: string;
  version: number;
  status: DefinitionStatus;
  title: { nl: string; en: string } | null;
  createdAt: string;
  publishedAt: string | null;
  /** Regulations open for applications (approved by a second officer) that start on this version. */
  regulations: number;
  /** Regulations on this version that no second officer approved: waiting, or rejected. */
  regulationsNotApproved: number;
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
        .where('r.approved_at', 'is not', null)
        .as('regulations'),
      eb
        .selectFrom('regulations as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.workflow_key', '=', 'd.key')
        .whereRef('r.workflow_version', '=', 'd.version')
        .where('r.approved_at', 'is', null)
        .as('regulations_not_approved'),
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
    regulationsNotApproved: Number(r.regulations_not_approved ?? 0),
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

/** The status of a stored version; 404 when there is none. */
export async function statusOf(db: Db, key: string, version: number): Promise<DefinitionStatus> {
  const row = await db
    .selectFrom('workflow_definitions')
    .select('status')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
  return row.status;
}

/** 409: a published or retired version is never changed; a new draft is. */
export function immutable(key: string, version: number, status: DefinitionStatus): AppError {
  return new AppError(
    'conflict',
    `Workflow ${key} version ${version} is ${status} and cannot be changed; make a new draft.`,
    { extra: { versionStatus: status } },
  );
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
