import { describe, expect, it } from 'vitest';
import { appWithoutDatabase } from './openapi.test-kit';

const app = appWithoutDatabase();

/** Every address in the page's src/href attributes and in its start script. */
function addresses(text: string): string[] {
  return [...text.matchAll(/(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

describe('/api/docs', () => {
  it('is served from this installation only, under the app’s CSP', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="swagger-ui"');
    // No other host: no scheme-qualified or protocol-relative address anywhere in the page.
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    const csp = page.headers.get('content-security-policy') ?? '';
    const home = await app.request('/');
    expect(csp).toBe(home.headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|https?:)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script

    const init = await app.request('/api/docs/init.js');
    const script = await init.text();
    expect(script).toContain('validatorUrl: null'); // the online validator would send the document out
    expect(script).not.toMatch(/https?:/);

    for (const address of [...addresses(html), ...addresses(script)]) {
      expect(address.startsWith('/api/'), address).toBe(true);
      const asset = await app.request(address);
      expect(asset.status, address).toBe(200);
      expect(asset.headers.get('content-security-policy'), address).toBe(csp);
    }
  });

  it('serves only the files of the page', async () => {
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
    expect((await app.request('/api/docs/..%2Fpackage.json')).status).toBe(404);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
  });
});
