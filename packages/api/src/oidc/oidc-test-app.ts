/**
 * The OIDC API tests' set-up in one call: a test database, the test provider and an app
 * configured for it, made before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { oidcConfig, startTestProvider, type TestProvider } from './oidc-test-kit';

export interface OidcTestApp {
  t: TestDatabase;
  idp: TestProvider;
  app: TestApp;
}

/** Registers the file's beforeAll and afterAll; `ready` keeps what the file needs. */
export function setUpOidcApp(ready: (made: OidcTestApp) => void): void {
  let made: Partial<OidcTestApp> = {};
  beforeAll(async () => {
    const [t, idp] = await Promise.all([createTestDatabase(), startTestProvider()]);
    made = { t, idp, app: createTestApp({ db: t.db, config: oidcConfig(idp.issuer) }) };
    ready(made as OidcTestApp);
  });
  afterAll(async () => {
    await made.idp?.close();
    await made.t?.close();
  });
}
