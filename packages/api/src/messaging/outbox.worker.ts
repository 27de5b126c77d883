import { createHash } from 'node:crypto';
import type { AppDeps } from '../context';
import { withApplicationUrl } from '../letters/letter.content';
import type { LetterContent } from '../letters/letter.types';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { metrics } from '../ops/metrics';
import { composeMail } from './mail.compose';
import { createMailTransport, type MailTransport } from './mail.transport';
import {
  claimDueJobs,
  findDocument,
  markAttemptFailed,
  markDone,
  storeRenderedPdf,
} from './messaging.repository';
import { type MessagingSettings, messagingSettings } from './messaging.settings';
import type { OutboxRow } from './messaging.table';

export interface OutboxWorkerOptions {
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Idle wait between polls when there was nothing to do. */
  pollMs?: number;
  /** Claim lease; a crashed worker's rows are taken again after it. */
  leaseMs?: number;
  /** First retry delay; doubles per attempt, with jitter, up to backoffMaxMs. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Injected in tests and benchmarks; created from config otherwise (and closed on stop). */
  transport?: MailTransport;
  renderPool?: RenderPool;
  settings?: Partial<MessagingSettings>;
  /** Random source for the jitter (tests pin it). */
  random?: () => number;
  /** false: no background loop, only drain() (tests, benchmarks). Default true. */
  loop?: boolean;
  /**
   * How long to keep trying to record an outcome while the database is away (default: half
   * the lease). A mail that was sent is then recorded once PostgreSQL is back instead of being
   * sent again after the lease; a failed attempt is rescheduled instead of waiting out the lease.
   */
  recordRetryMs?: number;
}

export interface OutboxWorker {
  stop(): Promise<void>;
  /** Runs claim-and-process rounds until nothing is due (tests, tools). Returns jobs handled. */
  drain(): Promise<number>;
  /** Wakes the loop now instead of at the next poll. */
  wake(): void;
}

/** Exponential backoff with full jitter on the upper half: [d/2, d], d = base * 2^(n-1). */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

interface SendError {
  message: string;
  permanent: boolean;
}

function describe(error: unknown): SendError {
  if (error instanceof Error) {
    const e = error as Error & { permanent?: boolean; responseCode?: number; response?: string };
    // A 5xx reply (not 503) will be the same next time: fail now instead of retrying.
    const permanent =
      e.permanent ??
      (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503);
    return { message: e.response ? `${e.message} (${e.response})` : e.message, permanent };
  }
  return { message: String(error), permanent: false };
}

/**
 * The outbox worker: claims due jobs with FOR UPDATE SKIP LOCKED in short transactions,
 * renders letters in worker threads and sends mails, records each outcome, retries with
 * exponential backoff and jitter, and marks a job failed after its max_attempts. Delivery is
 * at least once: a crash between sending and recording re-sends with the same Message-ID.
 */
export function startOutboxWorker(deps: AppDeps, options: OutboxWorkerOptions = {}): OutboxWorker {
  const { db, logger, clock } = deps;
  const settings = { ...messagingSettings(deps.config), ...options.settings };
  const batchSize = options.batchSize ?? 50;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 30_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
  const random = options.random ?? Math.random;
  const recordRetryMs = options.recordRetryMs ?? leaseMs / 2;
  const ownTransport = !options.transport;
  const transport = options.transport ?? createMailTransport(deps.config);
  let pool: RenderPool | null = options.renderPool ?? null;
  const ownPool = !options.renderPool;

  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let current: Promise<unknown> = Promise.resolve();
  let woken = false;

  function wakeNow(): void {
    woken = true;
    if (timer) clearTimeout(timer);
    wakeUp?.();
  }

  async function processRender(row: OutboxRow): Promise<void> {
    const document = row.document_id ? await findDocument(db, row.document_id) : undefined;
    if (!document) throw Object.assign(new Error('document not found'), { permanent: true });
    if (document.sha256 === null) {
      pool ??= createRenderPool({ size: settings.renderThreads });
      const content = document.content as LetterContent;
      const url = `${settings.publicUrl}/aanvragen/${document.application_id}`;
      const finished: LetterContent = {
        ...content,
        paragraphs: content.paragraphs.map((p) => withApplicationUrl(p, url)),
        links: { html: `${settings.publicUrl}/api/documents/${document.id}?format=html` },
      };
      const pdf = await pool.render(finished);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await storeRenderedPdf(db, document.id, pdf, sha256, clock());
    }
  }

  async function processMail(row: OutboxRow): Promise<void> {
    let letter = null;
    if (row.document_id) {
      const document = await findDocument(db, row.document_id);
      if (document) {
        letter = {
          id: document.id,
          kind: document.kind,
          reference: document.reference,
          pdf: document.pdf,
        };
      }
    }
    const message = composeMail(row, letter, {
      from: settings.mailFrom,
      publicUrl: settings.publicUrl,
      staffMailbox: settings.staffMailbox,
      attachLetters: settings.attachLetters,
    });
    await transport.send(message);
  }

  /**
   * Writes an outcome, retrying while the database is away (for at most recordRetryMs, and
   * not once the worker is stopping): the job was done, only its record is missing.
   */
  async function record(what: string, write: () => Promise<void>): Promise<void> {
    const giveUpAt = Date.now() + recordRetryMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        if (attempt > 1) logger.info({ what, attempt }, 'outbox outcome recorded after retries');
        return;
      } catch (error) {
        const delay = Math.min(5_000, 100 * 2 ** (attempt - 1));
        if (!running || Date.now() + delay > giveUpAt) throw error;
        logger.warn({ err: error, what, attempt }, 'could not record an outbox outcome; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Runs one job; true when it succeeded (recorded for the whole round at once). */
  async function processOne(row: OutboxRow): Promise<boolean> {
    try {
      if (row.kind === 'render') {
        await processRender(row);
        // Record a letter at once: mails waiting for it become due.
        await markDone(db, [row.id], clock());
        return false;
      }
      await processMail(row);
      metrics.outboxSent.inc({ kind: row.kind, result: 'sent' });
      return true;
    } catch (error) {
      const { message, permanent } = describe(error);
      const exhausted = row.attempts >= row.max_attempts;
      const now = clock();
      const retryAt =
        permanent || exhausted
          ? null
          : new Date(
              now.getTime() + backoffDelay(row.attempts, backoffBaseMs, backoffMaxMs, random),
            );
      logger.warn(
        {
          outboxId: row.id,
          kind: row.kind,
          attempt: row.attempts,
          permanent,
          retryAt,
          err: message,
        },
        retryAt ? 'outbox job failed, will retry' : 'outbox job failed for good',
      );
      metrics.outboxSent.inc({ kind: row.kind, result: retryAt ? 'failed' : 'failed_for_good' });
      await record('failed attempt', () =>
        markAttemptFailed(db, row.id, { now, error: message, retryAt }),
      );
      return false;
    }
  }

  /** One claim-and-process round; returns the number of jobs handled. */
  async function round(): Promise<number> {
    const rows = await claimDueJobs(db, { now: clock(), limit: batchSize, leaseMs });
    if (rows.length === 0) return 0;
    const sent = await Promise.all(rows.map(processOne));
    const done = rows.filter((_, i) => sent[i]).map((row) => row.id);
    await record('sent', () => markDone(db, done, clock()));
    return rows.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await round();
      total += n;
      if (n === 0) return total;
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      let handled = 0;
      try {
        woken = false;
        const work = round();
        current = work;
        handled = await work;
      } catch (error) {
        logger.error({ err: error }, 'outbox round failed');
      }
      // Busy: go again at once (a finished letter may have released its mail). Woken while
      // the round ran: go again too (its claim may have missed what was just committed).
      if (handled > 0 || !running) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wakeUp = null;
    }
  }

  const loopDone = options.loop === false ? Promise.resolve() : loop();

  // Woken by the outbox's insert trigger (0007_outbox_notify.sql) the moment a command commits
  // a letter or a mail; the poll stays as the fallback when notifications are not there.
  let unlisten: Promise<(() => Promise<void>) | null> = Promise.resolve(null);
  if (options.loop !== false && deps.notifications) {
    unlisten = deps.notifications.listen('outbox', wakeNow).catch((error: unknown) => {
      logger.warn({ err: error }, 'outbox worker cannot listen for notifications; it polls');
      return null;
    });
  }

  return {
    async stop() {
      running = false;
      await (await unlisten)?.();
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loopDone;
      await current.catch(() => undefined);
      if (ownTransport) transport.close();
      if (ownPool && pool) await pool.close();
    },
    drain,
    wake: wakeNow,
  };
}
