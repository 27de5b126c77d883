import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';

/**
 * The mails the outbox worker wrote as .eml files (no SMTP_URL), parsed as a mail client would:
 * headers decoded, text and attachments apart. For tests that check what a resident receives.
 */
export async function readMailDir(dir: string): Promise<ParsedMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .map(async (n) => simpleParser(await readFile(join(dir, n)))),
  );
}

/** Waits (up to `timeoutMs`) until a mail the predicate accepts has been written. */
export async function waitForMail(
  dir: string,
  accept: (mail: ParsedMail) => boolean,
  timeoutMs = 30_000,
): Promise<ParsedMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const hit = (await readMailDir(dir)).find(accept);
    if (hit) return hit;
    if (Date.now() > until) throw new Error(`no such mail in ${dir} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
