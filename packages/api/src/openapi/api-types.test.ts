import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './api-types';
import { servedDocument } from './openapi.test-kit';

describe('the generated API types', () => {
  it('are what the served document generates now', async () => {
    const generated = await generateApiTypes(await servedDocument());
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    // On failure: pnpm --filter @initiatief/api gen:api-types, then commit openapi.gen.ts.
    expect(
      committed === generated,
      `${API_TYPES_FILE} is stale: run pnpm --filter @initiatief/api gen:api-types`,
    ).toBe(true);
    expect(generated).toContain('"/api/applications/{id}/events"');
  });
});
