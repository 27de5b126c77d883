import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session.service';
import type { Config } from '../config';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence: a state-changing request must come from our own origin. Without an Origin header
 * it is only accepted when it carries no session cookie (scripts, curl), because then there is
 * no ambient authority to abuse.
 */
export function originCheck(
  config: Pick<Config, 'publicUrl' | 'allowedOrigins'>,
): MiddlewareHandler<AppEnv> {
  const allowed = new Set([new URL(config.publicUrl).origin, ...config.allowedOrigins]);
  return async function originCheck(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (!allowed.has(origin)) {
        throw new AppError('forbidden', `Requests from origin ${origin} are not accepted.`);
      }
    } else if (getCookie(c, SESSION_COOKIE) || c.req.header('sec-fetch-site') === 'cross-site') {
      throw new AppError('forbidden', 'A state-changing request needs an Origin header.');
    }
    await next();
  };
}
