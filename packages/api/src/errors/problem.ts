import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppError, InvalidParam } from './app-error';
import { ERROR_CODES, type ErrorCode } from './error-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our `code` and optional `invalidParams`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  invalidParams?: InvalidParam[];
  [extra: string]: unknown;
}

export function problemTypeUri(code: ErrorCode): string {
  return `/api/problems/${code}`;
}

/** The members every problem body has; an extra of the same name would be overwritten. */
export const STANDARD_PROBLEM_MEMBERS = [
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'invalidParams',
] as const;

/**
 * Refuses an extra that names a standard member: the standard one would overwrite it and the
 * client would never see it. Throws outside production (a programming error, found by tests);
 * in production the standard members win, as they must.
 */
export function checkExtra(code: ErrorCode, extra: Record<string, unknown> | undefined): void {
  if (!extra || process.env.NODE_ENV === 'production') return;
  const clashes = STANDARD_PROBLEM_MEMBERS.filter((name) => Object.hasOwn(extra, name));
  if (clashes.length > 0) {
    throw new Error(
      `Problem ${code}: extra member(s) ${clashes.join(', ')} would overwrite the standard ` +
        'member(s) of the same name; give the extra another name.',
    );
  }
}

export function problemBody(
  code: ErrorCode,
  detail: string,
  requestId: string,
  options: { invalidParams?: InvalidParam[]; extra?: Record<string, unknown> } = {},
): ProblemBody {
  checkExtra(code, options.extra);
  const { status, title } = ERROR_CODES[code];
  return {
    ...options.extra,
    type: problemTypeUri(code),
    title,
    status,
    detail,
    instance: requestId,
    code,
    ...(options.invalidParams ? { invalidParams: options.invalidParams } : {}),
  };
}

/** A problem+json Response for a code, without a Hono context (e.g. in tests or plain handlers). */
export function problemResponse(
  code: ErrorCode,
  detail: string,
  requestId: string,
  options: {
    invalidParams?: InvalidParam[];
    extra?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): Response {
  const body = problemBody(code, detail, requestId, options);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      'content-type': PROBLEM_CONTENT_TYPE,
      'cache-control': 'no-store',
      ...options.headers,
    },
  });
}

/**
 * The language of the answer: the one the request asks for first (the web sends the page's own
 * language, which the person may have switched from the one on their account), else the user's
 * own, else Dutch.
 */
export function requestLocale(c: Context): 'nl' | 'en' {
  const accept = c.req.header('accept-language')?.trim().toLowerCase() ?? '';
  if (accept.startsWith('en')) return 'en';
  if (accept.startsWith('nl')) return 'nl';
  const user = c.get('user' as never) as { locale?: string } | null | undefined;
  return user?.locale === 'en' ? 'en' : 'nl';
}

/** `invalidParams` with each reason in the given language where a sentence for it exists. */
export function localizeInvalidParams(
  params: InvalidParam[] | undefined,
  locale: 'nl' | 'en',
): InvalidParam[] | undefined {
  return params?.map(({ name, reason, text }) => ({ name, reason: text?.[locale] ?? reason }));
}

/**
 * Writes an AppError as problem+json, with the request id of the context as `instance`.
 * Goes through the context so headers set earlier (X-Request-Id) are kept. A field's reason is
 * given in the user's language (C2).
 */
export function problem(c: Context, error: AppError): Response {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? 'unknown';
  const body = problemBody(error.code, error.detail, requestId, {
    invalidParams: localizeInvalidParams(error.invalidParams, requestLocale(c)),
    extra: error.extra,
  });
  c.header('content-type', PROBLEM_CONTENT_TYPE);
  c.header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode);
}
