import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import {
  ensureShippedDefinitions,
  readShippedDefinitions,
  WORKFLOWS_DIR,
} from './definitions.repository';

let t: TestDatabase;
let dir: string;
const shipped = JSON.parse(
  readFileSync(join(WORKFLOWS_DIR, 'bewonersinitiatief', 'definition.json'), 'utf8'),
);
const when = new Date('2026-03-02T08:00:00Z');

function ship(json: unknown) {
  mkdirSync(join(dir, 'bewonersinitiatief'), { recursive: true });
  writeFileSync(join(dir, 'bewonersinitiatief', 'definition.json'), JSON.stringify(json));
}

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'initiatief-workflows-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('shipped definitions at start-up', () => {
  test('an empty database gets every shipped workflow, validated, once', async () => {
    const files = await readShippedDefinitions();
    const first = await ensureShippedDefinitions(t.db, when);
    expect(first).toEqual(files.map((d) => ({ key: d.key, version: d.version })));
    expect(await ensureShippedDefinitions(t.db, when)).toEqual([]);
    const row = await t.db
      .selectFrom('workflow_definitions')
      .select(['definition', 'status'])
      .where('key', '=', shipped.key)
      .where('version', '=', shipped.version)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    // Stored as the engine validated it (defaults filled in), not as the raw file.
    expect(row.definition).toEqual(files.find((d) => d.key === shipped.key));
  });

  test('a version the database holds is not read again: the stored one stands', async () => {
    // The same key and version, broken: a start does not validate it, and nothing changes.
    ship({ ...shipped, initial: 'nowhere' });
    expect(await ensureShippedDefinitions(t.db, when, dir)).toEqual([]);
  });

  test('a new version is validated before it is stored, and refused by its path', async () => {
    ship({ ...shipped, version: shipped.version + 100, initial: 'nowhere' });
    await expect(ensureShippedDefinitions(t.db, when, dir)).rejects.toThrow(
      /bewonersinitiatief\/definition\.json is invalid: initial: no state nowhere/,
    );
    const stored = await t.db
      .selectFrom('workflow_definitions')
      .select('version')
      .where('key', '=', shipped.key)
      .where('version', '=', shipped.version + 100)
      .execute();
    expect(stored).toEqual([]);

    ship({ ...shipped, version: shipped.version + 100 });
    expect(await ensureShippedDefinitions(t.db, when, dir)).toEqual([
      { key: shipped.key, version: shipped.version + 100 },
    ]);
  });
});
