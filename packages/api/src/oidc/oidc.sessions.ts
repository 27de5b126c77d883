/**
 * What the sign-in handlers share: the cookies that carry a sign-in from one step to the next
 * (a login in progress, a first sign-in waiting for name and e-mail), and the session a sign-in
 * starts, linked to its provider and ID token for logout and to whom it acts for (Machtigen).
 */
import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { Kysely, Transaction } from 'kysely';
import { createSession, revokeSession } from '../auth/session.service';
import type { AppDeps, AppEnv } from '../context';
import type { DB } from '../db/schema';
import { clientAddress } from '../http/client-address';
import type { OidcProviderId } from './oidc.table';

/** The login in progress (state, nonce, PKCE verifier are in the row behind this handle). */
export const LOGIN_COOKIE = 'oidc_login';
/** A first sign-in waiting for name and e-mail. */
export const PENDING_COOKIE = 'oidc_pending';
const COOKIE_PATH = '/api/auth/oidc';
export const LOGIN_TTL_MS = 10 * 60_000;
export const PENDING_TTL_MS = 30 * 60_000;

type Db = Kysely<DB> | Transaction<DB>;

export function cookieOptions(deps: AppDeps, maxAgeMs: number) {
  return {
    path: COOKIE_PATH,
    httpOnly: true,
    // Lax: the cookie must come along on the provider's top-level redirect back to us.
    sameSite: 'Lax' as const,
    secure: deps.config.publicUrl.startsWith('https:'),
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

export function clearCookie(c: Context<AppEnv>, deps: AppDeps, name: string) {
  deleteCookie(c, name, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.publicUrl.startsWith('https:'),
  });
}

/** A session for the account signed in, with the OIDC link beside it; ends the one before. */
export async function startSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  trx: Db,
  userId: string,
  provider: OidcProviderId,
  idTokenSealed: string,
  now: Date,
  actingFor: string | null = null,
) {
  const { config } = deps;
  const previous = c.get('sessionId');
  if (previous) await revokeSession(trx as Kysely<DB>, previous, now);
  const session = await createSession(trx as Kysely<DB>, config, {
    userId,
    now,
    userAgent: c.req.header('user-agent'),
    clientAddress: clientAddress(c, config.trustProxy),
  });
  await trx
    .insertInto('oidc_sessions')
    .values({
      session_id: session.id,
      provider,
      id_token_enc: idTokenSealed,
      created_at: now,
      acting_for: actingFor,
    })
    .execute();
  return session;
}
