/**
 * A periodic job of the whole installation (retention, deadlines) as a claim-loop source: one
 * run per interval, claimed by one worker under a lease (scheduled_jobs); a failed run is tried
 * again with growing backoff, never given up.
 */
import type { AppDeps } from '../context';
import {
  type ClaimLoop,
  type ClaimLoopOptions,
  type ClaimSource,
  startClaimLoop,
} from './claim-loop';
import {
  type ClaimedRun,
  claimScheduledJob,
  failScheduledJob,
  finishScheduledJob,
  nextScheduledAt,
  renewScheduledJob,
} from './scheduled-jobs.repository';

export interface ScheduledJobOptions
  extends Partial<
    Pick<ClaimLoopOptions, 'leaseMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxSleepMs' | 'random'>
  > {
  /** Time between two runs of the installation (not of each process); default an hour. */
  intervalMs?: number;
  /** This process's first look for a due run, after start-up has settled. */
  firstRunMs?: number;
  /** false: no background loop, only drain() (tests). */
  loop?: boolean;
}

/** The job's row in scheduled_jobs, and one run of it (which must be safe to take over). */
export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

export function scheduledJobSource(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  job: ScheduledJob,
): ClaimSource<ClaimedRun> {
  const { db, clock } = deps;
  return {
    name: job.name,
    claim: (now, _limit, lease) =>
      claimScheduledJob(db, job.name, {
        now,
        workerId: lease.workerId,
        leaseUntil: lease.until(now),
      }),
    renew: (_ids, lease, now) =>
      renewScheduledJob(db, job.name, {
        workerId: lease.workerId,
        leaseUntil: lease.until(now),
      }),
    async process(_run, lease) {
      await job.run();
      const now = clock();
      const ours = await finishScheduledJob(db, job.name, {
        now,
        workerId: lease.workerId,
        nextRunAt: new Date(now.getTime() + job.intervalMs),
      });
      return ours ? 'done' : 'gone';
    },
    async fail(_run, failure, lease) {
      await failScheduledJob(db, job.name, {
        workerId: lease.workerId,
        error: failure.error,
        retryAt: failure.retryAt ?? new Date(failure.now.getTime() + job.intervalMs),
      });
    },
    nextDueAt: () => nextScheduledAt(db, job.name),
    maxAttempts: () => Number.POSITIVE_INFINITY,
  };
}

/**
 * Runs a scheduled job on the shared claim loop: asleep until its next run (or the retry of a
 * failed one), then one worker of the installation claims it.
 */
export function startScheduledJob(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>,
  job: ScheduledJob,
  options: ScheduledJobOptions = {},
): ClaimLoop {
  return startClaimLoop(scheduledJobSource(deps, job), {
    logger: deps.logger,
    clock: deps.clock,
    batchSize: 1,
    leaseMs: options.leaseMs ?? 15 * 60_000,
    backoffBaseMs: options.backoffBaseMs ?? 60_000,
    backoffMaxMs: options.backoffMaxMs ?? job.intervalMs,
    maxSleepMs: options.maxSleepMs ?? 60_000,
    random: options.random,
    startDelayMs: options.firstRunMs ?? 30_000,
    loop: options.loop,
  });
}
