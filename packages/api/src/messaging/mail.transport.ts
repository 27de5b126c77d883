import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SendMailOptions, Transporter } from 'nodemailer';

/** What the outbox worker needs from a mail transport. */
export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export interface SmtpOptions {
  /** Parallel SMTP connections of the pool (nodemailer default 5). */
  maxConnections?: number;
  /** Messages per connection before it is renewed. */
  maxMessages?: number;
  /** Do not upgrade with STARTTLS (local sinks and test servers only). */
  ignoreTLS?: boolean;
  connectionTimeoutMs?: number;
}

/**
 * nodemailer's transporter, made on the first message: loading nodemailer took 50 to 90 ms
 * of every start, and a process may run a long time before it sends anything.
 */
function lazyTransporter(options: object): { get(): Promise<Transporter>; close(): void } {
  let made: Promise<Transporter> | null = null;
  let closed = false;
  return {
    get() {
      made ??= import('nodemailer').then(({ default: nodemailer }) => {
        const transporter = nodemailer.createTransport(options);
        if (closed) transporter.close();
        return transporter;
      });
      return made;
    },
    close() {
      closed = true;
      void made?.then((transporter) => transporter.close());
    },
  };
}

/**
 * A pooled SMTP transport. Options can also come as query parameters of SMTP_URL
 * (smtp://host:25?maxConnections=10&ignoreTLS=true). nodemailer never retries: the outbox does.
 */
export function createSmtpTransport(url: string, options: SmtpOptions = {}): MailTransport {
  const transporter = lazyTransporter({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 1000,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: 60_000,
    ...(options.ignoreTLS ? { ignoreTLS: true } : {}),
  });
  return {
    kind: 'smtp',
    async send(message) {
      await (await transporter.get()).sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}

/** File name of a message: its Message-ID, so a re-sent duplicate overwrites itself. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`;
}

/** Development transport: each message becomes a .eml file in `dir`. */
export function createFileTransport(dir: string): MailTransport {
  const transporter = lazyTransporter({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    kind: 'file',
    async send(message) {
      const info = await (await transporter.get()).sendMail(message);
      const raw = info.message as Buffer;
      await mkdir(dir, { recursive: true });
      const name = emlFileName(String(message.messageId ?? info.messageId));
      // Write then rename would be atomic; a half-written file is harmless here (dev only).
      await writeFile(join(dir, name), raw);
    },
    close() {
      transporter.close();
    },
  };
}

/** SMTP_URL set: pooled SMTP; unset: .eml files in MAIL_DIR (DATA_DIR/mail). */
export function createMailTransport(
  config: { smtpUrl?: string; mailDir: string },
  options: SmtpOptions = {},
): MailTransport {
  return config.smtpUrl
    ? createSmtpTransport(config.smtpUrl, options)
    : createFileTransport(config.mailDir);
}
