import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { type App, createApp } from '../app';
import { type Config, testConfig } from '../config';
import type { DB } from '../db/schema';
import { silentLogger } from '../logging/logger';
import type { OpenApiDocument } from './openapi.complete';

/**
 * The app on a database that runs no query (kysely's DummyDriver): enough for the document and
 * the documentation page, which must not need one.
 */
export function appWithoutDatabase(config: Partial<Config> = {}): App {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return createApp({
    db,
    config: testConfig(config),
    logger: silentLogger(),
    clock: () => new Date('2026-03-02T08:00:00Z'),
  });
}

/** The document exactly as /api/openapi.json serves it. */
export async function servedDocument(config: Partial<Config> = {}): Promise<OpenApiDocument> {
  const app = appWithoutDatabase(config);
  const response = await app.request('/api/openapi.json');
  if (response.status !== 200) throw new Error(`/api/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}
