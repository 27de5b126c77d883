import { describe, expect, it } from 'vitest';
import { generateApiTypes } from './api-types';
import { servedDocument } from './openapi.test-kit';

// `pnpm check` writes these types to packages/web/src/api/openapi.gen.ts before tsc, which then
// compiles the web's client.contract.ts against them.
describe('the generated API types', () => {
  it('come from the served document, the same every time, with no address in them', async () => {
    const first = await generateApiTypes(await servedDocument());
    const second = await generateApiTypes(await servedDocument({ publicUrl: 'https://x.example' }));
    expect(second).toBe(first);
    expect(first).toContain('"/api/applications/{id}/events"');
    expect(first).toMatch(/getApplicationsByIdHistory: \{/);
    expect(first).toContain('"application/problem+json": components["schemas"]["Problem"]');
  });
});
