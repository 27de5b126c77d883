/** What the messaging routes (documents, outbox, mail files) share in their descriptions and JSON. */
import { z } from '@hono/zod-openapi';
import { requireRole } from '../auth/auth.middleware';
import { STAFF_ROLES } from '../auth/roles';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const IdParams = z.object({ id: z.string().openapi({ format: 'uuid' }) });
export const security = [{ session: [] }];
export const staff = [requireRole(...STAFF_ROLES)];

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
