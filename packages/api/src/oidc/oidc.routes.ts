/**
 * The sign-in with OpenID Connect: the ways in, the redirect to the provider, its callback
 * (tokens checked, the account linked or created, a session started, or a refusal) and logout
 * at the provider. Completing a first sign-in is in oidc-pending.routes.ts, the routes'
 * OpenAPI description in oidc.schemas.ts.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import { enforce, limitOf } from '../auth/rate-limit';
import { clearSessionCookie, revokeSession, setSessionCookie } from '../auth/session.service';
import type { AppDeps, AppEnv } from '../context';
import { AppError } from '../errors';
import { clientAddress } from '../http/client-address';
import type { App } from '../http/router';
import { applyMandate } from './machtigen.service';
import { resolveAccount } from './oidc.accounts';
import {
  COMPLETE_PAGE,
  callbackRoute,
  loginRoute,
  logoutRoute,
  providersRoute,
  type RefusalReason,
} from './oidc.schemas';
import {
  connectionConfig,
  handleKey,
  isOidcProviderId,
  newHandle,
  OIDC_LABELS,
  OIDC_PROVIDER_IDS,
  OidcClients,
  openIdToken,
  postLogoutRedirectUri,
  profileFromClaims,
  redirectUri,
  safeReturnTo,
  sealIdToken,
  sweepExpired,
} from './oidc.service';
import {
  clearCookie,
  cookieOptions,
  LOGIN_COOKIE,
  LOGIN_TTL_MS,
  PENDING_COOKIE,
  PENDING_TTL_MS,
  startSession,
} from './oidc.sessions';
import type { OidcProviderId } from './oidc.table';
import { refusedCallbackQuery, refusedPage, wantsPage } from './oidc-callback-refusal';
import { registerOidcPendingRoutes } from './oidc-pending.routes';

function providerOr404(deps: AppDeps, raw: string): OidcProviderId {
  if (!isOidcProviderId(raw) || !connectionConfig(deps.config, raw)) {
    throw new AppError('not_found', `No sign-in provider ${raw} is configured.`);
  }
  return raw;
}

export function registerOidcRoutes(app: App, deps: AppDeps): void {
  const { db, config } = deps;
  const clients = new OidcClients(config);

  const refuse = (c: Context<AppEnv>, reason: RefusalReason) =>
    c.redirect(refusedPage(reason), 302);

  app.openapi(providersRoute, (c) =>
    c.json(
      OIDC_PROVIDER_IDS.filter((id) => connectionConfig(config, id)).map((id) => ({
        id,
        label: OIDC_LABELS[id],
        loginUrl: `/api/auth/oidc/${id}/login`,
      })),
      200,
    ),
  );

  app.openapi(loginRoute, async (c) => {
    const provider = providerOr404(deps, c.req.valid('param').provider);
    const connection = connectionConfig(config, provider)!;
    const now = deps.clock();
    const oidc = await clients.get(provider).catch((error: unknown) => {
      c.get('logger').error({ err: error, provider }, 'OIDC discovery failed');
      throw new AppError('unavailable', 'The sign-in service cannot be reached. Try again later.');
    });
    // Each start writes a row: count them per address like password logins.
    await enforce(
      db,
      [
        limitOf(
          config,
          `oidc:address:${clientAddress(c, config.trustProxy)}`,
          config.loginMaxAttemptsPerAddress,
        ),
      ],
      now,
    );
    const handle = newHandle();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await sweepExpired(db, now);
    await db
      .insertInto('oidc_login_states')
      .values({
        id: handleKey(config, handle),
        provider,
        state,
        nonce,
        code_verifier: codeVerifier,
        return_to: safeReturnTo(c.req.valid('query').returnTo, config.publicUrl),
        created_at: now,
        expires_at: new Date(now.getTime() + LOGIN_TTL_MS),
      })
      .execute();
    setCookie(c, LOGIN_COOKIE, handle, cookieOptions(deps, LOGIN_TTL_MS));
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: redirectUri(config, provider),
      scope: connection.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return c.redirect(url.href, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    const raw = c.req.valid('param').provider;
    // A provider no longer configured (changed during the login): a browser gets the page that
    // says signing in did not work, an API client the 404.
    if (wantsPage(c) && (!isOidcProviderId(raw) || !connectionConfig(deps.config, raw))) {
      c.get('logger').warn({ provider: raw }, 'OIDC callback for a provider not configured');
      return refuse(c, 'failed');
    }
    const provider = providerOr404(deps, raw);
    // Odd bytes never get here (the input boundary answers them the same way); a parameter
    // twice or far too long is refused before the login in progress is touched.
    const unreadable = refusedCallbackQuery(c);
    if (unreadable) return unreadable;
    const log = c.get('logger');
    const now = deps.clock();
    const handle = getCookie(c, LOGIN_COOKIE);
    clearCookie(c, deps, LOGIN_COOKIE);
    if (!handle || handle.length > 100) {
      log.warn({ provider }, 'OIDC callback without a login in progress');
      return refuse(c, 'expired');
    }
    // Deleted as it is read: a state is good for one callback, whatever happens next.
    const login = await db
      .deleteFrom('oidc_login_states')
      .where('id', '=', handleKey(config, handle))
      .where('provider', '=', provider)
      .returningAll()
      .executeTakeFirst();
    if (!login || login.expires_at.getTime() <= now.getTime()) {
      log.warn({ provider }, 'OIDC callback for an unknown or expired login');
      return refuse(c, 'expired');
    }
    const search = new URL(c.req.url).search;
    if (new URLSearchParams(search).get('error') === 'access_denied') {
      return refuse(c, 'cancelled');
    }
    let claims: Record<string, unknown>;
    let idToken: string;
    try {
      const oidc = await clients.get(provider);
      const tokens = await client.authorizationCodeGrant(
        oidc,
        new URL(`${redirectUri(config, provider)}${search}`),
        {
          pkceCodeVerifier: login.code_verifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: redirectUri(config, provider) },
      );
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('no ID token');
      idToken = tokens.id_token;
      claims = { ...idClaims };
      // Some providers put profile and role claims only in the userinfo response.
      if (tokens.access_token && oidc.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(oidc, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
    } catch (error) {
      // Never log the tokens or claims: they may hold a BSN.
      const e = error as { name?: string; code?: string; message?: string };
      log.warn(
        { provider, error: { name: e.name, code: e.code, message: e.message } },
        'OIDC sign-in refused',
      );
      return refuse(c, 'failed');
    }

    const profile = profileFromClaims(config, provider, claims);
    if (provider === 'staff' && profile.roles.length === 0) {
      log.warn({ provider }, 'OIDC staff sign-in refused: no role maps from the claim');
      return refuse(c, 'no_role');
    }
    const sealed = sealIdToken(config, idToken);
    const outcome = await db.transaction().execute(async (trx) => {
      const resolution = await resolveAccount(trx, profile, now);
      if (resolution.kind === 'user') {
        const mandate = profile.representedBsnHash
          ? await applyMandate(trx, resolution.userId, profile.representedBsnHash, now)
          : null;
        const session = await startSession(
          c,
          deps,
          trx,
          resolution.userId,
          provider,
          sealed,
          now,
          mandate?.residentId ?? null,
        );
        return { ...resolution, session };
      }
      if (resolution.kind === 'pending') {
        const pendingHandle = newHandle();
        await trx
          .insertInto('oidc_pending_accounts')
          .values({
            id: handleKey(config, pendingHandle),
            provider,
            issuer: profile.issuer,
            subject: profile.subject,
            level_of_assurance: profile.levelOfAssurance,
            pseudonym: profile.pseudonym,
            bsn_hash: profile.bsnHash,
            represented_bsn_hash: profile.representedBsnHash ?? null,
            roles: profile.roles,
            name: profile.name,
            email: profile.email,
            return_to: login.return_to,
            id_token_enc: sealed,
            created_at: now,
            expires_at: new Date(now.getTime() + PENDING_TTL_MS),
          })
          .execute();
        return { ...resolution, pendingHandle };
      }
      return resolution;
    });
    if (outcome.kind === 'refused') {
      log.warn({ provider, reason: outcome.reason }, 'OIDC sign-in refused');
      return refuse(c, outcome.reason);
    }
    if (outcome.kind === 'pending') {
      setCookie(c, PENDING_COOKIE, outcome.pendingHandle, cookieOptions(deps, PENDING_TTL_MS));
      return c.redirect(`${COMPLETE_PAGE}?returnTo=${encodeURIComponent(login.return_to)}`, 302);
    }
    setSessionCookie(c, config, outcome.session, now);
    log.info({ userId: outcome.userId, provider }, 'login');
    return c.redirect(login.return_to, 302);
  });

  // Between the callback and logout, where they always were: the OpenAPI document keeps its order.
  registerOidcPendingRoutes(app, deps);

  app.openapi(logoutRoute, async (c) => {
    const sessionId = c.get('sessionId');
    const now = deps.clock();
    let logoutUrl: string | null = null;
    if (sessionId) {
      const link = await db
        .selectFrom('oidc_sessions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      await revokeSession(db, sessionId, now);
      const idToken = link && openIdToken(config, link.id_token_enc);
      if (link && idToken && connectionConfig(config, link.provider)) {
        try {
          const oidc = await clients.get(link.provider);
          if (oidc.serverMetadata().end_session_endpoint) {
            logoutUrl = client.buildEndSessionUrl(oidc, {
              id_token_hint: idToken,
              post_logout_redirect_uri: postLogoutRedirectUri(config),
            }).href;
          }
        } catch (error) {
          c.get('logger').warn({ err: error }, 'no logout at the provider');
        }
      }
      await db.deleteFrom('oidc_sessions').where('session_id', '=', sessionId).execute();
    }
    clearSessionCookie(c, config);
    return c.json({ logoutUrl }, 200);
  });
}
