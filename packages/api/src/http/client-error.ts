import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorCode, problemBody } from '../errors';
import type { Logger } from '../logging/logger';

/**
 * Requests Node's HTTP parser refuses before the app sees them: an address or headers over its
 * 16 kB limit, bytes a header may not hold, a Content-Length that does not fit the body. Node
 * answers those with an empty 400 or 431, no request id and nothing in our log. This answers
 * them as the app answers every refusal: RFC 9457 problem+json with a request id that is in the
 * log. A connection the client already broke off gets no answer.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const code: ErrorCode =
      error.code === 'HPE_HEADER_OVERFLOW' ? 'header_too_large' : 'malformed_request';
    logger.warn(
      { requestId, code: error.code, reason: error.message },
      'request refused by the http parser',
    );
    const detail =
      code === 'header_too_large'
        ? 'The address or the headers are too long to read. Shorten them and try again.'
        : 'The request could not be read: a header or the length of the body is malformed.';
    const body = JSON.stringify(problemBody(code, detail, requestId));
    const status =
      code === 'header_too_large' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        'Cache-Control: no-store\r\n' +
        `X-Request-Id: ${requestId}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
