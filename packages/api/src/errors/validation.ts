import type { z } from 'zod';
import { AppError, type InvalidParam } from './app-error';

/** Turns zod issues into invalidParams with dotted paths (`items.0.amount`). */
export function invalidParamsFromZod(error: z.core.$ZodError, prefix?: string): InvalidParam[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => String(p)).join('.');
    const name = [prefix, path].filter(Boolean).join('.') || (prefix ?? '');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { name, reason: missing ? 'Required' : issue.message };
  });
}

/** A 422 validation_failed AppError from a zod error. */
export function validationError(error: z.core.$ZodError, prefix?: string): AppError {
  const invalidParams = invalidParamsFromZod(error, prefix);
  const detail =
    invalidParams.length === 1
      ? `${invalidParams[0]!.name || 'request'}: ${invalidParams[0]!.reason}`
      : `${invalidParams.length} fields are invalid.`;
  return new AppError('validation_failed', detail, { invalidParams });
}
