import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../context';

/** One JSON line per request with id, method, path, status and duration; sets `c.var.logger`. */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLogger(c, next) {
    const started = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('logger', log);
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('user')?.id,
    };
    if (status >= 500) log.error(entry, 'request');
    else log.info(entry, 'request');
  };
}
