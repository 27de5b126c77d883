import type { AppDeps } from '../context';
import type { ClaimLoop, ClaimSource } from '../workers/claim-loop';
import {
  type ScheduledJob,
  type ScheduledJobOptions,
  scheduledJobSource,
  startScheduledJob,
} from '../workers/scheduled-job';
import type { ClaimedRun } from '../workers/scheduled-jobs.repository';
import { purgeRemovedFiles } from './removed-files';
import { runRetention } from './retention.job';

/** The retention job's row in scheduled_jobs (0032_claim_loop.sql). */
export const RETENTION_JOB = 'retention';

export type RetentionWorkerOptions = ScheduledJobOptions;

/**
 * The retention job: one run per interval for the whole installation (never given up: it is the
 * law's deadline). Inside a run every draft has its own transaction under FOR UPDATE SKIP
 * LOCKED, so a run that is taken over after a crash never warns twice. It also deletes the
 * contents of files taken out of an application RETENTION_REMOVED_FILES_DAYS ago
 * (removed-files.ts), one application per transaction in the same way.
 */
function retentionJob(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  intervalMs: number,
): ScheduledJob {
  return {
    name: RETENTION_JOB,
    intervalMs,
    async run() {
      const result = await runRetention(deps, {
        draftDays: deps.config.retentionDraftDays,
        warningDays: deps.config.retentionWarningDays,
        unconfirmedDays: deps.config.retentionUnconfirmedDays,
      });
      const purged = await purgeRemovedFiles(deps.db, deps.clock(), {
        days: deps.config.retentionRemovedFilesDays,
        batchSize: 100,
      });
      deps.logger.info(
        {
          warned: result.warned,
          deleted: result.deleted,
          references: result.deletedReferences,
          accountsDeleted: result.accountsDeleted,
          filesPurged: purged.files,
          bytesPurged: purged.bytes,
          filesPurgedOf: purged.references,
        },
        'retention pass',
      );
    },
  };
}

/** The retention job as a claim-loop source (tests drive it with their own loop). */
export function retentionSource(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  intervalMs: number,
): ClaimSource<ClaimedRun> {
  return scheduledJobSource(deps, retentionJob(deps, intervalMs));
}

/** Runs the retention job on the shared claim loop; what it warned and deleted is logged. */
export function startRetentionWorker(
  deps: AppDeps,
  options: RetentionWorkerOptions = {},
): ClaimLoop | { stop(): Promise<void> } {
  if (deps.config.retentionDraftDays <= 0 && deps.config.retentionRemovedFilesDays <= 0) {
    deps.logger.info('retention off (RETENTION_DRAFT_DAYS=0, RETENTION_REMOVED_FILES_DAYS=0)');
    return { async stop() {} };
  }
  return startScheduledJob(deps, retentionJob(deps, options.intervalMs ?? 60 * 60_000), options);
}
