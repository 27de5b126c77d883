import type { AppDeps } from '../context';
import { runRetention } from './retention.job';

/**
 * Runs the retention job shortly after start and then every `intervalMs` (default an hour).
 * What it warned and deleted is counted in the log. Safe with several workers: every draft is
 * handled in its own transaction under FOR UPDATE SKIP LOCKED.
 */
export function startRetentionWorker(
  deps: AppDeps,
  options: { intervalMs?: number; firstRunMs?: number } = {},
): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  const draftDays = deps.config.retentionDraftDays;
  const warningDays = deps.config.retentionWarningDays;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let handle: NodeJS.Timeout | undefined;

  const tick = () => {
    if (stopped) return;
    running = runRetention(deps, { draftDays, warningDays })
      .then((r) => {
        deps.logger.info(
          { warned: r.warned, deleted: r.deleted, references: r.deletedReferences },
          'retention pass',
        );
      })
      .catch((err) => deps.logger.error({ err }, 'retention pass failed'))
      .finally(() => {
        if (!stopped) handle = setTimeout(tick, intervalMs);
      });
  };
  if (draftDays > 0) handle = setTimeout(tick, options.firstRunMs ?? 30_000);
  else deps.logger.info('retention off (RETENTION_DRAFT_DAYS=0)');

  return {
    async stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
      await running;
    },
  };
}
