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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
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
