import type { DefinitionSummary } from './policy-api';

type Version = Pick<DefinitionSummary, 'key' | 'version' | 'status' | 'activeApplications'>;

/** The newest published version of a workflow in the list; 0 when none is published. */
export function newestPublished(versions: readonly Version[], key: string): number {
  return Math.max(
    0,
    ...versions.filter((d) => d.key === key && d.status === 'published').map((d) => d.version),
  );
}

/**
 * Whether the running applications of this version can be moved: it is no draft (published, or
 * retired with applications still running), it has running applications, and a newer published
 * version of the same workflow exists to move them to. The newest published version has none,
 * so it never offers a move. The definitions page links "Aanvragen overzetten" on these rows
 * and the migration page offers exactly these as "Van versie".
 */
export function canMoveFrom(version: Version, versions: readonly Version[]): boolean {
  return (
    version.status !== 'draft' &&
    version.activeApplications > 0 &&
    version.version < newestPublished(versions, version.key)
  );
}
