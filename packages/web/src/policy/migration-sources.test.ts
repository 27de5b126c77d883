import { describe, expect, it } from 'vitest';
import { canMoveFrom, newestPublished } from './migration-sources';

type Status = 'draft' | 'published' | 'retired';
const v = (key: string, version: number, status: Status, activeApplications: number) => ({
  key,
  version,
  status,
  activeApplications,
});

describe('which versions offer to move their running applications', () => {
  const versions = [
    v('bewonersinitiatief', 1, 'retired', 2),
    v('bewonersinitiatief', 2, 'published', 3),
    v('bewonersinitiatief', 3, 'published', 4),
    v('bewonersinitiatief', 4, 'draft', 0),
    // Another workflow with a higher version number does not count as newer.
    v('klein-buurtbudget', 9, 'published', 1),
  ];
  const movable = (key: string) =>
    versions.filter((d) => d.key === key && canMoveFrom(d, versions)).map((d) => d.version);

  it('an older version with running applications, not the newest published one', () => {
    expect(newestPublished(versions, 'bewonersinitiatief')).toBe(3);
    expect(movable('bewonersinitiatief')).toEqual([1, 2]);
  });

  it('never the only or newest published version, even with running applications', () => {
    expect(movable('klein-buurtbudget')).toEqual([]);
  });

  it('not a version without running applications, and never a draft', () => {
    const quiet = [v('x', 1, 'published', 0), v('x', 2, 'published', 0), v('x', 3, 'draft', 5)];
    expect(quiet.filter((d) => canMoveFrom(d, quiet))).toEqual([]);
  });

  it('not when the only newer version is a draft: there is nothing published to move to', () => {
    const drafted = [v('x', 1, 'published', 2), v('x', 2, 'draft', 0)];
    expect(drafted.filter((d) => canMoveFrom(d, drafted))).toEqual([]);
  });
});
