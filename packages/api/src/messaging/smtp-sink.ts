import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server for tests and benchmarks (smtp-server; dev dependency). */
export interface SmtpSink {
  port: number;
  /** Parsed messages (when started with parse: true), in arrival order. */
  messages: ParsedMail[];
  /** Messages accepted (DATA completed). */
  count(): number;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(
  options: { port?: number; parse?: boolean; rejectRecipient?: (address: string) => boolean } = {},
): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let accepted = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    // smtp-server's built-in certificate has expired: no STARTTLS on the test server.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // Do not wait 30 s for pooled client connections when closing.
    closeTimeout: 500,
    size: 20 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error(`<${address.address}>: mailbox unavailable`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const done = () => {
        accepted++;
        for (const wake of waiters.splice(0)) wake();
        callback();
      };
      if (options.parse) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            done();
          })
          .catch((error: Error) => callback(error));
      } else {
        stream.on('data', () => undefined);
        stream.on('end', done);
      }
    },
  });
  await listenSink(server, options.port ?? 0);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    count: () => accepted,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} messages, got ${accepted}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Socket errors that only say the sending side went away. */
const SENDER_GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * Listens on 127.0.0.1; a failure to listen rejects. From then on a sender that vanished in the
 * middle of a conversation (a process killed, a pool torn down) is let go, as a mail server would:
 * smtp-server reports the reset connection as an 'error' on the server, which would otherwise be
 * an uncaught exception. Any other error still throws.
 */
export function listenSink(server: SMTPServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let listening = false;
    server.on('error', (err: NodeJS.ErrnoException) => {
      if (!listening) reject(err);
      else if (!SENDER_GONE.has(err.code ?? '')) throw err;
    });
    server.listen(port, '127.0.0.1', () => {
      listening = true;
      resolve();
    });
  });
}
