import type { AppDeps } from '../context';
import type { App } from '../http/router';
import { PROMETHEUS_CONTENT_TYPE, registry } from './metrics';
import { collectDatabaseGauges } from './ops.metrics-db';

/**
 * `GET /metrics` in the Prometheus text format. Outside /api: no session, no origin check. It
 * holds counts only, no personal data; keep it off the public load balancer all the same.
 */
export function registerOpsRoutes(app: App, deps: AppDeps): void {
  app.get('/metrics', async (c) => {
    await collectDatabaseGauges(deps.db, deps.clock());
    c.header('Cache-Control', 'no-store');
    return c.body(await registry.expose(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
  });
}
