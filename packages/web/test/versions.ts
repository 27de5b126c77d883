/**
 * Which versions of a shipped workflow the tests meet: every start stores all shipped versions
 * as published, so a new draft gets the version after the newest shipped one, whatever version
 * it is copied from. Read from the workflows/ folder, not hard-coded, so a test keeps its meaning
 * when another version ships.
 */
import {
  newestShipped,
  readShippedDefinitions,
} from '../../api/src/definitions/definitions.repository';

/** The newest shipped version of a workflow: the newest published one in a fresh test server. */
export async function newestShippedVersion(key: string): Promise<number> {
  const newest = newestShipped(await readShippedDefinitions(), key);
  if (!newest) throw new Error(`no shipped workflow ${key}`);
  return newest.version;
}

/** The version a new draft of a workflow gets in a fresh test server: the newest shipped + 1. */
export async function nextDraftVersion(key: string): Promise<number> {
  return (await newestShippedVersion(key)) + 1;
}
