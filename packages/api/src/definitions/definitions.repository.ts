import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { REPO_ROOT } from '../paths';

type Db = Kysely<DB> | Transaction<DB>;

/** The repository's `workflows/` folder, where shipped definitions live as JSON. */
export const WORKFLOWS_DIR = join(REPO_ROOT, 'workflows');

// Published and retired versions never change, so they are cached for the life of the process.
const cache = new Map<string, WorkflowDefinition>();

/** The definition an application is pinned to; throws when it does not exist. */
export async function loadDefinition(
  db: Db,
  key: string,
  version: number,
): Promise<WorkflowDefinition> {
  const cacheKey = `${key}@${version}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const row = await db
    .selectFrom('workflow_definitions')
    .select(['definition', 'status'])
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new Error(`workflow definition ${cacheKey} not found`);
  const definition = row.definition as WorkflowDefinition;
  if (row.status !== 'draft') cache.set(cacheKey, definition);
  return definition;
}

/** Every definition file under workflows/<key>/ (every workflow shipped), not yet validated. */
async function readShippedFiles(
  dir: string,
): Promise<{ path: string; json: { key: string; version: number } }[]> {
  const out: { path: string; json: { key: string; version: number } }[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  // In name order, so every process loads (and lists) the workflows alike.
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    // Numbers as numbers: definition.v10.json after definition.v9.json, not before v2.
    const files = (await readdir(join(dir, entry.name)))
      .filter((f) => f.endsWith('.json'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const file of files) {
      const path = join(dir, entry.name, file);
      const json: unknown = JSON.parse(await readFile(path, 'utf8'));
      // Only files that look like a definition (key + version + states); schemas etc. are skipped.
      if (isDefinitionLike(json)) out.push({ path, json });
    }
  }
  return out;
}

function validShipped(path: string, json: unknown): WorkflowDefinition {
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) {
    const problems = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new Error(`shipped workflow ${path} is invalid: ${problems}`);
  }
  return result.definition;
}

/** Reads every `*.json` under workflows/<key>/ (every workflow shipped) and validates it. */
export async function readShippedDefinitions(dir = WORKFLOWS_DIR): Promise<WorkflowDefinition[]> {
  return (await readShippedFiles(dir)).map(({ path, json }) => validShipped(path, json));
}

/**
 * The newest shipped version of a workflow: what a new installation starts its regulations on.
 * Older versions stay shipped for the applications that run on them.
 */
export function newestShipped(
  definitions: WorkflowDefinition[],
  key: string,
): WorkflowDefinition | undefined {
  return definitions
    .filter((d) => d.key === key)
    .reduce<WorkflowDefinition | undefined>(
      (newest, d) => (newest && newest.version >= d.version ? newest : d),
      undefined,
    );
}

function isDefinitionLike(json: unknown): json is { key: string; version: number } {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as Record<string, unknown>;
  return typeof o.key === 'string' && typeof o.version === 'number';
}

/**
 * Loads the shipped workflow definitions into `workflow_definitions` as published versions
 * when absent. An existing (key, version) is left alone: published versions are immutable.
 */
export async function ensureShippedDefinitions(
  db: Kysely<DB>,
  now: Date = new Date(),
  dir = WORKFLOWS_DIR,
): Promise<{ key: string; version: number }[]> {
  const files = await readShippedFiles(dir);
  // A version once stored never changes, so only the versions the database lacks are validated
  // and written. Validating every shipped file ran the engine's checks cold on each start: a
  // third of a second of a restart (docs/benchmarks.md). The tests load every shipped file into
  // an empty database, so a file that does not validate still fails there.
  const keys = files.map((f) => f.json.key);
  const stored = await storedVersions(db, keys);
  const inserted: { key: string; version: number }[] = [];
  for (const { path, json } of files) {
    if (stored.has(`${json.key}@${json.version}`)) continue;
    const def = validShipped(path, json);
    const res = await db
      .insertInto('workflow_definitions')
      .values({
        key: json.key,
        version: json.version,
        status: 'published',
        definition: JSON.stringify(def),
        created_at: now,
        published_at: now,
      })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .returning(['key', 'version'])
      .executeTakeFirst();
    if (res) inserted.push(res);
  }
  return inserted;
}

/** `key@version` of every stored version of these workflows. */
async function storedVersions(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('workflow_definitions')
    .select(['key', 'version'])
    .where('key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => `${r.key}@${r.version}`));
}

/**
 * Every state name of the published and retired definitions (applications live in those; drafts
 * have none yet): what a `?state=` filter may name. State names are definition data, so this is
 * read, not listed in code.
 */
export async function knownStates(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('workflow_definitions')
    .select(sql<string>`json_object_keys(definition::json -> 'states')`.as('state'))
    .where('status', '<>', 'draft')
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.state));
}
