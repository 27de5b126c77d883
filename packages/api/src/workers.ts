import type { AppDeps } from './context';
import { startDeadlinesWorker } from './deadlines/deadlines.worker';
import { startOutboxWorker } from './messaging/outbox.worker';
import { startClosingReminderWorker } from './reminders/closing-reminder.worker';
import { startRetentionWorker } from './retention/retention.worker';
import { startTimerWorker } from './timers/timer.worker';

/** A background loop; stop() resolves when its current job has finished. */
export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Starts every background worker. Add yours here:
 * `workers.push({ name: 'timers', worker: startTimerWorker(deps) })`.
 */
export function startWorkers(deps: AppDeps): RunningWorker {
  const workers: { name: string; worker: RunningWorker }[] = [];
  workers.push({ name: 'timers', worker: startTimerWorker(deps) });
  workers.push({ name: 'outbox', worker: startOutboxWorker(deps) });
  workers.push({ name: 'retention', worker: startRetentionWorker(deps) });
  workers.push({ name: 'deadlines', worker: startDeadlinesWorker(deps) });
  workers.push({ name: 'closing reminders', worker: startClosingReminderWorker(deps) });
  if (workers.length > 0) {
    deps.logger.info({ workers: workers.map((w) => w.name) }, 'workers started');
  }
  return {
    async stop() {
      const results = await Promise.allSettled(
        workers.map(async ({ name, worker }) => {
          const started = performance.now();
          await worker.stop();
          deps.logger.info(
            { worker: name, durationMs: Math.round(performance.now() - started) },
            'worker stopped',
          );
        }),
      );
      results.forEach((result, i) => {
        if (result.status === 'rejected') {
          deps.logger.error(
            { err: result.reason, worker: workers[i]!.name },
            'worker did not stop cleanly',
          );
        }
      });
    },
  };
}
