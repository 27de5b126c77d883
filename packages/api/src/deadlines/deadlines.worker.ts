import type { AppDeps } from '../context';
import type { ClaimLoop } from '../workers/claim-loop';
import { type ScheduledJobOptions, startScheduledJob } from '../workers/scheduled-job';
import { recomputeDeadlines } from './deadlines.job';

/** The deadlines job's row in scheduled_jobs (0041_next_deadline.sql). */
export const DEADLINES_JOB = 'deadlines';

/**
 * Runs the deadlines job once an hour for the whole installation: the lists sorted by deadline
 * are right from the first hour of the day on which a deadline passed.
 */
export function startDeadlinesWorker(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>,
  options: ScheduledJobOptions = {},
): ClaimLoop {
  return startScheduledJob(
    deps,
    {
      name: DEADLINES_JOB,
      intervalMs: options.intervalMs ?? 60 * 60_000,
      async run() {
        const { recomputed } = await recomputeDeadlines(deps.db, deps.clock());
        if (recomputed > 0) deps.logger.info({ recomputed }, 'deadlines recomputed');
      },
    },
    options,
  );
}
