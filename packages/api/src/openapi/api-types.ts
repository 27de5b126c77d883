/**
 * The TypeScript types of the API, generated from the served document with openapi-typescript
 * (types only, no runtime). `pnpm check` writes them to packages/web/src/api/openapi.gen.ts (not
 * committed) before tsc, so the web's client is always compiled against the API as it is now.
 * By hand: pnpm --filter @initiatief/api gen:api-types
 */
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from './openapi.complete';

export const API_TYPES_FILE = fileURLToPath(
  new URL('../../../web/src/api/openapi.gen.ts', import.meta.url),
);

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript; do not edit, do not commit.
 * pnpm check regenerates it; by hand: pnpm --filter @initiatief/api gen:api-types
 */
`;

/** The file's text for a document. */
export async function generateApiTypes(doc: OpenApiDocument): Promise<string> {
  // The generator reads the document only; `servers` (PUBLIC_URL) does not reach the types.
  const nodes = await openapiTS(structuredClone(doc) as never, { silent: true });
  return HEADER + astToString(nodes);
}
