import type { z } from 'zod';
import { AppError, type InvalidParam } from './app-error';

/** Turns zod issues into invalidParams with dotted paths (`items.0.amount`). */
export function invalidParamsFromZod(error: z.core.$ZodError, prefix?: string): InvalidParam[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => String(p)).join('.');
    const name = [prefix, path].filter(Boolean).join('.') || (prefix ?? '');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return {
      name,
      reason: missing ? 'Required' : issue.message,
      // A refinement's own message names what is wrong (e.g. the unknown state): kept as is.
      text: missing
        ? ZOD_TEXT.missing
        : (OWN_TEXT.get(issue.message) ??
          (issue.code === 'custom' ? undefined : (ZOD_TEXT[issue.code] ?? ZOD_TEXT.other))),
    };
  });
}

/**
 * zod's messages are English for developers; a person reads one of these in their own language
 * (the problem writer picks it), next to the field it names.
 */
const ZOD_TEXT: Record<string, { nl: string; en: string }> = {
  missing: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  too_small: { nl: 'Dit is te kort of te laag.', en: 'This is too short or too low.' },
  too_big: { nl: 'Dit is te lang of te hoog.', en: 'This is too long or too high.' },
  invalid_format: {
    nl: 'Dit heeft niet de goede vorm.',
    en: 'This does not have the right format.',
  },
  other: { nl: 'Deze waarde klopt niet.', en: 'This value is not valid.' },
};

/** The sentences our own schemas give as their message (see `bilingual`), by their English. */
const OWN_TEXT = new Map<string, { nl: string; en: string }>();

/**
 * A schema's own message in both languages: `z.string().regex(re, bilingual({ nl, en }))`. zod
 * carries the English; the problem writer gives the person the sentence in their language.
 */
export function bilingual(text: { nl: string; en: string }): string {
  OWN_TEXT.set(text.en, text);
  return text.en;
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
