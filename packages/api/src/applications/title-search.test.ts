/**
 * The application search (GET /api/applications?q=…: the desk's and the phone's search, and a
 * resident's own list) finds a title as it finds a name: every word typed, anywhere, ignoring
 * case and diacritics. Staff on a Dutch keyboard type "Yildiz" for "Yıldız"; the name was found
 * that way (migration 0039) but the title was not (migration 0056). Runs on PostgreSQL with
 * TEST_DATABASE_URL, and on the embedded database without it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import { createDraft, type Kit, readJson, setupKit } from './lifecycle.test-kit';

let kit: Kit;
let feest: string;
let picknick: string;
let other: string;
let own: string;

beforeAll(async () => {
  kit = await setupKit();
  // A resident whose name has none of the title's words: only the title can match.
  const resident = await createUser(kit.t.db, { name: 'Henk de Vries', postcode: '3011 AD' });
  const titled = async (title: string, as: 'clerk' | 'resident' = 'clerk') =>
    (
      await createDraft(kit, as, {
        ...(as === 'clerk' ? { applicantId: resident.id } : {}),
        data: { ...demoFormData(kit.clock()), title },
      })
    ).id;
  feest = await titled('Buurtfeest bij Ayşe Yıldız');
  picknick = await titled('Çiğdem’s Öğle-picknick: café en ruïne, zoals in België');
  other = await titled('Straatfeest Zwart Janstraat');
  own = await titled('Buurtfeest bij Ayşe Yıldız', 'resident');
}, 120_000);
afterAll(() => kit.close());

async function search(q: string, as: 'clerk' | 'resident' = 'clerk'): Promise<string[]> {
  const res = await call(kit.app, 'GET', `/api/applications?q=${encodeURIComponent(q)}&limit=100`, {
    cookie: kit.cookies[as],
  });
  expect(res.status).toBe(200);
  return ((await readJson(res)).items as { id: string }[]).map((i) => i.id);
}

describe('searching applications by title', () => {
  it.each(['yildiz', 'YILDIZ', 'Yıldız', 'ayse', 'Ayşe', 'AYŞE YILDIZ', 'yildiz buurtfeest'])(
    'finds “Buurtfeest bij Ayşe Yıldız” by %j, and not another title',
    async (q) => {
      const found = await search(q);
      expect(found).toContain(feest);
      expect(found).not.toContain(other);
      expect(found).not.toContain(picknick);
    },
  );

  it.each([
    ['ç, ğ and the apostrophe', 'cigdems'],
    ['ö, ğ and the hyphen', 'ogle picknick'],
    ['capitals with dots', 'ÇİĞDEM'],
    ['é', 'cafe'],
    ['ï', 'ruine'],
    ['ë', 'belgie'],
    ['as written', 'Café België'],
  ])('finds a title by its words without diacritics (%s: %j)', async (_, q) => {
    const found = await search(q);
    expect(found).toContain(picknick);
    expect(found).not.toContain(feest);
    expect(found).not.toContain(other);
  });

  it('finds none where a word is not in the title (or the name)', async () => {
    for (const q of ['yilmaz', 'ayse straatfeest', 'belgie yildiz']) {
      expect(await search(q), q).toEqual([]);
    }
  });

  it('finds a resident’s own application by its title as written and without diacritics', async () => {
    for (const q of ['yildiz', 'Yıldız', 'ayse']) {
      expect(await search(q, 'resident'), q).toEqual([own]);
    }
  });

  it('keeps each title folded as it changes, in the column the search reads', async () => {
    const folded = async (id: string) =>
      (
        await sql<{ title_search: string }>`
          select title_search from applications where id = ${id}`.execute(kit.t.db)
      ).rows[0]?.title_search;
    expect(await folded(feest)).toBe('buurtfeest bij ayse yildiz');
    expect(await folded(picknick)).toBe('cigdems ogle picknick: cafe en ruine, zoals in belgie');
    await sql`update applications set title = 'Iftar bij Şükrü Güneş' where id = ${other}`.execute(
      kit.t.db,
    );
    expect(await folded(other)).toBe('iftar bij sukru gunes');
    expect(await search('sukru gunes')).toEqual([other]);
  });
});
