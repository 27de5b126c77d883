import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { metrics } from './metrics';

/**
 * Counts every request by method, route pattern (not the raw path, to keep the label set small)
 * and status, and records its latency. Unmatched paths share the route label `unmatched`.
 */
export function requestMetrics(): MiddlewareHandler {
  return async function requestMetrics(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
      const method = c.req.method;
      metrics.httpRequests.inc({ method, route, status: String(c.res.status) });
      metrics.httpDuration.observe({ method, route }, (performance.now() - started) / 1000);
    }
  };
}
