import type { AppDeps } from '../context';
import {
  type ClaimLoop,
  type ClaimLoopOptions,
  type ClaimSource,
  startClaimLoop,
} from '../workers/claim-loop';
import {
  type ClaimedRun,
  claimScheduledJob,
  failScheduledJob,
  finishScheduledJob,
  nextScheduledAt,
  renewScheduledJob,
} from '../workers/scheduled-jobs.repository';
import { runRetention } from './retention.job';

/** The retention job's row in scheduled_jobs (0032_claim_loop.sql). */
export const RETENTION_JOB = 'retention';

export interface RetentionWorkerOptions
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

/**
 * The retention job as a claim-loop source: one run per interval for the whole installation,
 * claimed by one worker under a lease; a failed run is tried again with growing backoff (never
 * given up: it is the law's deadline). Inside a run every draft has its own transaction under
 * FOR UPDATE SKIP LOCKED, so a run that is taken over after a crash never warns twice.
 */
export function retentionSource(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  intervalMs: number,
): ClaimSource<ClaimedRun> {
  const { db, clock } = deps;
  return {
    name: 'retention',
    claim: (now, _limit, lease) =>
      claimScheduledJob(db, RETENTION_JOB, {
        now,
        workerId: lease.workerId,
        leaseUntil: lease.until(now),
      }),
    renew: (_ids, lease, now) =>
      renewScheduledJob(db, RETENTION_JOB, {
        workerId: lease.workerId,
        leaseUntil: lease.until(now),
      }),
    async process(_run, lease) {
      const result = await runRetention(deps, {
        draftDays: deps.config.retentionDraftDays,
        warningDays: deps.config.retentionWarningDays,
        unconfirmedDays: deps.config.retentionUnconfirmedDays,
      });
      deps.logger.info(
        {
          warned: result.warned,
          deleted: result.deleted,
          references: result.deletedReferences,
          accountsDeleted: result.accountsDeleted,
        },
        'retention pass',
      );
      const now = clock();
      const ours = await finishScheduledJob(db, RETENTION_JOB, {
        now,
        workerId: lease.workerId,
        nextRunAt: new Date(now.getTime() + intervalMs),
      });
      return ours ? 'done' : 'gone';
    },
    async fail(_run, failure, lease) {
      await failScheduledJob(db, RETENTION_JOB, {
        workerId: lease.workerId,
        error: failure.error,
        retryAt: failure.retryAt ?? new Date(failure.now.getTime() + intervalMs),
      });
    },
    nextDueAt: () => nextScheduledAt(db, RETENTION_JOB),
    maxAttempts: () => Number.POSITIVE_INFINITY,
  };
}

/**
 * Runs the retention job on the shared claim loop: asleep until the job's next run (or the
 * retry of a failed one), then one worker of the installation claims it. What it warned and
 * deleted is counted in the log and the metrics.
 */
export function startRetentionWorker(
  deps: AppDeps,
  options: RetentionWorkerOptions = {},
): ClaimLoop | { stop(): Promise<void> } {
  if (deps.config.retentionDraftDays <= 0) {
    deps.logger.info('retention off (RETENTION_DRAFT_DAYS=0)');
    return { async stop() {} };
  }
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  return startClaimLoop(retentionSource(deps, intervalMs), {
    logger: deps.logger,
    clock: deps.clock,
    batchSize: 1,
    leaseMs: options.leaseMs ?? 15 * 60_000,
    backoffBaseMs: options.backoffBaseMs ?? 60_000,
    backoffMaxMs: options.backoffMaxMs ?? intervalMs,
    maxSleepMs: options.maxSleepMs ?? 60_000,
    random: options.random,
    startDelayMs: options.firstRunMs ?? 30_000,
    loop: options.loop,
  });
}
