import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import { clientAddress } from '../http/client-address';
import type { App } from '../http/router';
import { checkAddressChange } from '../users/postal-address';
import { findUserByEmail, findUserById, publicUser, updateUser } from '../users/users.repository';
import { AddressFields, LocaleSchema, NameSchema, UserSchema } from '../users/users.schemas';
import { loginAccountKey } from './account-links.service';
import { requireUser } from './auth.middleware';
import { verifyPassword } from './password';
import { enforce, limitOf, refund, reset } from './rate-limit';
import {
  clearSessionCookie,
  createSession,
  revokeSession,
  setSessionCookie,
} from './session.service';

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Log in with e-mail and password; sets the sid cookie',
  request: {
    body: json(z.object({ email: z.string().max(254), password: z.string().max(200) })),
  },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401, 422, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Revoke the session and clear the cookie',
  responses: { 204: { description: 'Logged out' } },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The logged-in user',
  security: [{ session: [] }],
  middleware: [requireUser()],
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401),
  },
});

const updateMeRoute = createRoute({
  method: 'patch',
  path: '/api/me',
  tags: ['auth'],
  summary: 'Change your name, language or postal address',
  description:
    'Letters by post (the letter channel `paper`, or no e-mail address) go to the postal address ' +
    '`street`, `postcode`, `city`. A change of the address must leave it whole (all three filled ' +
    'in) or, only while letters go by e-mail, empty (all three `null`); street and town are one ' +
    'line each. The postcode is a Dutch one (`3011pn` is stored as `3011 PN`). A refusal is 422 ' +
    'problem+json naming each field in `invalidParams`, the reason in your language; a NUL ' +
    'character or a lone surrogate is 400 naming the field.',
  security: [{ session: [] }],
  middleware: [requireUser()],
  request: {
    body: json(
      z.object({ name: NameSchema.optional(), locale: LocaleSchema.optional(), ...AddressFields }),
    ),
  },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401, 422),
  },
});

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const { db, config } = deps;

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const now = deps.clock();
    const address = clientAddress(c, config.trustProxy);
    const accountKey = loginAccountKey(email);
    const addressKey = `login:address:${address}`;
    // Counted before the password check, so a flood cannot outrun the limit; a success takes
    // its count back, so only failures make anyone wait.
    await enforce(
      db,
      [
        limitOf(config, accountKey, config.loginMaxAttemptsPerAccount),
        limitOf(config, addressKey, config.loginMaxAttemptsPerAddress),
      ],
      now,
    );
    const user = await findUserByEmail(db, email);
    // Always verify (against a dummy hash if needed): unknown e-mail and wrong password must
    // look the same, in body and in time.
    const ok = await verifyPassword(user?.password_hash, password);
    // A deactivated account answers exactly like a wrong password: no hint that it exists.
    // So does an account whose confirmation link was not followed yet.
    if (!user || !ok || user.deactivated_at || user.confirmation_pending) {
      throw new AppError('unauthenticated', 'The e-mail address or password is incorrect.');
    }
    await reset(db, accountKey);
    await refund(db, addressKey);
    const previous = c.get('sessionId');
    if (previous) await revokeSession(db, previous, now);
    const session = await createSession(db, config, {
      userId: user.id,
      now,
      userAgent: c.req.header('user-agent'),
      clientAddress: address,
    });
    setSessionCookie(c, config, session, now);
    c.get('logger').info({ userId: user.id }, 'login');
    return c.json(publicUser(user), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await revokeSession(db, sessionId, deps.clock());
    clearSessionCookie(c, config);
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const user = await findUserByEmail(db, c.get('user')!.email);
    if (!user) throw new AppError('unauthenticated', 'The account no longer exists.');
    return c.json(publicUser(user), 200);
  });

  app.openapi(updateMeRoute, async (c) => {
    const changes = c.req.valid('json');
    const current = await findUserById(db, c.get('user')!.id);
    if (!current) throw new AppError('unauthenticated', 'The account no longer exists.');
    checkAddressChange(current, changes, 'self');
    const updated = await updateUser(db, current.id, changes, deps.clock());
    if (!updated) throw new AppError('unauthenticated', 'The account no longer exists.');
    return c.json(publicUser(updated), 200);
  });
}
