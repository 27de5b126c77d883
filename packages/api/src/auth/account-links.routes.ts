import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import { clientAddress } from '../http/client-address';
import type { App } from '../http/router';
import { normalizeEmail, publicUser } from '../users/users.repository';
import { EmailSchema, LocaleSchema, NameSchema, UserSchema } from '../users/users.schemas';
import {
  confirmAccount,
  register,
  requestPasswordLink,
  setPasswordWithLink,
} from './account-links.service';
import type { User } from './auth.table';
import { PasswordSchema } from './password-policy';
import { enforce, limitOf } from './rate-limit';
import { createSession, revokeSession, setSessionCookie } from './session.service';

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** The one answer to a registration or a link request, whatever the address: a mail is on its way. */
const MailSentSchema = z
  .object({ status: z.literal('mail_sent') })
  .openapi('MailSent', { description: 'If the address can receive one, a mail is on its way' });
const MAIL_SENT = { status: 'mail_sent' as const };
const TokenSchema = z.string().min(1).max(100);
/** Mails about an address per address and per account, before waits begin. */
const LINK_REQUESTS_PER_ACCOUNT = 3;

const registerRoute = createRoute({
  method: 'post',
  path: '/api/auth/register',
  tags: ['auth'],
  summary:
    'Create an applicant account; it can log in after following the mailed link. A known address gets a mail to its owner instead; the answer is the same',
  request: {
    body: json(
      z.object({
        email: EmailSchema,
        password: PasswordSchema,
        name: NameSchema,
        locale: LocaleSchema.optional(),
      }),
    ),
  },
  responses: {
    202: {
      description: 'A mail is on its way (to confirm, or to the owner of a known address)',
      content: { 'application/json': { schema: MailSentSchema } },
    },
    ...problemResponses(422, 429),
  },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/api/auth/confirm',
  tags: ['auth'],
  summary: 'Follow the link of the confirmation mail: the account can log in, and is logged in',
  request: { body: json(z.object({ token: TokenSchema })) },
  responses: {
    200: {
      description: 'Confirmed and logged in',
      content: { 'application/json': { schema: UserSchema } },
    },
    ...problemResponses(422),
  },
});

const passwordLinkRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-link',
  tags: ['auth'],
  summary:
    'Mail a one-time link to set a password (forgot password; an account made at the desk is claimed this way). The answer is the same for any address',
  request: { body: json(z.object({ email: EmailSchema })) },
  responses: {
    202: {
      description: 'If an account has this address, a mail is on its way',
      content: { 'application/json': { schema: MailSentSchema } },
    },
    ...problemResponses(422, 429),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary:
    'Set a password with the mailed link; every other session of the account ends, and this one starts',
  request: { body: json(z.object({ token: TokenSchema, password: PasswordSchema })) },
  responses: {
    200: {
      description: 'Password set and logged in',
      content: { 'application/json': { schema: UserSchema } },
    },
    ...problemResponses(422),
  },
});

export function registerAccountLinkRoutes(app: App, deps: AppDeps): void {
  const { db, config } = deps;

  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const now = deps.clock();
    const address = clientAddress(c, config.trustProxy);
    await enforce(
      db,
      [limitOf(config, `register:address:${address}`, config.loginMaxAttemptsPerAddress)],
      now,
    );
    await register(deps, { ...body, locale: body.locale ?? 'nl' }, now);
    return c.json(MAIL_SENT, 202);
  });

  app.openapi(passwordLinkRoute, async (c) => {
    const { email } = c.req.valid('json');
    const now = deps.clock();
    const address = clientAddress(c, config.trustProxy);
    // Per account too: nobody floods someone's mailbox with links.
    await enforce(
      db,
      [
        limitOf(
          config,
          `password-link:account:${normalizeEmail(email)}`,
          LINK_REQUESTS_PER_ACCOUNT,
        ),
        limitOf(config, `password-link:address:${address}`, config.loginMaxAttemptsPerAddress),
      ],
      now,
    );
    await requestPasswordLink(deps, email, now);
    return c.json(MAIL_SENT, 202);
  });

  async function logIn(c: Context, user: User, now: Date) {
    const previous = c.get('sessionId');
    if (previous) await revokeSession(db, previous, now);
    const session = await createSession(db, config, {
      userId: user.id,
      now,
      userAgent: c.req.header('user-agent'),
      clientAddress: clientAddress(c, config.trustProxy),
    });
    setSessionCookie(c, config, session, now);
  }

  app.openapi(confirmRoute, async (c) => {
    const now = deps.clock();
    const user = await confirmAccount(deps, c.req.valid('json').token, now);
    await logIn(c, user, now);
    return c.json(publicUser(user), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const { token, password } = c.req.valid('json');
    const now = deps.clock();
    const user = await setPasswordWithLink(deps, token, password, now);
    await logIn(c, user, now);
    return c.json(publicUser(user), 200);
  });
}
