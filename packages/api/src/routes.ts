import { registerAdminRoutes } from './admin/admin.routes';
import { registerLifecycleRoutes } from './applications/lifecycle.routes';
import { registerAccountLinkRoutes } from './auth/account-links.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { registerSessionRoutes } from './auth/session.routes';
import type { AppDeps } from './context';
import { registerDefinitionRoutes } from './definitions/definitions.routes';
import { registerDeskRoutes } from './desk/desk.routes';
import type { App } from './http/router';
import { registerChannelRoutes } from './messaging/channel.routes';
import { registerMessagingRoutes } from './messaging/messaging.routes';
import { registerOidcRoutes } from './oidc/oidc.routes';
import { registerOpsRoutes } from './ops/ops.routes';
import { registerPolicyRoutes } from './policy/policy.routes';
import { registerPolicyExportRoutes } from './policy/policy-exports.routes';
import { registerPolicyPreviewRoutes } from './policy/policy-preview.routes';
import { registerPolicyWorkflowRoutes } from './policy/policy-workflows.routes';
import { registerPrintRoutes } from './print/print.routes';
import { registerSupporterRoutes } from './supporters/supporters.routes';
import { registerUserRoutes } from './users/users.routes';

/**
 * Every feature's routes, mounted on the one app. Add a line here for a new feature:
 * `register<Feature>Routes(app, deps)` from `src/<feature>/<feature>.routes.ts`.
 */
export function registerRoutes(app: App, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerAccountLinkRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerOidcRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerSupporterRoutes(app, deps);
  registerDefinitionRoutes(app, deps);
  registerMessagingRoutes(app, deps);
  registerPrintRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerPolicyPreviewRoutes(app, deps);
  registerPolicyWorkflowRoutes(app, deps);
  registerPolicyExportRoutes(app, deps);
  registerOpsRoutes(app, deps);
}
