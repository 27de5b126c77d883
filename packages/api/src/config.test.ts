import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.nodeEnv).toBe('development');
    expect(config.databasePreparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(
      false,
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'Gemeente Rotterdam' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'Gemeente <noreply>' }, 'MAIL_FROM'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DATABASE_PREPARED_STATEMENTS: 'sometimes' }, 'DATABASE_PREPARED_STATEMENTS'],
  ])('names the wrong variable: %o', (env, variable) => {
    const error = errorOf(env);
    expect(error.variables).toContain(variable);
    expect(error.message).toContain(variable);
  });

  it('requires SESSION_SECRET in production and refuses demo data there', () => {
    expect(errorOf({ NODE_ENV: 'production' }).message).toMatch(/SESSION_SECRET is required/);
    const secret = 'x'.repeat(40);
    expect(
      errorOf({ NODE_ENV: 'production', SESSION_SECRET: secret, SEED_DEMO: 'true' }).variables,
    ).toEqual(['SEED_DEMO']);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }).sessionSecret).toBe(
      secret,
    );
  });

  it('derives the public URL, cookie security and data paths', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://initiatief.example/',
      DATA_DIR: 'var/data',
      INIT_CWD: '/srv/app',
    });
    expect(config.publicUrl).toBe('https://initiatief.example');
    expect(config.dataDir).toBe('/srv/app/var/data');
    expect(config.mailDir).toBe('/srv/app/var/data/mail');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('stores three times the upload quota by default, never less than it; purges after 7 days', () => {
    const defaults = loadConfig({});
    expect(defaults.uploadMaxStoredFiles).toBe(3 * defaults.uploadMaxFiles);
    expect(defaults.uploadMaxStoredBytes).toBe(3 * defaults.uploadMaxTotalBytes);
    expect(defaults.retentionRemovedFilesDays).toBe(7);
    // The default follows the quota; set on its own it wins.
    const raised = loadConfig({ UPLOAD_MAX_FILES: '30', UPLOAD_MAX_STORED_BYTES: '200000000' });
    expect(raised.uploadMaxStoredFiles).toBe(90);
    expect(raised.uploadMaxStoredBytes).toBe(200_000_000);
    expect(loadConfig({ RETENTION_REMOVED_FILES_DAYS: '0' }).retentionRemovedFilesDays).toBe(0);

    expect(errorOf({ UPLOAD_MAX_STORED_FILES: '10' }).variables).toEqual([
      'UPLOAD_MAX_STORED_FILES',
    ]);
    expect(errorOf({ UPLOAD_MAX_STORED_FILES: '10' }).message).toMatch(
      /UPLOAD_MAX_STORED_FILES must be at least UPLOAD_MAX_FILES/,
    );
    expect(errorOf({ UPLOAD_MAX_STORED_BYTES: '1000' }).variables).toEqual([
      'UPLOAD_MAX_STORED_BYTES',
    ]);
    expect(errorOf({ UPLOAD_MAX_STORED_FILES: 'many' }).variables).toEqual([
      'UPLOAD_MAX_STORED_FILES',
    ]);
    expect(errorOf({ UPLOAD_MAX_STORED_BYTES: '0' }).variables).toEqual([
      'UPLOAD_MAX_STORED_BYTES',
    ]);
    expect(errorOf({ RETENTION_REMOVED_FILES_DAYS: '-1' }).variables).toEqual([
      'RETENTION_REMOVED_FILES_DAYS',
    ]);
  });
});
