import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';

/**
 * A statement written as SQL text, its values collected as the text is made: `param` appends a
 * value and answers its placeholder. For the few statements of every command whose shape is
 * known in advance (the step's write): building the same text by hand costs a few microseconds,
 * where Kysely's builder and compiler cost a tenth of the server's time per command
 * (docs/benchmarks.md). The same code path always writes the same text for the same shape, so
 * PostgreSQL prepares it once per connection (db/database.ts).
 */
export class Statement {
  readonly values: unknown[] = [];

  /** `$n` for `value`, cast to `type` when given (PostgreSQL then knows it when it prepares). */
  param(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }

  async run<R>(db: Kysely<DB> | Transaction<DB>, text: string): Promise<R[]> {
    const { rows } = await db.executeQuery<R>(CompiledQuery.raw(text, this.values));
    return rows;
  }
}

/** The column list of an `as r(...)` record definition: `name type, ...`. */
export function recordColumns(columns: Readonly<Record<string, string>>): string {
  return Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
}

/**
 * Rows as one JSON array for `jsonb_to_recordset`, so any number of rows is one parameter and the
 * statement's text does not change with their count. A row may leave out a column only when
 * `optional` names it (it becomes NULL, as a column without a default would); a key that is not a
 * column is refused, so a new column in a plan cannot be dropped without a word.
 */
export function rowsAsJson(
  rows: readonly Record<string, unknown>[],
  columns: Readonly<Record<string, string>>,
  optional: ReadonlySet<string>,
): string {
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!(key in columns)) throw new Error(`rowsAsJson: ${key} is not one of the columns`);
    }
    for (const key of Object.keys(columns)) {
      if (row[key] === undefined && !optional.has(key)) {
        throw new Error(`rowsAsJson: a row has no ${key}`);
      }
    }
  }
  return JSON.stringify(rows);
}
