import { z } from '@hono/zod-openapi';
import { requireRole } from '../auth/auth.middleware';

// What every policy route's description shares: its tag, the session it needs, the role.

export const tags = ['Policy'];
export const security = [{ session: [] }];
export const policyOnly = [requireRole('policy')];

/** A JSON answer of `schema` in the OpenAPI description. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A text in both languages. */
export const Localized = z.object({ nl: z.string(), en: z.string() });

/** The workflow key in the definitions' paths: `/api/policy/definitions/{key}/…`. */
export const KeyParams = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'bewonersinitiatief' }),
});
