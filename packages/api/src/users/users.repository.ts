import { type Kysely, sql, type Transaction } from 'kysely';
import type { NewUser, User, UserUpdate } from '../auth/auth.table';
import type { UserRole } from '../auth/roles';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertUser(db: Db, user: NewUser): Promise<User> {
  return db
    .insertInto('users')
    .values({ ...user, email: user.email ? normalizeEmail(user.email) : null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(
  db: Db,
  id: string,
  changes: UserUpdate,
  now: Date,
): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Spaces and the hyphens and dashes search_fold turns into spaces: "Yıldız-Çelik" is two words. */
const WORD_BREAK = /[\s\-\u2010-\u2015\u2212]+/u;

/**
 * A row of users whose folded name, e-mail or postcode (users.search_text, or that column under
 * another alias: `column`) holds every word of
 * `q`, each folded the same way. LIKE's wildcards are escaped after folding, so a % or _ typed is
 * just a character. search_fold of a constant is computed once, when the statement is planned. A
 * word that folds to nothing (a lone apostrophe) restricts nothing.
 */
export function matchesEveryWord(q: string, column = 'users.search_text') {
  const words = q.split(WORD_BREAK).filter(Boolean);
  if (words.length === 0) return sql<boolean>`true`;
  const text = sql.ref(column);
  return sql<boolean>`${sql.join(
    words.map(
      (word) => sql`${text} like ('%' || replace(replace(replace(
        search_fold(${word}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`,
    ),
    sql` and `,
  )}`;
}

/**
 * Staff search on name, e-mail or postcode, e.g. the desk's "Bewoner zoeken". Each word typed must
 * occur in one of them, in any order, ignoring case and diacritics: "ayse yildiz" finds
 * "Ayşe Yıldız-Çelik" and "Ayşe" finds "Ayse". The folding and the text searched are the SQL
 * function search_fold and the column users.search_text (migration 0039), so the term is folded by
 * the very definition the rows are.
 */
export function searchUsers(
  db: Db,
  options: { q?: string; role?: UserRole; limit: number },
): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('name').orderBy('id').limit(options.limit);
  const q = options.q?.trim();
  if (q) query = query.where(matchesEveryWord(q));
  if (options.role) {
    query = query.where(sql<boolean>`${options.role} = any(roles)`);
  }
  return query.execute();
}

/** The fields of a user the API shows; never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    locale: user.locale,
    street: user.street,
    postcode: user.postcode,
    city: user.city,
    phone: user.phone,
  };
}
