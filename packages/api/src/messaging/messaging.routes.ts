/**
 * The messaging routes, in the order they appear in the API document: letters
 * (document.routes.ts), the outbox (outbox.routes.ts) and development mail files
 * (mail-files.routes.ts).
 */
import type { AppDeps } from '../context';
import type { App } from '../http/router';
import { registerDocumentRoutes } from './document.routes';
import { registerMailFileRoutes } from './mail-files.routes';
import { registerOutboxRoutes } from './outbox.routes';

export function registerMessagingRoutes(app: App, deps: AppDeps): void {
  registerDocumentRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerMailFileRoutes(app, deps);
}
