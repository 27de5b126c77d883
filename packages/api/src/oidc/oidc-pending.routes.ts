/**
 * A first sign-in the provider did not tell us enough for (no name or e-mail): what is waiting
 * (`GET /api/auth/oidc/pending`), and completing it (`POST /api/auth/oidc/complete`), which
 * creates the account (unless the identity already has one) and signs in.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { setSessionCookie } from '../auth/session.service';
import type { AppDeps, AppEnv } from '../context';
import { AppError } from '../errors';
import type { App } from '../http/router';
import { findUserByEmail, findUserById, insertUser, publicUser } from '../users/users.repository';
import { applyMandate } from './machtigen.service';
import { completeRoute, pendingRoute } from './oidc.schemas';
import {
  type ExternalProfile,
  findIdentity,
  handleKey,
  linkIdentity,
  safeReturnTo,
} from './oidc.service';
import { clearCookie, PENDING_COOKIE, startSession } from './oidc.sessions';

export function registerOidcPendingRoutes(app: App, deps: AppDeps): void {
  const { db, config } = deps;

  async function pendingRow(c: Context<AppEnv>, now: Date) {
    const handle = getCookie(c, PENDING_COOKIE);
    if (!handle || handle.length > 100) return undefined;
    return db
      .selectFrom('oidc_pending_accounts')
      .selectAll()
      .where('id', '=', handleKey(config, handle))
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  app.openapi(pendingRoute, async (c) => {
    const row = await pendingRow(c, deps.clock());
    if (!row) throw new AppError('not_found', 'No sign-in is waiting to be completed.');
    return c.json({ provider: row.provider, name: row.name, email: row.email }, 200);
  });

  app.openapi(completeRoute, async (c) => {
    const { name, email } = c.req.valid('json');
    const now = deps.clock();
    const row = await pendingRow(c, now);
    if (!row) throw new AppError('not_found', 'No sign-in is waiting to be completed.');
    const profile: ExternalProfile = {
      provider: row.provider,
      issuer: row.issuer,
      subject: row.subject,
      levelOfAssurance: row.level_of_assurance,
      pseudonym: row.pseudonym,
      bsnHash: row.bsn_hash,
      name,
      email,
      emailVerified: false,
      roles: row.roles,
    };
    const result = await db.transaction().execute(async (trx) => {
      const taken = await trx
        .deleteFrom('oidc_pending_accounts')
        .where('id', '=', row.id)
        .returning('id')
        .executeTakeFirst();
      if (!taken) throw new AppError('not_found', 'No sign-in is waiting to be completed.');
      const identity = await findIdentity(trx, row.provider, row.issuer, row.subject);
      let userId = identity?.user_id;
      if (!userId) {
        if (await findUserByEmail(trx, email)) {
          throw new AppError('conflict', 'An account with this e-mail address already exists.', {
            invalidParams: [
              {
                name: 'email',
                reason: 'An account with this e-mail address already exists; use another address',
                text: {
                  nl: 'Er is al een account met dit e-mailadres; kies een ander adres.',
                  en: 'An account with this e-mail address already exists; use another address.',
                },
              },
            ],
          });
        }
        const user = await insertUser(trx, {
          email,
          name,
          roles: row.roles,
          locale: 'nl',
          created_at: now,
          updated_at: now,
        });
        await linkIdentity(trx, profile, user.id, now);
        userId = user.id;
      }
      const mandate = row.represented_bsn_hash
        ? await applyMandate(trx, userId, row.represented_bsn_hash, now)
        : null;
      const session = await startSession(
        c,
        deps,
        trx,
        userId,
        row.provider,
        row.id_token_enc,
        now,
        mandate?.residentId ?? null,
      );
      const user = await findUserById(trx, userId);
      return { session, user: user! };
    });
    clearCookie(c, deps, PENDING_COOKIE);
    setSessionCookie(c, config, result.session, now);
    c.get('logger').info({ userId: result.user.id, provider: row.provider }, 'login');
    return c.json(
      { user: publicUser(result.user), returnTo: safeReturnTo(row.return_to, config.publicUrl) },
      200,
    );
  });
}
