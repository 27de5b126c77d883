import { createRoute, z } from '@hono/zod-openapi';
import { recordAccountChange } from '../admin/admin.repository';
import { requireRole } from '../auth/auth.middleware';
import { revokeUserSessions } from '../auth/session.service';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { CHANNEL_NAMES } from '../messaging/channels';
import { candidate, findLikelyDuplicates, likelyDuplicate } from './duplicate-residents';
import { checkAddressChange, checkNewAddress } from './postal-address';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  publicUser,
  searchUsers,
  updateUser,
} from './users.repository';
import {
  AddressFields,
  EmailSchema,
  LocaleSchema,
  NameSchema,
  RoleSchema,
  UserSchema,
} from './users.schemas';

const staff = [requireRole('clerk', 'admin')];

const searchRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'Find people by name, e-mail or postcode (clerk, admin)',
  security: [{ session: [] }],
  middleware: staff,
  request: {
    query: z.object({
      q: z.string().max(100).optional(),
      role: RoleSchema.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: {
      description: 'Matching users',
      content: { 'application/json': { schema: z.object({ items: z.array(UserSchema) }) } },
    },
    ...problemResponses(401, 403, 422),
  },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Register a resident who applies with help (assisted digital); no password',
  description:
    'A resident without e-mail address, or with `letterChannel: paper`, receives every letter by ' +
    'post: then `street`, `postcode` and `city` are required (422 problem+json naming each ' +
    "missing field, the reason in the clerk's language). With an e-mail address the postal " +
    'address may be left out, but not given by halves.\n\n' +
    'A resident is registered once. 409 `conflict` when an account has the e-mail address, and ' +
    'when residents who look the same exist: a similar name (ignoring case, diacritics, hyphens ' +
    'and name particles) at the same postcode and house number, or with the same phone number. ' +
    'The problem lists them as `candidates`, so the desk can open the existing resident instead. ' +
    'When the clerk has checked that it really is someone else, the request again with ' +
    '`confirmedDifferent: true` registers the resident, and the account audit records who ' +
    'confirmed it and which residents it was told apart from. An e-mail address in use is never ' +
    'overridden.',
  security: [{ session: [] }],
  middleware: staff,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: NameSchema,
            email: EmailSchema.nullable().optional(),
            locale: LocaleSchema.optional(),
            roles: z.array(RoleSchema).min(1).optional(),
            letterChannel: z
              .enum(CHANNEL_NAMES)
              .optional()
              .openapi({
                description:
                  "How letters reach the resident (Awb 2:14): 'email' needs an e-mail address; " +
                  "absent: 'email' with an address, else 'paper'",
              }),
            confirmedDifferent: z
              .boolean()
              .optional()
              .openapi({
                description:
                  'The clerk checked the residents the 409 listed as `candidates`: this is someone ' +
                  'else. Registers anyway, recorded in the account audit.',
              }),
            ...AddressFields,
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401, 403, 422),
    409: {
      ...problemResponses(409)[409],
      description:
        'application/problem+json (RFC 9457), code `conflict`: the e-mail address is in use ' +
        '(invalidParams name `email`), or residents who look the same exist (invalidParams name ' +
        '`confirmedDifferent`; `detail` in Dutch and English). The member `candidates` lists the ' +
        'residents concerned: each a `User` with `matchedOn`, an array of `email`, `address` ' +
        '(postcode and house number, with a similar name) or `phone` (with a similar name). It ' +
        'names no staff account.',
    },
  },
});

const IdParams = z.object({ id: z.uuid() });

const getUserRoute = createRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'One user (clerk, admin)',
  security: [{ session: [] }],
  middleware: staff,
  request: { params: IdParams },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: "Change a user's details (clerk) or roles (admin)",
  security: [{ session: [] }],
  middleware: staff,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: NameSchema.optional(),
            locale: LocaleSchema.optional(),
            roles: z.array(RoleSchema).min(1).optional(),
            ...AddressFields,
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

export function registerUserRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(searchRoute, async (c) => {
    const { q, role, limit } = c.req.valid('query');
    const users = await searchUsers(db, { q, role, limit });
    return c.json({ items: users.map(publicUser) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json');
    const actor = c.get('user')!;
    const roles = body.roles ?? ['applicant'];
    if (!actor.roles.includes('admin') && (roles.length !== 1 || roles[0] !== 'applicant')) {
      throw new AppError('forbidden', 'Only an administrator can create staff accounts.');
    }
    const sameEmail = body.email ? await findUserByEmail(db, body.email) : undefined;
    if (sameEmail) {
      // A resident's account is shown, so the desk can open it; a staff account is not.
      const resident = sameEmail.roles.includes('applicant');
      throw new AppError('conflict', 'An account with this e-mail address already exists.', {
        extra: resident ? { candidates: [candidate(sameEmail, ['email'])] } : undefined,
        invalidParams: [
          {
            name: 'email',
            reason: 'An account with this e-mail address already exists',
            text: {
              nl: 'Er is al een account met dit e-mailadres.',
              en: 'An account with this e-mail address already exists.',
            },
          },
        ],
      });
    }
    if (body.letterChannel === 'email' && !body.email) {
      throw new AppError('validation_failed', 'E-mail needs an e-mail address.', {
        invalidParams: [
          {
            name: 'letterChannel',
            reason: 'E-mail needs an e-mail address',
            text: {
              nl: 'Kies post, of vul een e-mailadres in: zonder e-mailadres gaan brieven per post.',
              en: 'Choose post, or enter an e-mail address: without one, letters go by post.',
            },
          },
        ],
      });
    }
    checkNewAddress(body, !body.email || body.letterChannel === 'paper');
    const residentOnly = roles.length === 1 && roles[0] === 'applicant';
    const lookalikes = residentOnly ? await findLikelyDuplicates(db, body) : [];
    if (lookalikes.length > 0 && !body.confirmedDifferent) throw likelyDuplicate(lookalikes);
    const now = deps.clock();
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        name: body.name,
        email: body.email ?? null,
        locale: body.locale ?? 'nl',
        roles,
        letter_channel: body.letterChannel,
        street: body.street ?? null,
        postcode: body.postcode ?? null,
        city: body.city ?? null,
        phone: body.phone ?? null,
        password_hash: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      if (lookalikes.length > 0) {
        // Who decided that this is someone else, and from whom: for when it turns out otherwise.
        await recordAccountChange(trx, {
          actorId: actor.id,
          targetId: created.id,
          action: 'created',
          details: {
            roles,
            confirmedDifferent: true,
            differentFrom: lookalikes.map((l) => ({ id: l.id, name: l.name, on: l.matchedOn })),
          },
          at: now,
        });
      }
      return created;
    });
    c.get('logger').info(
      { userId: user.id, createdBy: actor.id, confirmedDifferentFrom: lookalikes.map((l) => l.id) },
      'user created',
    );
    return c.json(publicUser(user), 201);
  });

  app.openapi(getUserRoute, async (c) => {
    const user = await findUserById(db, c.req.valid('param').id);
    if (!user) throw new AppError('not_found', 'No such user.');
    return c.json(publicUser(user), 200);
  });

  app.openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { roles, ...changes } = c.req.valid('json');
    const actor = c.get('user')!;
    if (roles && !actor.roles.includes('admin')) {
      throw new AppError('forbidden', 'Only an administrator can change roles.');
    }
    const target = await findUserById(db, id);
    if (!target) throw new AppError('not_found', 'No such user.');
    // Desk staff manage residents' accounts; staff accounts belong to administrators.
    if (!actor.roles.includes('admin') && target.roles.some((r) => r !== 'applicant')) {
      throw new AppError('forbidden', "Only an administrator changes a staff member's account.");
    }
    checkAddressChange(target, changes, 'resident');
    const now = deps.clock();
    const updated = await updateUser(db, id, roles ? { ...changes, roles } : changes, now);
    if (!updated) throw new AppError('not_found', 'No such user.');
    // New roles take effect at the next login; old sessions must not keep the old ones.
    if (roles) await revokeUserSessions(db, id, now);
    return c.json(publicUser(updated), 200);
  });
}
