import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../context';
import { validationError } from '../errors';

/** The OpenAPI apps' defaultHook: a failed zod validation becomes 422 with invalidParams. */
// biome-ignore lint/suspicious/noExplicitAny: the hook serves every route
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(result.error);
};
