import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors';

/**
 * The body could not be read to its end: the client broke the connection off (or lied about the
 * length). 400, not the error's own code: an aborted request stream is ECONNRESET, which used to
 * be taken for a database that cannot be reached (503, logged as an error, counted as an outage).
 */
export function bodyBrokeOff(cause: unknown): AppError {
  return new AppError(
    'malformed_request',
    'The request body broke off before its end; send the request again.',
    { cause },
  );
}

/**
 * Refuses a request body larger than `maxSize`, as Hono's bodyLimit does, but reads the declared
 * Content-Length where there is one instead of first asking the request for its body stream.
 * That question makes @hono/node-server build a full WHATWG Request for every request and then
 * read every JSON body through a web stream, about a tenth of the server's time per command.
 * Browsers and fetch declare the length of every JSON body and upload; a chunked body (no
 * length) still goes through Hono's bodyLimit, which counts while it reads.
 */
export function declaredBodyLimit(
  maxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async function declaredBodyLimit(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (!/^\d+$/.test(length.trim())) return readCounting(c, next);
      if (Number(length) > maxSize) return onError(c);
      return next();
    }
    return readCounting(c, next);
  };

  /** Hono's bodyLimit reads the whole body before it calls `next`: what fails before, the read. */
  async function readCounting(c: Context, next: () => Promise<void>) {
    let reading = true;
    try {
      return await counting(c, () => {
        reading = false;
        return next();
      });
    } catch (error) {
      if (!reading || error instanceof AppError || error instanceof HTTPException) throw error;
      throw bodyBrokeOff(error);
    }
  }
}
