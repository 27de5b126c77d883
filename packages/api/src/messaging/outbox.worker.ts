import { createHash } from 'node:crypto';
import type { AppDeps } from '../context';
import { applicationsWithLogin, finishedLetter } from '../letters/letter.links';
import type { LetterContent } from '../letters/letter.types';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { metrics } from '../ops/metrics';
import { type ClaimSource, startClaimLoop } from '../workers/claim-loop';
import { handleBounce } from './bounce.service';
import { composeMail } from './mail.compose';
import { mailSenderForRow } from './mail.sender.pinned';
import { createMailTransport, type MailTransport } from './mail.transport';
import {
  type ClaimedJob,
  claimDueJobs,
  findDocument,
  markAttemptFailed,
  markDone,
  nextJobAt,
  renewJobLeases,
  storeRenderedPdf,
} from './messaging.repository';
import { type MessagingSettings, messagingSettings } from './messaging.settings';
import type { OutboxRow } from './messaging.table';

export interface OutboxWorkerOptions {
  /** Rows claimed per transaction. */
  batchSize?: number;
  /**
   * The longest idle sleep: the loop sleeps until the next due job, or until the outbox's NOTIFY,
   * and at most this long.
   */
  pollMs?: number;
  /** Claim lease; a crashed worker's rows are taken again after it. */
  leaseMs?: number;
  /** How often a round renews its claims (default: a third of the lease). */
  renewMs?: number;
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

export { backoffDelay } from '../workers/claim-loop';

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
  const pollMs = options.pollMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 30_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
  const random = options.random ?? Math.random;
  const recordRetryMs = options.recordRetryMs ?? leaseMs / 2;
  const ownTransport = !options.transport;
  const transport = options.transport ?? createMailTransport(deps.config);
  let pool: RenderPool | null = options.renderPool ?? null;
  const ownPool = !options.renderPool;

  async function processRender(row: OutboxRow): Promise<void> {
    const document = row.document_id ? await findDocument(db, row.document_id) : undefined;
    if (!document) throw Object.assign(new Error('document not found'), { permanent: true });
    if (document.sha256 === null) {
      pool ??= createRenderPool({ size: settings.renderThreads });
      // A resident who cannot log in gets where to call instead of a web address (letter.links).
      const withLogin = await applicationsWithLogin(db, [document.application_id]);
      const finished = finishedLetter(
        { ...document, content: document.content as LetterContent },
        settings.publicUrl,
        withLogin.has(document.application_id),
      );
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
      sender: await mailSenderForRow(db, row),
      publicUrl: settings.publicUrl,
      staffMailbox: settings.staffMailbox,
      attachLetters: settings.attachLetters,
    });
    await transport.send(message);
  }

  const source: ClaimSource<ClaimedJob> = {
    name: 'outbox',
    channel: 'outbox',
    claim: (now, limit, lease) =>
      claimDueJobs(db, { now, limit, leaseMs, workerId: lease.workerId }),
    renew: (ids, lease, now) =>
      renewJobLeases(db, ids, { workerId: lease.workerId, leaseUntil: lease.until(now) }),
    async process(row) {
      if (row.kind === 'render') {
        await processRender(row);
        // Record a letter at once: mails waiting for it become due.
        await markDone(db, [row.id], clock());
        return 'done';
      }
      await processMail(row);
      metrics.outboxSent.inc({ kind: row.kind, result: 'sent' });
      // Sent mails are recorded for the whole round at once.
      return 'record';
    },
    async fail(row, failure, lease) {
      metrics.outboxSent.inc({
        kind: row.kind,
        result: failure.retryAt ? 'failed' : 'failed_for_good',
      });
      const outcome = { ...failure, workerId: lease.workerId };
      // A bounce (a permanent refusal) of the resident's mail: its letter, or the notice's own
      // words, go by post instead, or staff are told when there is no postal address; in the
      // transaction that records the failure (bounce.service.ts). Nothing when the claim was
      // lost: the worker that holds the row now records its own outcome.
      if (failure.permanent && row.kind === 'mail' && row.audience === 'applicant') {
        await db.transaction().execute(async (trx) => {
          if (!(await markAttemptFailed(trx, row.id, outcome))) return;
          const paper = await handleBounce(trx, row, failure.now);
          if (paper) logger.info({ outboxId: row.id, documentId: paper }, 'bounced mail to paper');
        });
        return;
      }
      await markAttemptFailed(db, row.id, outcome);
    },
    finish: (rows, now) =>
      markDone(
        db,
        rows.map((r) => r.id),
        now,
      ),
    nextDueAt: () => nextJobAt(db),
    maxAttempts: (row) => row.max_attempts,
    classify: describe,
  };

  // Woken by the outbox's insert trigger (0007_outbox_notify.sql) the moment a command commits
  // a letter or a mail; otherwise asleep until the next due job (a retry, a lease running out).
  const loop = startClaimLoop(source, {
    logger,
    clock,
    notifications: deps.notifications,
    batchSize,
    parallel: true,
    leaseMs,
    renewMs: options.renewMs,
    backoffBaseMs,
    backoffMaxMs,
    maxSleepMs: pollMs,
    random,
    recordRetryMs,
    loop: options.loop,
  });

  return {
    async stop() {
      await loop.stop();
      if (ownTransport) transport.close();
      if (ownPool && pool) await pool.close();
    },
    drain: loop.drain,
    wake: loop.wake,
  };
}
