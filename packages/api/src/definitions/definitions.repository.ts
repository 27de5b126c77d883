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

/** Reads every `*.json` under workflows/<key>/ (every workflow shipped) and validates it. */
export async function readShippedDefinitions(dir = WORKFLOWS_DIR): Promise<WorkflowDefinition[]> {
  const out: WorkflowDefinition[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  // In name order, so every process loads (and lists) the workflows alike.
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = (await readdir(join(dir, entry.name))).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const path = join(dir, entry.name, file);
      const json: unknown = JSON.parse(await readFile(path, 'utf8'));
      // Only files that look like a definition (key + version + states); schemas etc. are skipped.
      if (!isDefinitionLike(json)) continue;
      const result = validateDefinition(json);
      if (!result.ok || !result.definition) {
        const problems = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
        throw new Error(`shipped workflow ${path} is invalid: ${problems}`);
      }
      out.push(result.definition);
    }
  }
  return out;
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
): Promise<{ key: string; version: number }[]> {
  const shipped = await readShippedDefinitions();
  const inserted: { key: string; version: number }[] = [];
  for (const def of shipped) {
    const meta = def as unknown as { key: string; version: number };
    const res = await db
      .insertInto('workflow_definitions')
      .values({
        key: meta.key,
        version: meta.version,
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
