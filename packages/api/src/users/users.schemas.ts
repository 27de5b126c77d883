import { z } from '@hono/zod-openapi';
import { USER_ROLES } from '../auth/roles';

export const RoleSchema = z.enum(USER_ROLES).openapi('Role');
export const LocaleSchema = z.enum(['nl', 'en']).openapi('Locale');

/** Dutch postcode, stored as '1234 AB'. */
export const PostcodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3}\s?[A-Za-z]{2}$/, 'Enter a Dutch postcode such as 1234 AB')
  .transform((v) => `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`);

export const EmailSchema = z
  .email('Enter a valid e-mail address')
  .max(254)
  .transform((v) => v.trim().toLowerCase());

export const NameSchema = z.string().trim().min(1, 'Enter a name').max(200);

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    name: z.string(),
    roles: z.array(RoleSchema),
    locale: LocaleSchema,
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .openapi('User');

export const AddressFields = {
  street: z.string().trim().min(1).max(200).nullable().optional(),
  postcode: PostcodeSchema.nullable().optional(),
  city: z.string().trim().min(1).max(100).nullable().optional(),
  phone: z.string().trim().min(6).max(30).nullable().optional(),
};
