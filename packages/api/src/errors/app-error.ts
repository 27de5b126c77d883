import type { ErrorCode } from './error-codes';

/** One invalid field: `name` is a dotted path into the request (e.g. `address.postcode`). */
export interface InvalidParam {
  name: string;
  reason: string;
  /**
   * The reason as a sentence in both languages (an engine issue's `text`); the problem writer
   * puts the user's language into `reason` and leaves this out of the body.
   */
  text?: { nl: string; en: string };
}

export interface AppErrorOptions {
  invalidParams?: InvalidParam[];
  /** Extra members for the problem body (e.g. `allowed`, `retryAfter`). */
  extra?: Record<string, unknown>;
  /** Response headers to add (e.g. Retry-After, Allow). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An expected failure with a code from the closed set; rendered as problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly invalidParams?: InvalidParam[];
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail: string, options: AppErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.invalidParams = options.invalidParams;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
