import type { StateTag } from '@initiatief/engine';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * True where the application aliased `a` is in a state that carries `tag` in its own
 * definition version (contract C3). The shell selects states this way, never by the name of a
 * state of a shipped workflow.
 */
export function stateTagged(tag: StateTag): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from workflow_definitions wd
    where wd.key = a.definition_key and wd.version = a.definition_version
      and coalesce(wd.definition::jsonb -> 'states' -> a.state -> 'tags', '[]'::jsonb) ? ${tag}
  )`;
}
