import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { User } from '../auth/auth.table';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { publicUser } from '../users/users.repository';
import { EmailSchema, LocaleSchema, NameSchema, RoleSchema } from '../users/users.schemas';
import { listAccountAudit, listAccounts } from './admin.repository';
import { createStaffAccount, resetPassword, setActive, setRoles } from './admin.service';
import { ACCOUNT_ACTIONS } from './admin.table';

const tags = ['Administration'];
const security = [{ session: [] }];
const adminOnly = [requireRole('admin')];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const AccountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    roles: z.array(RoleSchema),
    locale: LocaleSchema,
    active: z.boolean(),
    deactivatedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

const WithPasswordSchema = z
  .object({
    account: AccountSchema,
    oneTimePassword: z.string().openapi({ description: 'Shown once; hand it over in person.' }),
  })
  .openapi('AccountWithOneTimePassword');

const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    action: z.enum(ACCOUNT_ACTIONS),
    details: z.record(z.string(), z.unknown()),
    at: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string() }),
    target: z.object({ id: z.uuid(), name: z.string() }),
  })
  .openapi('AccountAuditEntry');

const Roles = z.array(RoleSchema).min(1).max(6);
const IdParams = z.object({ id: z.uuid() });

function toAccount(user: User): z.infer<typeof AccountSchema> {
  const { id, name, email, roles, locale } = publicUser(user);
  return {
    id,
    name,
    email,
    roles,
    locale,
    active: !user.deactivated_at,
    deactivatedAt: user.deactivated_at ? new Date(user.deactivated_at).toISOString() : null,
    createdAt: new Date(user.created_at).toISOString(),
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/accounts',
  tags,
  security,
  summary: 'Staff accounts (or any account matching q), for the administrator',
  middleware: adminOnly,
  request: {
    query: z.object({
      q: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(100),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(AccountSchema) }), 'Accounts by name'),
    ...problemResponses(401, 403, 422),
  },
});

const createAccountRoute = createRoute({
  method: 'post',
  path: '/api/admin/accounts',
  tags,
  security,
  summary: 'Create a staff account with a one-time password (recorded in the audit)',
  middleware: adminOnly,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: NameSchema,
            email: EmailSchema,
            roles: Roles,
            locale: LocaleSchema.optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(WithPasswordSchema, 'Created'),
    ...problemResponses(401, 403, 409, 422),
  },
});

const rolesRoute = createRoute({
  method: 'put',
  path: '/api/admin/accounts/{id}/roles',
  tags,
  security,
  summary: "Set an account's roles; its sessions end (recorded in the audit)",
  middleware: adminOnly,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ roles: Roles }) } },
    },
  },
  responses: {
    200: json(AccountSchema, 'The account'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const activeRoute = createRoute({
  method: 'put',
  path: '/api/admin/accounts/{id}/active',
  tags,
  security,
  summary: 'Deactivate (sessions end, login refused) or reactivate an account',
  middleware: adminOnly,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ active: z.boolean() }) } },
    },
  },
  responses: {
    200: json(AccountSchema, 'The account'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/api/admin/accounts/{id}/password-reset',
  tags,
  security,
  summary: 'Replace the password by a one-time password; the sessions end',
  middleware: adminOnly,
  request: { params: IdParams },
  responses: {
    200: json(WithPasswordSchema, 'The new one-time password'),
    ...problemResponses(401, 403, 404, 409),
  },
});

const auditRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags,
  security,
  summary: 'What administrators changed on accounts, newest first',
  middleware: adminOnly,
  request: {
    query: z.object({
      targetId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(AuditEntrySchema) }), 'Audit entries'),
    ...problemResponses(401, 403, 422),
  },
});

export function registerAdminRoutes(app: App, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const users = await listAccounts(deps.db, c.req.valid('query'));
    return c.json({ items: users.map(toAccount) }, 200);
  });

  app.openapi(createAccountRoute, async (c) => {
    const admin = currentUser(c);
    const { user, oneTimePassword } = await createStaffAccount(deps, admin, c.req.valid('json'));
    c.get('logger').info({ userId: user.id, by: admin.id }, 'staff account created');
    return c.json({ account: toAccount(user), oneTimePassword }, 201);
  });

  app.openapi(rolesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const user = await setRoles(deps, currentUser(c), id, c.req.valid('json').roles);
    return c.json(toAccount(user), 200);
  });

  app.openapi(activeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const user = await setActive(deps, currentUser(c), id, c.req.valid('json').active);
    return c.json(toAccount(user), 200);
  });

  app.openapi(resetRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { user, oneTimePassword } = await resetPassword(deps, currentUser(c), id);
    return c.json({ account: toAccount(user), oneTimePassword }, 200);
  });

  app.openapi(auditRoute, async (c) => {
    const rows = await listAccountAudit(deps.db, c.req.valid('query'));
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          action: r.action,
          details: r.details,
          at: new Date(r.at).toISOString(),
          actor: { id: r.actor_id, name: r.actor_name },
          target: { id: r.target_id, name: r.target_name },
        })),
      },
      200,
    );
  });
}
