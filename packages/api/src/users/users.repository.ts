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

/** Staff search on name, e-mail or postcode (case-insensitive substring). */
export function searchUsers(
  db: Db,
  options: { q?: string; role?: UserRole; limit: number },
): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('name').orderBy('id').limit(options.limit);
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const compactPostcode = `%${q.replace(/\s+/g, '').toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', pattern),
        eb('email', 'like', pattern),
        eb(sql`lower(replace(postcode, ' ', ''))`, 'like', compactPostcode),
      ]),
    );
  }
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
