import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '@initiatief/engine';
import { WORKFLOWS_DIR } from './definitions.repository';

/**
 * The versions of each shipped workflow in workflows/, for the tests of what each version changes
 * (shipped-v2 to shipped-v6.test.ts, shipped-received-date.test.ts, shipped-v8.test.ts): a new version shipped is one line here.
 */
export const SHIPPED_VERSIONS: Record<string, number[]> = {
  bewonersinitiatief: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  'klein-buurtbudget': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

/**
 * A shipped definition as its file in workflows/<key>/ holds it: version 1 is definition.json,
 * version N is definition.vN.json. Read as is, not validated, so a test can check that itself.
 */
export function shippedFile(key: string, version: number): WorkflowDefinition {
  const name = version === 1 ? 'definition.json' : `definition.v${version}.json`;
  return JSON.parse(readFileSync(join(WORKFLOWS_DIR, key, name), 'utf8')) as WorkflowDefinition;
}
