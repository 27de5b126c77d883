import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context';
import { validationHook } from './validation-hook';

export type App = OpenAPIHono<AppEnv>;

/** An OpenAPIHono with the API's validation hook, for a feature that prefers its own sub-router. */
export function createRouter(): App {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
