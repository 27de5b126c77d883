import { rolesOnlyText } from '@initiatief/engine';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, SessionUser, UserRole } from '../context';
import { AppError } from '../errors';
import { resolveSession, SESSION_COOKIE } from './session.service';

/** Resolves the `sid` cookie to `c.var.user` (null when absent or expired); never refuses. */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set('user', null);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const resolved = await resolveSession(deps.db, deps.config, token, deps.clock());
      if (resolved) {
        c.set('user', resolved.user);
        c.set('sessionId', resolved.sessionId);
      }
    }
    await next();
  };
}

/**
 * 401 unless someone is logged in. With `loginPageForBrowsers`, a browser opening the address
 * itself (a link in a mail or on a letter: `Sec-Fetch-Mode: navigate`) is sent to the login page
 * instead (303), and back to the address after: a person reads a page, not a problem in JSON.
 * The web app's own calls are never navigations and still get the 401.
 */
export function requireUser(
  options: { loginPageForBrowsers?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    if (!c.get('user')) {
      if (
        options.loginPageForBrowsers &&
        c.req.method === 'GET' &&
        c.req.header('sec-fetch-mode') === 'navigate'
      ) {
        const url = new URL(c.req.url);
        return c.redirect(`/inloggen?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      throw new AppError('unauthenticated', 'Log in to continue.');
    }
    await next();
  };
}

/**
 * 401 unless logged in, 403 unless the user holds at least one of `roles`; the refusal names them
 * in words (`text`; `detail` is its English), never by their codes.
 */
export function requireRole(...roles: UserRole[]): MiddlewareHandler<AppEnv> {
  const text = rolesOnlyText(roles);
  return async function requireRole(c, next) {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'Log in to continue.');
    if (!roles.some((role) => user.roles.includes(role))) {
      throw new AppError('forbidden', text.en, { extra: { text } });
    }
    await next();
  };
}

/** The logged-in user inside a handler behind requireUser(); throws 401 otherwise. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Log in to continue.');
  return user;
}

export function hasRole(user: SessionUser | null, ...roles: UserRole[]): boolean {
  return !!user && roles.some((role) => user.roles.includes(role));
}
