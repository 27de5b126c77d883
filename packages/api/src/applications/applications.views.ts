/**
 * The engine's view of applications read in bulk (a list's page, the deadlines job): each row
 * with its definition and its regulation's terms, exactly as the application's own page computes
 * it.
 */
import { type ApplicationView, applicationView, type PersistedSnapshot } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import {
  factsFor,
  regulationFromJson,
  regulationJson,
} from '../regulations/regulations.repository';
import { withFormData } from './applications.repository';

type Db = Kysely<DB> | Transaction<DB>;

/** The columns a view needs, for a query on `applications as a`. */
export function viewColumns(db: Db) {
  return [
    'a.id',
    'a.snapshot',
    'a.data',
    'a.definition_key',
    'a.definition_version',
    regulationJson(db, sql.ref<string>('a.regulation_id')).as('regulation'),
  ] as const;
}

export interface ViewRow {
  id: string;
  snapshot: unknown;
  data: unknown;
  definition_key: string;
  definition_version: number;
  regulation: Record<string, unknown> | null;
}

/**
 * The view of one row at `now`; null when its snapshot is one its definition no longer knows
 * (a list still shows the row, the deadlines job leaves it). A failure to read the definition is
 * not that, and is thrown: the job then runs again instead of giving the row up.
 */
export async function viewOfRow(db: Db, row: ViewRow, now: Date): Promise<ApplicationView | null> {
  const { snapshot } = withFormData(row);
  const def = await loadDefinition(db, row.definition_key, row.definition_version);
  const facts = row.regulation ? factsFor(regulationFromJson(row.regulation)) : undefined;
  try {
    return applicationView(def, snapshot as PersistedSnapshot, now, facts);
  } catch {
    return null;
  }
}
