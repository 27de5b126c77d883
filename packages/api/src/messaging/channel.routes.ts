import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { type AddressOwner, checkPostChoice } from '../users/postal-address';
import { CHANNEL_NAMES, type ChannelName, channelFor } from './channels';

const tags = ['Letter channel'];
const security = [{ session: [] }];

const ChannelSchema = z
  .object({
    channel: z.enum(CHANNEL_NAMES).openapi({ description: 'What the resident chose (Awb 2:14)' }),
    email: z.string().nullable(),
    effective: z.enum(CHANNEL_NAMES).openapi({
      description: "How letters go now: 'email' needs the choice and an address, else 'paper'",
    }),
  })
  .openapi('LetterChannel');

/** What refuses a choice, in the operations' descriptions. */
const REFUSALS =
  "Choosing `email` needs an e-mail address (422 naming `channel`). Choosing `paper` needs the whole postal address (street and house number, postcode, town): without it 422 problem+json naming each missing field (`street`, `postcode`, `city`), the reason in the caller's language.";

const ChoiceBody = {
  required: true,
  content: {
    'application/json': { schema: z.object({ channel: z.enum(CHANNEL_NAMES) }) },
  },
} as const;

const okResponse = {
  200: {
    description: 'The channel',
    content: { 'application/json': { schema: ChannelSchema } },
  },
};

const getMine = createRoute({
  method: 'get',
  path: '/api/me/letter-channel',
  tags,
  security,
  summary: 'How my letters and decisions reach me: by e-mail or by post',
  middleware: [requireUser()] as const,
  responses: { ...okResponse, ...problemResponses(401) },
});

const putMine = createRoute({
  method: 'put',
  path: '/api/me/letter-channel',
  tags,
  security,
  summary: 'Choose e-mail or post for my letters and decisions',
  description: REFUSALS,
  middleware: [requireUser()] as const,
  request: { body: ChoiceBody },
  responses: { ...okResponse, ...problemResponses(401, 422) },
});

const UserParams = z.object({ id: z.uuid() });
const desk = [requireRole('clerk', 'admin')];

const getOf = createRoute({
  method: 'get',
  path: '/api/users/{id}/letter-channel',
  tags,
  security,
  summary: "A resident's channel for letters (desk)",
  middleware: desk,
  request: { params: UserParams },
  responses: { ...okResponse, ...problemResponses(401, 403, 404) },
});

const putOf = createRoute({
  method: 'put',
  path: '/api/users/{id}/letter-channel',
  tags,
  security,
  summary: "Record a resident's choice of e-mail or post (desk)",
  description: REFUSALS,
  middleware: desk,
  request: { params: UserParams, body: ChoiceBody },
  responses: { ...okResponse, ...problemResponses(401, 403, 404, 422) },
});

export function registerChannelRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  async function read(id: string) {
    const row = await db
      .selectFrom('users')
      .select(['email', 'letter_channel'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'No such user.');
    return {
      channel: row.letter_channel,
      email: row.email,
      effective: channelFor({
        email: row.email,
        letterChannel: row.letter_channel,
        street: null,
        postcode: null,
        city: null,
      }).name,
    };
  }

  async function choose(
    id: string,
    channel: ChannelName,
    locale: 'nl' | 'en',
    owner: AddressOwner,
  ) {
    const current = await read(id);
    if (channel === 'email' && !current.email) {
      throw new AppError('validation_failed', 'E-mail needs an e-mail address.', {
        invalidParams: [
          {
            name: 'channel',
            reason:
              locale === 'en'
                ? 'Choose post: there is no e-mail address to send letters to.'
                : 'Kies post: er is geen e-mailadres bekend om brieven naar te sturen.',
          },
        ],
      });
    }
    if (channel === 'paper') {
      const address = await db
        .selectFrom('users')
        .select(['street', 'postcode', 'city'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      checkPostChoice(address, owner);
    }
    await db
      .updateTable('users')
      .set({ letter_channel: channel, updated_at: deps.clock() })
      .where('id', '=', id)
      .execute();
    return read(id);
  }

  app.openapi(getMine, async (c) => c.json(await read(currentUser(c).id), 200));
  app.openapi(putMine, async (c) => {
    const user = currentUser(c);
    return c.json(await choose(user.id, c.req.valid('json').channel, user.locale, 'self'), 200);
  });
  app.openapi(getOf, async (c) => c.json(await read(c.req.valid('param').id), 200));
  app.openapi(putOf, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await choose(id, c.req.valid('json').channel, currentUser(c).locale, 'resident'),
      200,
    );
  });
}
