/**
 * A test server with a real OpenID provider (oidc-provider, in the test process) standing in for
 * the DigiD broker and the municipality's IdP, and a browser: for the files that sign in the
 * municipal way. The routes read the connections per request, so configuring after start is
 * enough.
 */
import { afterAll, beforeAll } from 'vitest';
import { oidcConfig, startTestProvider, type TestProvider } from '../../api/src/oidc/oidc-test-kit';
import { type Browser, openBrowser, screenshotOnFailure } from './browser';
import { startTestServer, type TestServer } from './server';

export interface OidcRig {
  server: TestServer;
  idp: TestProvider;
  browser: Browser;
}

/** Starts the rig before the file's tests and closes it after; `ready` receives it. */
export function setUpOidcBrowser(ready: (rig: OidcRig) => void): void {
  let rig: Partial<OidcRig> = {};
  beforeAll(async () => {
    const server = await startTestServer();
    rig = { server };
    const idp = await startTestProvider(server.url);
    rig.idp = idp;
    Object.assign(server.deps.config, oidcConfig(idp.issuer));
    rig.browser = await openBrowser();
    ready(rig as OidcRig);
  });
  screenshotOnFailure(() => rig.browser?.page);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.idp?.close();
    await rig.server?.close();
  });
}
