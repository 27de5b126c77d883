import { z } from '@hono/zod-openapi';
import { dictionary } from '@zxcvbn-ts/language-common';

// The most common passwords of leaked sets, as maintained by zxcvbn-ts (about 50,000).
const COMMON = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/** True when a password is one of the common ones, whatever its case or surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  const p = password.trim().toLowerCase();
  return COMMON.has(p) || COMMON.has(p.replace(/\s+/g, ''));
}

/** A new password: 12 to 200 characters, not blank, not a common one. */
export const PasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use at most 200 characters')
  .refine((p) => p.trim().length >= 12, 'Use at least 12 characters besides spaces')
  .refine((p) => new Set(p).size > 2, 'Use more than one or two different characters')
  .refine((p) => !isCommonPassword(p), 'This password is among the most used ones; choose another');
