/** Writes packages/web/src/api/openapi.gen.ts from the document the API serves. */
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from './api-types';
import { servedDocument } from './openapi.test-kit';

writeFileSync(API_TYPES_FILE, await generateApiTypes(await servedDocument()));
console.log(`wrote ${API_TYPES_FILE}`);
