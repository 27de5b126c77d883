import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** Below this an answer fits in a packet or two: compressing it costs more than it saves. */
export const COMPRESS_FROM_BYTES = 4096;

type JsonHeaders = Record<string, string | string[]>;

/**
 * Gzips the API's larger JSON answers (a workflow definition is 30 kB, a queue page 10 to
 * 20 kB) for clients that accept it: on a slow mobile connection that is the difference
 * between a page that draws in one second and one that draws in two. Hono's own compress()
 * cannot see the size of a JSON answer (it has no Content-Length yet) and would compress
 * every small one too.
 *
 * An answer made with `c.json` is decided while it is made, from the JSON text in hand:
 * reading a finished answer's body back means a full WHATWG Response and a web stream, which
 * cost more than a whole small answer. Answers made otherwise (problems from the error
 * handler) are read back after the handler, as before.
 */
export function compressJson(): MiddlewareHandler {
  return async function compressJson(c, next) {
    if (c.req.method === 'HEAD' || !/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      await next();
      return;
    }
    // The answer made by the wrapped c.json; anything else is read back after the handler.
    let made: Response | undefined;
    c.json = ((object: unknown, arg?: unknown, headers?: JsonHeaders) => {
      const text = JSON.stringify(object);
      const typed = { 'Content-Type': 'application/json', ...headers };
      if (
        Buffer.byteLength(text) < COMPRESS_FROM_BYTES ||
        /\bno-transform\b/.test(String(headersGet(headers, 'cache-control') ?? ''))
      ) {
        made = c.body(text, arg as never, typed);
      } else {
        made = c.body(gzipSync(text, { level: 6 }), arg as never, {
          ...typed,
          'Content-Encoding': 'gzip',
        });
      }
      return made;
    }) as typeof c.json;
    c.header('Vary', 'Accept-Encoding', { append: true });
    await next();
    if (made !== undefined && c.res === made) return;
    await compressAfter(c);
  };
}

function headersGet(headers: JsonHeaders | undefined, name: string) {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** An answer that did not come from `c.json`: read its body back and gzip it when large. */
async function compressAfter(c: Context): Promise<void> {
  const res = c.res;
  const type = res.headers.get('Content-Type') ?? '';
  if (
    !/^application\/(?:problem\+)?json\b/.test(type) ||
    res.headers.has('Content-Encoding') ||
    /\bno-transform\b/.test(res.headers.get('Cache-Control') ?? '') ||
    !res.body
  ) {
    return;
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length < COMPRESS_FROM_BYTES) {
    // Read once already: hand the same bytes on.
    c.res = new Response(body, res);
    return;
  }
  // Setting c.res copies the old answer's headers onto the new one; adjust them after.
  c.res = new Response(gzipSync(body, { level: 6 }), res);
  if (!/\baccept-encoding\b/i.test(c.res.headers.get('Vary') ?? '')) {
    c.res.headers.append('Vary', 'Accept-Encoding');
  }
  // The ETag stays as it is: it names the version for If-Match, not the bytes.
  c.res.headers.delete('Content-Length');
  c.res.headers.set('Content-Encoding', 'gzip');
}
