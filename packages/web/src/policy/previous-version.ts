import type { DefinitionSummary } from './policy-api';

/**
 * The version publishing `version` is compared with: the newest published or retired version of
 * `key` below it (the API's `previousPublished`), or null for a first version.
 */
export function previousVersionOf(
  list: readonly Pick<DefinitionSummary, 'key' | 'version' | 'status'>[],
  key: string,
  version: number,
): number | null {
  return list
    .filter((d) => d.key === key && d.version < version && d.status !== 'draft')
    .reduce<number | null>((m, d) => (m === null || d.version > m ? d.version : m), null);
}
