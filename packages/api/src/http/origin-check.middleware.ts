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
  const own = new URL(config.publicUrl).origin;
  const allowed = new Set([own, ...config.allowedOrigins]);
  return async function originCheck(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (!allowed.has(origin)) {
        // Mostly a person who opened the site by another address (127.0.0.1 for localhost):
        // tell them which one works, rather than that they may not do what they tried.
        throw new AppError('forbidden', `Requests from origin ${origin} are not accepted.`, {
          invalidParams: [
            {
              name: 'origin',
              reason: `not ${own}`,
              text: {
                nl: `Deze pagina is geopend via ${origin}, niet via het adres van deze dienst. Open ${own} en probeer het daar opnieuw.`,
                en: `This page was opened at ${origin}, not at this service's address. Open ${own} and try again there.`,
              },
            },
          ],
        });
      }
    } else if (getCookie(c, SESSION_COOKIE) || c.req.header('sec-fetch-site') === 'cross-site') {
      throw new AppError('forbidden', 'A state-changing request needs an Origin header.');
    }
    await next();
  };
}
