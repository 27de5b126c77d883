import type { AppDeps } from '../context';
import type { ClaimLoop } from '../workers/claim-loop';
import { type ScheduledJobOptions, startScheduledJob } from '../workers/scheduled-job';
import { remindBeforeClosing } from './closing-reminder.job';

/** The reminder job's row in scheduled_jobs (0055_closing_reminders.sql). */
export const CLOSING_REMINDER_JOB = 'closing_reminders';

/**
 * Runs the reminder job once an hour for the whole installation: a draft reaches the reminder
 * window on a day, and its resident hears it within the hour.
 */
export function startClosingReminderWorker(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  options: ScheduledJobOptions = {},
): ClaimLoop | { stop(): Promise<void> } {
  const days = deps.config.closingReminderDays;
  if (days <= 0) {
    deps.logger.info('reminders before a regulation closes off (CLOSING_REMINDER_DAYS=0)');
    return { async stop() {} };
  }
  return startScheduledJob(
    deps,
    {
      name: CLOSING_REMINDER_JOB,
      intervalMs: options.intervalMs ?? 60 * 60_000,
      async run() {
        const reminded = await remindBeforeClosing(deps.db, deps.clock(), { days });
        if (reminded > 0) deps.logger.info({ reminded }, 'drafts reminded before closing');
      },
    },
    options,
  );
}
