/**
 * The outbox's message-id and document indexes hold only rows with a value there (migration
 * 0037): a render job has no Message-ID and a notice to staff no letter, and their NULLs cost an
 * index entry at every write while nothing ever looks them up. The message id stays unique.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit } from '../applications/lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

/** Entries in an index: ANALYZE counts a partial index's rows into pg_class.reltuples (exact when it
 * samples the whole table, as here). */
async function indexEntries(index: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select reltuples::int as n from pg_class where relname = ${index}`.execute(kit.t.db);
  return Number(rows[0]?.n);
}

async function count(where: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from outbox where ${sql.raw(where)}`.execute(kit.t.db);
  return Number(rows[0]?.n);
}

describe('outbox indexes', () => {
  test('hold an entry only for a row with a Message-ID or a letter', async () => {
    await applicationIn(kit, 'granted');
    await sql`analyze outbox`.execute(kit.t.db);
    const all = await count('true');
    const mails = await count('message_id is not null');
    const withLetter = await count('document_id is not null');
    // A granted application has render jobs and notices to staff, so both kinds of NULL occur.
    expect(mails).toBeLessThan(all);
    expect(withLetter).toBeLessThan(all);
    expect(await indexEntries('outbox_message_id_key')).toBe(mails);
    expect(await indexEntries('outbox_document')).toBe(withLetter);
    expect(await indexEntries('outbox_pkey')).toBe(all);
  });

  test('a Message-ID is still unique', async () => {
    await applicationIn(kit, 'submitted');
    const { rows } = await sql<{ id: string; message_id: string }>`
      select id, message_id from outbox where message_id is not null limit 1`.execute(kit.t.db);
    const mail = rows[0];
    if (!mail) throw new Error('no mail in the outbox');
    const copy = sql`
      insert into outbox (id, kind, application_id, message_id, audience, language, subject, body)
      select gen_random_uuid(), 'mail', application_id, message_id, 'staff', 'nl', subject, body
        from outbox where id = ${mail.id}::uuid`;
    await expect(copy.execute(kit.t.db)).rejects.toMatchObject({ code: '23505' });
  });
});
