import { z } from '@hono/zod-openapi';
import { USER_ROLES } from '../auth/roles';
import { bilingual } from '../errors';

export const RoleSchema = z.enum(USER_ROLES).openapi('Role');
export const LocaleSchema = z.enum(['nl', 'en']).openapi('Locale');

/** Dutch postcode, stored as '1234 AB'. */
export const PostcodeSchema = z
  .string()
  .trim()
  .regex(
    /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/,
    bilingual({
      nl: 'Vul een Nederlandse postcode in, zoals 3011 AB.',
      en: 'Enter a Dutch postcode, such as 3011 AB.',
    }),
  )
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

/**
 * The postal address letters by post go to (see postal-address.ts for the rules across the
 * fields: complete when letters go by post, one line each, never half).
 */
export const AddressFields = {
  street: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: 'Street and house number, one line', example: 'Hoogstraat 1' }),
  postcode: PostcodeSchema.nullable().optional().openapi({
    description: "Dutch postcode; '3011pn' is stored as '3011 PN'",
    example: '3011 PN',
  }),
  city: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .openapi({ description: 'Town, one line', example: 'Rotterdam' }),
  phone: z.string().trim().min(6).max(30).nullable().optional(),
};
