/**
 * Development: the .eml files the file transport writes when no SMTP_URL is set, listed and read
 * by staff (a mail carrying someone's one-time link is left out).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { PRIVATE_MAIL_HEADER } from './mail.compose';
import { security, staff } from './messaging.route-kit';

const MailFileSchema = z
  .object({
    name: z.string(),
    size: z.number().int(),
    modifiedAt: z.string(),
    subject: z.string().nullable(),
    language: z.enum(['nl', 'en']).nullable().openapi({
      description:
        'The language the mail was written in (its Content-Language), so a page in another language can mark its subject as such; null when the file does not say',
    }),
    to: z.string().nullable(),
    messageId: z.string().nullable(),
    href: z.string(),
  })
  .openapi('MailFile');

const listMailFilesRoute = createRoute({
  method: 'get',
  path: '/api/mail-files',
  tags: ['outbox'],
  summary: 'Development: the .eml files written when no SMTP_URL is set (staff), newest first',
  security,
  middleware: staff,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: {
      description: 'Mail files',
      content: {
        'application/json': {
          schema: z.object({ transport: z.enum(['smtp', 'file']), items: z.array(MailFileSchema) }),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const getMailFileRoute = createRoute({
  method: 'get',
  path: '/api/mail-files/{name}',
  tags: ['outbox'],
  summary: 'Development: one .eml file as message/rfc822 (staff)',
  security,
  middleware: staff,
  request: { params: z.object({ name: z.string() }) },
  responses: {
    200: { description: 'The raw message', content: { 'message/rfc822': { schema: z.string() } } },
    ...problemResponses(401, 403, 404),
  },
});

/** The mail's language as its Content-Language header says it: Dutch or English, else null. */
function languageOf(raw: string): 'nl' | 'en' | null {
  const value = header(raw, 'Content-Language')?.toLowerCase() ?? '';
  return value.startsWith('en') ? 'en' : value.startsWith('nl') ? 'nl' : null;
}

/** The first occurrence of a header in a raw message (unfolded; encoded words left as they are). */
function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match?.[1] ? match[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

function decodeWords(value: string | null): string | null {
  if (!value) return value;
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_m, h: string) =>
              String.fromCharCode(Number.parseInt(h, 16)),
            ),
          'latin1',
        ).toString('utf8'),
  );
}

export function registerMailFileRoutes(app: App, deps: AppDeps): void {
  const { config } = deps;

  app.openapi(listMailFilesRoute, async (c) => {
    const { limit } = c.req.valid('query');
    const transport = config.smtpUrl ? 'smtp' : 'file';
    let names: string[] = [];
    try {
      names = (await readdir(config.mailDir)).filter((n) => n.endsWith('.eml'));
    } catch {
      names = [];
    }
    const read = await Promise.all(
      names.map(async (name) => {
        const path = join(config.mailDir, name);
        const [info, raw] = await Promise.all([stat(path), readFile(path, 'utf8')]);
        // Someone's one-time link is not for staff to read.
        if (header(raw, PRIVATE_MAIL_HEADER)) return null;
        return {
          name,
          size: info.size,
          modifiedAt: info.mtime.toISOString(),
          subject: decodeWords(header(raw, 'Subject')),
          language: languageOf(raw),
          to: decodeWords(header(raw, 'To')),
          messageId: header(raw, 'Message-ID'),
          href: `/api/mail-files/${encodeURIComponent(name)}`,
        };
      }),
    );
    const files = read.filter((f) => f !== null);
    files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
    return c.json({ transport, items: files.slice(0, limit) }, 200);
  });

  app.openapi(getMailFileRoute, async (c) => {
    const { name } = c.req.valid('param');
    if (!/^[A-Za-z0-9._@-]+\.eml$/.test(name))
      throw new AppError('not_found', 'No such mail file.');
    let raw: Buffer;
    try {
      raw = await readFile(join(config.mailDir, name));
    } catch {
      throw new AppError('not_found', 'No such mail file.');
    }
    if (header(raw.toString('utf8'), PRIVATE_MAIL_HEADER))
      throw new AppError('not_found', 'No such mail file.');
    return c.body(new Uint8Array(raw), 200, {
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
}
