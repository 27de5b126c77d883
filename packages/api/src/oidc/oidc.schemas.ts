import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors/problem.schema';
import { OPEN_QUERY } from '../openapi/known-query.middleware';
import { EmailSchema, NameSchema, UserSchema } from '../users/users.schemas';
import { OIDC_PROVIDER_IDS } from './oidc.service';
import type { OidcProviderId } from './oidc.table';

// The OpenAPI description of the sign-in routes (oidc.routes.ts and oidc-pending.routes.ts hold
// what they do).

/** Pages of the web app the browser lands on (packages/web/src/pages/oidc/). */
export const COMPLETE_PAGE = '/inloggen/aanvullen';
export const REFUSED_PAGE = '/inloggen/geweigerd';
/**
 * Why a sign-in was refused; the refusal page says each in words (oidc-messages.ts).
 * `unreadable`: the callback's address held odd bytes, a parameter twice or a value far too long.
 */
export type RefusalReason =
  | 'failed'
  | 'expired'
  | 'cancelled'
  | 'no_role'
  | 'conflict'
  | 'unreadable';

export const ProviderIdSchema = z.enum(OIDC_PROVIDER_IDS as [OidcProviderId, ...OidcProviderId[]]);

export const providersRoute = createRoute({
  method: 'get',
  path: '/api/auth/providers',
  tags: ['auth'],
  summary: 'The configured OpenID Connect ways in (empty: only the password form)',
  responses: {
    200: {
      description: 'The ways in, in the order the login page shows them',
      content: {
        'application/json': {
          schema: z.array(
            z.object({ id: ProviderIdSchema, label: z.string(), loginUrl: z.string() }),
          ),
        },
      },
    },
  },
});

export const loginRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/{provider}/login',
  tags: ['auth'],
  summary: 'Start signing in at the provider (authorization code flow with PKCE)',
  request: {
    params: z.object({ provider: z.string() }),
    query: z.object({
      returnTo: z
        .string()
        .max(1000)
        .optional()
        .openapi({ description: 'A relative path of this site to return to afterwards' }),
    }),
  },
  responses: {
    302: { description: 'To the provider' },
    ...problemResponses(404, 429, 503),
  },
});

export const callbackRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/{provider}/callback',
  tags: ['auth'],
  summary: "The provider's redirect back: checks state, exchanges the code, validates the ID token",
  // The provider adds what it likes (code, state, iss, session_state, error, ...).
  [OPEN_QUERY]: true,
  request: { params: z.object({ provider: z.string() }) },
  responses: {
    302: {
      description: `Logged in: to returnTo. First sign-in without name or e-mail: to ${COMPLETE_PAGE}. Refused: to ${REFUSED_PAGE}?reden=… (an address with odd bytes, a parameter twice or a value far too long: reden=unreadable; a client that asks for JSON only gets 400 for that)`,
    },
    ...problemResponses(404),
  },
});

export const PendingSchema = z.object({
  provider: ProviderIdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
});

export const pendingRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/pending',
  tags: ['auth'],
  summary: 'The first sign-in waiting for name and e-mail (what the provider sent, if anything)',
  responses: {
    200: { description: 'Pending', content: { 'application/json': { schema: PendingSchema } } },
    ...problemResponses(404),
  },
});

export const completeRoute = createRoute({
  method: 'post',
  path: '/api/auth/oidc/complete',
  tags: ['auth'],
  summary: 'Complete a first sign-in with name and e-mail; creates the account and logs in',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ name: NameSchema, email: EmailSchema }) },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Account created and logged in',
      content: {
        'application/json': { schema: z.object({ user: UserSchema, returnTo: z.string() }) },
      },
    },
    ...problemResponses(404, 409, 422),
  },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/oidc/logout',
  tags: ['auth'],
  summary:
    'Log out like POST /api/auth/logout; for a session from a provider, also the URL that ends it there',
  responses: {
    200: {
      description: 'Logged out here; open logoutUrl (when not null) to log out at the provider',
      content: {
        'application/json': { schema: z.object({ logoutUrl: z.string().nullable() }) },
      },
    },
  },
});
