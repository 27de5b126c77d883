import { z } from '@hono/zod-openapi';
import { bilingual } from '../errors';

/**
 * The largest value of PostgreSQL's `integer`, the type of workflow versions and revisions. A
 * number a client sends for such a column must fit, or the query fails (a 500) instead of
 * finding nothing: schemas bound it here and answer 422 naming the field.
 */
export const PG_INTEGER_MAX = 2_147_483_647;

const TOO_BIG = bilingual({
  nl: 'Dit getal is te groot; zo’n versie bestaat niet.',
  en: 'This number is too large; no such version exists.',
});

/** A version number in a JSON body: a whole number from 1 that fits an `integer` column. */
export const versionNumber = () => z.number().int().min(1).max(PG_INTEGER_MAX, TOO_BIG);

/** A version number in a path or query string: as `versionNumber`, from its text. */
export const versionParam = () => z.coerce.number().int().min(1).max(PG_INTEGER_MAX, TOO_BIG);
