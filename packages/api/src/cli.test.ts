import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './auth/password';
import { openDatabase } from './db/database';
import { createTestDatabase, type TestDatabase } from './test/test-database';

const API_DIR = join(import.meta.dirname, '..');

function cli(args: string[], env: Record<string, string>, stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: API_DIR,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('pnpm cli user create', () => {
  // On PostgreSQL the test database; otherwise a fresh embedded one in a temporary directory.
  let t: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'initiatief-cli-'));
    if (process.env.TEST_DATABASE_URL) {
      t = await createTestDatabase();
      env = { DATABASE_URL: t.url! };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // A fresh embedded database in a child process: PGlite start and migrations take a while.
  it('creates an account with the password from stdin', { timeout: 180_000 }, async () => {
    const result = await cli(
      [
        'user',
        'create',
        '--email',
        'Op@Example.org',
        '--name',
        'Operator',
        '--role',
        'assessor',
        '--role',
        'approver',
      ],
      env,
      'a-long-operator-password\n',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created op@example.org \(assessor, approver\)/);

    const database = t ?? (await openDatabase({ dataDir }));
    try {
      const user = await database.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'op@example.org')
        .executeTakeFirstOrThrow();
      expect(user.roles).toEqual(['assessor', 'approver']);
      expect(await verifyPassword(user.password_hash, 'a-long-operator-password')).toBe(true);
    } finally {
      if (!t) await database.close();
    }
  });

  it('refuses an unknown role, naming it', async () => {
    const result = await cli(
      ['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'boss'],
      env,
      'pw\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown role: boss/);
  });
});
