import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Notifications } from '../db/notifications';
import { metrics } from '../ops/metrics';

/**
 * The one claim loop every background worker runs (timers, outbox, retention). Several worker
 * processes share one PostgreSQL and coordinate only through it:
 *
 * 1. claim a batch of due items in one short transaction (FOR UPDATE SKIP LOCKED), counting the
 *    attempt and setting a lease: `claimed_by` this loop, until `now + leaseMs`. A claimed item is
 *    not due again before its lease ends, so a worker that dies leaves its claims to the others;
 * 2. process each item in its own transaction (the source's `process`), which checks the item is
 *    still its own, so a worker that comes back after its lease ran out does nothing twice; while
 *    a round runs, its claims are renewed every third of the lease, so slow work (a mail server
 *    that takes its time) is not taken over, and sent twice, by another worker;
 * 3. on failure, record the attempt with exponential backoff and jitter, or fail it for good after
 *    its attempts (or at once when the error is permanent);
 * 4. when nothing is due, sleep until the earliest next due time (capped at `maxSleepMs`), or
 *    until a NOTIFY on the source's channel says new work was committed.
 */

/** A claimed item: its id and the attempts counted so far, this claim included. */
export interface Claimed {
  id: string;
  attempts: number;
  /** The item was claimed after another worker's lease ran out. */
  takenOver?: boolean;
}

export interface Lease {
  /** This loop's identity in `claimed_by`. */
  workerId: string;
  /** The lease of a claim made now. */
  until(now: Date): Date;
}

/**
 * What became of an item: 'done' (finished and recorded), 'record' (finished; `finish` records
 * the round's at once), 'busy' (not possible now, released for a short while; not a failure),
 * 'gone' (nothing to do: cancelled, or another worker took it over).
 */
export type ItemOutcome = 'done' | 'record' | 'busy' | 'gone';

export interface Failure {
  now: Date;
  error: string;
  /** null: failed for good. */
  retryAt: Date | null;
  /** The error will be the same next time (e.g. a 5xx SMTP reply), not just out of attempts. */
  permanent: boolean;
}

/** One kind of job: how it is claimed, processed and recorded. */
export interface ClaimSource<T extends Claimed> {
  /** The worker's name in logs and metric labels. */
  name: string;
  /** The NOTIFY channel its writers signal on commit, if any. */
  channel?: string;
  claim(now: Date, limit: number, lease: Lease): Promise<T[]>;
  process(item: T, lease: Lease): Promise<ItemOutcome>;
  /** Records a failed attempt, only while the item is still this loop's. */
  fail(item: T, failure: Failure, lease: Lease): Promise<void>;
  /**
   * Moves the lease of the items still claimed by this loop to `lease.until(now)`; an item
   * finished, or taken over meanwhile, is left alone.
   */
  renew?(ids: string[], lease: Lease, now: Date): Promise<void>;
  /** Records the items a round finished with outcome 'record' (one statement for all). */
  finish?(items: T[], now: Date): Promise<void>;
  /** The earliest time an item becomes claimable (null: none waiting). */
  nextDueAt(now: Date): Promise<Date | null>;
  maxAttempts(item: T): number;
  /** The error's text and whether retrying is pointless. */
  classify?(error: unknown): { message: string; permanent: boolean };
}

export interface ClaimLoopOptions {
  logger: Logger;
  clock: () => Date;
  notifications?: Notifications;
  /** Items claimed per round. */
  batchSize?: number;
  /** Process a round's items side by side (I/O-bound work) or one after another. */
  parallel?: boolean;
  leaseMs?: number;
  /** How often a round renews its claims' lease (default: a third of the lease). */
  renewMs?: number;
  /** First retry delay; doubles per attempt, with jitter, up to backoffMaxMs. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The longest sleep when nothing is due and no notification comes. */
  maxSleepMs?: number;
  /** Wait this long before the first round. */
  startDelayMs?: number;
  /** Random source for the jitter (tests pin it). */
  random?: () => number;
  /** How long to keep trying to record an outcome while the database is away. */
  recordRetryMs?: number;
  /** false: no background loop, only drain() (tests, tools). Default true. */
  loop?: boolean;
  workerId?: string;
}

export interface ClaimLoop {
  readonly lease: Lease;
  /** Runs rounds until a round claims nothing; returns the items handled. */
  drain(): Promise<number>;
  /** Wakes the loop now instead of at its next due time. */
  wake(): void;
  stop(): Promise<void>;
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

function defaultClassify(error: unknown): { message: string; permanent: boolean } {
  const e = error as { permanent?: boolean; message?: string } | null;
  const message = error instanceof Error ? error.message : String(error);
  return { message, permanent: e?.permanent === true };
}

// A sleep shorter than this is rounded up: a due time a hair away is not worth a busy loop.
const MIN_SLEEP_MS = 10;

export function startClaimLoop<T extends Claimed>(
  source: ClaimSource<T>,
  options: ClaimLoopOptions,
): ClaimLoop {
  const { logger, clock } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 10_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
  const maxSleepMs = options.maxSleepMs ?? 10_000;
  const random = options.random ?? Math.random;
  const recordRetryMs = options.recordRetryMs ?? leaseMs / 2;
  const renewMs = options.renewMs ?? leaseMs / 3;
  const classify = source.classify ?? defaultClassify;
  const worker = source.name;
  const lease: Lease = {
    workerId: options.workerId ?? `${worker}:${process.pid}:${randomUUID().slice(0, 8)}`,
    until: (now) => new Date(now.getTime() + leaseMs),
  };

  let running = true;
  let woken = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: ((reason: string) => void) | null = null;
  let current: Promise<unknown> = Promise.resolve();

  function wake(reason = 'notify'): void {
    woken = true;
    if (timer) clearTimeout(timer);
    wakeUp?.(reason);
  }

  /**
   * Writes an outcome, retrying while the database is away (for at most recordRetryMs, and not
   * once the loop is stopping): the work was done, only its record is missing.
   */
  async function record(what: string, write: () => Promise<void>): Promise<void> {
    const giveUpAt = Date.now() + recordRetryMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        if (attempt > 1) logger.info({ worker, what, attempt }, 'outcome recorded after retries');
        return;
      } catch (error) {
        const delay = Math.min(5_000, 100 * 2 ** (attempt - 1));
        if (!running || Date.now() + delay > giveUpAt) throw error;
        logger.warn({ err: error, worker, what, attempt }, 'could not record an outcome; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function processOne(item: T): Promise<ItemOutcome | 'failed'> {
    if (item.takenOver) {
      metrics.workerTakeovers.inc({ worker });
      logger.warn({ worker, id: item.id, attempt: item.attempts }, 'took over an expired lease');
    }
    try {
      const outcome = await source.process(item, lease);
      metrics.workerItems.inc({ worker, result: outcome === 'record' ? 'done' : outcome });
      return outcome;
    } catch (error) {
      const { message, permanent } = classify(error);
      const now = clock();
      const exhausted = item.attempts >= source.maxAttempts(item);
      const retryAt =
        permanent || exhausted
          ? null
          : new Date(
              now.getTime() + backoffDelay(item.attempts, backoffBaseMs, backoffMaxMs, random),
            );
      logger.warn(
        { worker, id: item.id, attempt: item.attempts, permanent, retryAt, err: message },
        retryAt ? 'job failed, will retry' : 'job failed for good',
      );
      metrics.workerItems.inc({ worker, result: retryAt ? 'retry' : 'failed' });
      await record('failed attempt', () =>
        source.fail(item, { now, error: message, retryAt, permanent }, lease),
      );
      return 'failed';
    }
  }

  /** One claim-and-process round; returns the number of items claimed. */
  async function round(): Promise<number> {
    const items = await source.claim(clock(), batchSize, lease);
    if (items.length === 0) return 0;
    const stopRenewing = keepClaims(items.map((item) => item.id));
    try {
      const outcomes: (ItemOutcome | 'failed')[] = [];
      if (options.parallel) outcomes.push(...(await Promise.all(items.map(processOne))));
      else for (const item of items) outcomes.push(await processOne(item));
      const finished = items.filter((_, i) => outcomes[i] === 'record');
      if (finished.length > 0 && source.finish) {
        const finish = source.finish.bind(source);
        await record('done', () => finish(finished, clock()));
      }
    } finally {
      stopRenewing();
    }
    return items.length;
  }

  /** Renews the round's claims until it ends; returns the stop. */
  function keepClaims(ids: string[]): () => void {
    if (!source.renew) return () => {};
    const renew = source.renew.bind(source);
    const interval = setInterval(() => {
      renew(ids, lease, clock()).catch((error: unknown) =>
        logger.warn({ err: error, worker }, 'could not renew the lease of its claims'),
      );
    }, renewMs);
    interval.unref();
    return () => clearInterval(interval);
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await round();
      total += n;
      if (n === 0) return total;
    }
  }

  /** How long to sleep: until the next due item, at most maxSleepMs. */
  async function sleepMs(): Promise<{ ms: number; reason: string }> {
    try {
      const next = await source.nextDueAt(clock());
      if (next) {
        const ms = next.getTime() - clock().getTime();
        if (ms < maxSleepMs) return { ms: Math.max(MIN_SLEEP_MS, ms + 1), reason: 'due' };
      }
    } catch (error) {
      logger.warn({ err: error, worker }, 'could not read the next due time');
    }
    return { ms: maxSleepMs, reason: 'poll' };
  }

  async function loop(): Promise<void> {
    if (options.startDelayMs) {
      await new Promise<void>((resolve) => {
        wakeUp = () => resolve();
        timer = setTimeout(resolve, options.startDelayMs);
      });
    }
    while (running) {
      let handled = 0;
      try {
        woken = false;
        const work = round();
        current = work;
        handled = await work;
      } catch (error) {
        logger.error({ err: error, worker }, 'worker round failed');
      }
      // Busy: go again at once. Woken while the round ran: go again too (its claim may have
      // missed what was just committed).
      if (handled > 0 || !running) continue;
      if (woken) {
        woken = false;
        continue;
      }
      const { ms, reason } = await sleepMs();
      if (!running || woken) continue;
      const why = await new Promise<string>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(() => resolve(reason), ms);
      });
      wakeUp = null;
      metrics.workerWakeups.inc({ worker, reason: why });
    }
  }

  const looping = options.loop !== false;
  const loopDone = looping ? loop() : Promise.resolve();

  let unlisten: Promise<(() => Promise<void>) | null> = Promise.resolve(null);
  if (looping && source.channel && options.notifications) {
    unlisten = options.notifications
      .listen(source.channel, () => wake('notify'))
      .catch((error: unknown) => {
        logger.warn({ err: error, worker }, 'cannot listen for notifications; the worker polls');
        return null;
      });
  }

  return {
    lease,
    drain,
    wake: () => wake('notify'),
    async stop() {
      running = false;
      await (await unlisten)?.();
      if (timer) clearTimeout(timer);
      wakeUp?.('stop');
      await loopDone;
      await current.catch(() => undefined);
    },
  };
}
