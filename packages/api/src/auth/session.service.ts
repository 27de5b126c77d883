import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { SessionUser } from '../context';
import { compiledOnce } from '../db/compiled-once';
import type { DB } from '../db/schema';

export const SESSION_COOKIE = 'sid';

/** Only a keyed hash of the token is stored: a leaked sessions table opens no session. */
export function hashSessionToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
}

type SessionConfig = Pick<Config, 'sessionSecret' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

export async function createSession(
  db: Kysely<DB>,
  config: SessionConfig,
  input: { userId: string; now: Date; userAgent?: string | null; clientAddress?: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + config.sessionAbsoluteHours * 3_600_000);
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(config.sessionSecret, token),
      user_id: input.userId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      client_address: input.clientAddress ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt };
}

// Write last_seen_at at most once a minute: a page load makes several requests.
const TOUCH_AFTER_MS = 60_000;

/** The session of a token's hash with its user and whom it acts for (compiled once). */
const sessionByTokenHash = compiledOnce((db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('oidc_sessions', 'oidc_sessions.session_id', 'sessions.id')
    .leftJoin('users as represented', (join) =>
      join
        .onRef('represented.id', '=', 'oidc_sessions.acting_for')
        .on('represented.deactivated_at', 'is', null),
    )
    .select([
      'sessions.id as sessionId',
      'represented.id as representedId',
      'represented.name as representedName',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id',
      'users.email',
      'users.name',
      'users.roles',
      'users.locale',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    // A deactivated account's sessions were revoked too; this holds even if one was missed.
    .where('users.deactivated_at', 'is', null),
);

/** The user behind a cookie token, or null when unknown, revoked, idle too long or too old. */
export async function resolveSession(
  db: Kysely<DB>,
  config: SessionConfig,
  token: string,
  now: Date,
): Promise<{ sessionId: string; user: SessionUser } | null> {
  if (!token || token.length > 200) return null;
  const [row] = await sessionByTokenHash(db, hashSessionToken(config.sessionSecret, token));
  if (!row || row.revoked_at || !row.email) return null;
  const idleDeadline = row.last_seen_at.getTime() + config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleDeadline) return null;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    sessionId: row.sessionId,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      locale: row.locale,
      ...(row.representedId
        ? { actingFor: { id: row.representedId, name: row.representedName ?? '' } }
        : {}),
    },
  };
}

export async function revokeSession(db: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user (password change, role change, account blocked). */
export async function revokeUserSessions(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'publicUrl'>,
  session: NewSession,
  now: Date,
): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.publicUrl.startsWith('https:'),
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'publicUrl'>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.publicUrl.startsWith('https:'),
  });
}
