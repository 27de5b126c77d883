import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import type { App } from '../http/router';
import { PROMETHEUS_CONTENT_TYPE, registry } from './metrics';
import { collectDatabaseGauges } from './ops.metrics-db';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// The database gauges are read at most this often, however often /metrics is scraped.
const GAUGE_TTL_MS = 10_000;

/**
 * `GET /metrics` in the Prometheus text format. Outside /api: no session, no origin check. With
 * METRICS_TOKEN it needs `Authorization: Bearer <token>`; without it, it is not served in
 * production at all. The database gauges are cached for a few seconds.
 */
export function registerOpsRoutes(app: App, deps: AppDeps): void {
  let gaugesAt = Number.NEGATIVE_INFINITY;
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    if (token) {
      const header = c.req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!sameToken(given, token)) {
        throw new AppError('unauthenticated', 'GET /metrics needs its bearer token.', {
          headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
        });
      }
    } else if (deps.config.nodeEnv === 'production') {
      throw new AppError('not_found', 'Nothing at /metrics.');
    }
    const now = Date.now();
    if (now - gaugesAt >= GAUGE_TTL_MS) {
      await collectDatabaseGauges(deps.db, deps.clock());
      gaugesAt = now;
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await registry.metrics(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
  });
}
