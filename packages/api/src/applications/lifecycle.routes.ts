import { registerAttachmentRoutes } from '../attachments/attachments.routes';
import type { AppDeps } from '../context';
import type { App } from '../http/router';
import { registerQueueRoutes } from '../queue/queue.routes';
import { registerRegulationRoutes } from '../regulations/regulations.routes';
import { registerApplicationRoutes } from './applications.routes';

/** Everything of the application lifecycle: regulations, applications, queue, attachments. */
export function registerLifecycleRoutes(app: App, deps: AppDeps): void {
  registerRegulationRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerQueueRoutes(app, deps);
  registerAttachmentRoutes(app, deps);
}
