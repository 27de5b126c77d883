import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'kysely';
import { ZodError } from 'zod';
import { sessionMiddleware } from './auth/auth.middleware';
import type { AppDeps, AppEnv } from './context';
import { loadMigrations, migrationStatus } from './db/migrate';
import {
  AppError,
  ERROR_CODES,
  type ErrorCode,
  isErrorCode,
  problem,
  validationError,
} from './errors';
import { appPage } from './http/app-page';
import { declaredBodyLimit } from './http/body-limit.middleware';
import { compressJson } from './http/compress-json.middleware';
import { inputBoundary } from './http/input-boundary.middleware';
import { allowedMethods } from './http/method-not-allowed';
import { originCheck } from './http/origin-check.middleware';
import { requestLogger } from './http/request-logger.middleware';
import { type App, createRouter } from './http/router';
import { knownQueryParameters } from './openapi/known-query.middleware';
import { apiDocument, registerOpenApiRoutes } from './openapi/openapi.routes';
import { isDatabaseUnavailable } from './ops/db-unavailable';
import { metrics } from './ops/metrics';
import { requestMetrics } from './ops/metrics.middleware';
import { registerRoutes } from './routes';

export type { App } from './http/router';
export { createRouter } from './http/router';

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Everything that is not an AppError becomes one here; unknown errors are 500 and logged. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // PostgreSQL is down or restarting: 503 so clients and load balancers retry.
    metrics.dbUnavailable.inc();
    return new AppError('unavailable', 'The database is not reachable; try again shortly.', {
      headers: { 'Retry-After': '5' },
    });
  }
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof HTTPException) {
    const code = HTTP_STATUS_CODES[error.status];
    if (code) return new AppError(code, error.message || ERROR_CODES[code].title);
    return null;
  }
  if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
    return new AppError('malformed_request', 'The request body is not valid JSON.');
  }
  // The engine's EngineError and similar carry a code from our set; keep their message.
  if (
    error instanceof Error &&
    'code' in error &&
    isErrorCode(error.code) &&
    error.name !== 'Error'
  ) {
    return new AppError(error.code, error.message);
  }
  return null;
}

const CSP = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The HTTP application: middleware, error handling, documentation, feature routes, web. */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const app = createRouter();
  const migrations = loadMigrations(config.migrationsDir);

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', requestLogger(logger));
  app.use('*', requestMetrics());
  // One policy for everything, the API documentation included (served from our own origin).
  // HSTS only when the public address is https: over plain http it would pin a browser to an
  // https origin that does not exist.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      strictTransportSecurity: config.publicUrl.startsWith('https:')
        ? 'max-age=15552000; includeSubDomains'
        : false,
    }),
  );

  const tooLarge = (limit: number) => () => {
    throw new AppError('payload_too_large', `The request body is larger than ${limit} bytes.`);
  };
  const jsonLimit = declaredBodyLimit(config.bodyLimitBytes, tooLarge(config.bodyLimitBytes));
  const uploadLimit = declaredBodyLimit(config.uploadLimitBytes, tooLarge(config.uploadLimitBytes));
  app.use('/api/*', (c, next) =>
    (c.req.header('content-type')?.startsWith('multipart/form-data') ? uploadLimit : jsonLimit)(
      c,
      next,
    ),
  );
  app.use('/api/*', compressJson());
  app.use('/api/*', inputBoundary());
  app.use(
    '/api/*',
    knownQueryParameters(() => apiDocument(app, config)),
  );
  app.use('/api/*', originCheck(config));
  app.use('/api/*', sessionMiddleware(deps));

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError) return problem(c, appError);
    const log = c.get('logger') ?? logger;
    log.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problem(
      c,
      new AppError(
        'internal',
        `An unexpected error occurred. Quote ${c.get('requestId')} when reporting it.`,
      ),
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      const status = await migrationStatus(deps.db, migrations);
      if (!status.current) {
        throw new AppError(
          'unavailable',
          `Migrations not current: ${status.pending.length} pending, ${status.unknown.length} unknown.`,
        );
      }
      return c.json({ status: 'ready', migrations: status.applied.length });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unavailable', 'The database is not reachable.', { cause: error });
    }
  });

  registerOpenApiRoutes(app, config);
  registerRoutes(app, deps);

  const indexHtml = join(config.webDist, 'index.html');
  const webBuilt = existsSync(indexHtml);
  const page = webBuilt ? appPage(deps, indexHtml) : undefined;
  if (page) {
    const assets = serveStatic<AppEnv>({ root: config.webDist, precompressed: true });
    app.get('/', page);
    app.get('/index.html', page);
    app.use('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      const found = await assets(c, next);
      if (found instanceof Response) {
        // Vite names every file under assets/ by its content hash: it never changes. The
        // HTML that points at them must be checked on every visit.
        found.headers.set(
          'Cache-Control',
          c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
        );
        found.headers.append('Vary', 'Accept-Encoding');
      }
      return found;
    });
  } else {
    app.get('/', (c) =>
      c.html(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Initiatief</title>' +
          '<p>The API is running, but the web app is not built. Run <code>pnpm start</code> ' +
          'from the repository root, or see <a href="/api/docs">the API documentation</a>.</p></html>',
      ),
    );
  }

  app.notFound((c) => {
    const path = c.req.path;
    const isApi = path === '/api' || path.startsWith('/api/');
    if (page && !isApi && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      // SPA fallback: the client router handles the path.
      return page(c);
    }
    const allow = allowedMethods(app.routes, path);
    if (allow.length > 0) {
      return respond(
        c,
        new AppError('method_not_allowed', `${c.req.method} is not allowed on ${path}.`, {
          headers: { Allow: allow.join(', ') },
        }),
      );
    }
    return respond(c, new AppError('not_found', `Nothing at ${path}.`));
  });

  return app;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function respond(c: Context<AppEnv>, error: AppError): Response {
  return problem(c, error);
}
