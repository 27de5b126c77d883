/**
 * A mail as its addressee got it, read from the mail drop the test server's outbox worker
 * writes (no SMTP in tests). For mails with a one-time link or code: the outbox keeps no working
 * copy once the mail is sent, so a test reads what the person read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestServer } from './server';

/** Quoted-printable undone: soft line breaks joined, then =XX decoded (UTF-8). */
function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1))?.[0] : undefined;
    if (hex) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The decoded text of the first mail to `email` in which `pattern` matches, with the match;
 * waits up to 30 s for the worker to write it.
 */
export async function mailedTo(
  server: TestServer,
  email: string,
  pattern: RegExp,
): Promise<{ text: string; match: RegExpExecArray }> {
  const dir = server.deps.config.mailDir;
  for (let i = 0; i < 60; i++) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.eml'))) {
      const text = decoded(await readFile(join(dir, name), 'utf8'));
      const to = /^To: (.*)$/m.exec(text)?.[1] ?? '';
      const match = to.includes(email) ? pattern.exec(text) : null;
      if (match) return { text, match };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail to ${email} matching ${pattern} in ${dir}`);
}
