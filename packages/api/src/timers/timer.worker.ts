import { EngineError } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../applications/applications.access';
import { applyStep } from '../applications/applications.command';
import { findApplication } from '../applications/applications.repository';
import type { AppDeps } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { metrics } from '../ops/metrics';
import { findRegulation } from '../regulations/regulations.repository';
import { claimDueTimer, finishTimer, recordTimerAttempt } from './timers.repository';

const MAX_ATTEMPTS = 5;

type Outcome = 'fired' | 'cancelled' | 'skipped' | 'none';

/**
 * Fires one due timer, exactly once: the timer row is claimed with FOR UPDATE SKIP LOCKED and
 * marked fired in the same transaction as the step it causes. The application is locked with
 * SKIP LOCKED too, so a worker never waits on a user's command while holding a timer (which
 * could deadlock against that command cancelling the timer); it tries again on the next pass.
 */
async function fireOne(
  db: Kysely<DB>,
  now: Date,
  exclude: string[],
): Promise<{ outcome: Outcome; timerId?: string }> {
  let claimed: { id: string } | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const timer = await claimDueTimer(trx, now, exclude);
      if (!timer) return { outcome: 'none' as const };
      claimed = timer;
      const locked = await trx
        .selectFrom('applications')
        .select('id')
        .where('id', '=', timer.application_id)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!locked) return { outcome: 'skipped' as const, timerId: timer.id };
      const app = await findApplication(trx, timer.application_id);
      if (!app) throw new Error(`timer ${timer.id}: application missing`);
      const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
      const regulation = await findRegulation(trx, app.regulation_id);
      if (!regulation) throw new Error(`timer ${timer.id}: regulation missing`);
      try {
        await applyStep(trx, {
          app,
          definition,
          regulation,
          actor: SYSTEM_ACTOR,
          onBehalfOf: null,
          event: { type: timer.event },
          now,
        });
      } catch (err) {
        // The state no longer accepts this timer (it was left): nothing to do but retire it.
        // Engine refusals happen before any write, so the transaction is still clean.
        const refused =
          (err instanceof AppError && err.code === 'event_not_allowed') ||
          (err instanceof EngineError && err.code === 'event_not_allowed');
        if (!refused) throw err;
        await finishTimer(trx, timer.id, 'cancelled', now, 'state left before the timer fired');
        return { outcome: 'cancelled' as const, timerId: timer.id };
      }
      await finishTimer(trx, timer.id, 'fired', now);
      metrics.timerLateness.observe((now.getTime() - new Date(timer.due_at).getTime()) / 1000);
      return { outcome: 'fired' as const, timerId: timer.id };
    });
  } catch (err) {
    if (!claimed) throw err;
    await recordTimerAttempt(db, claimed.id, String(err), MAX_ATTEMPTS, now);
    return { outcome: 'skipped', timerId: claimed.id };
  }
}

/** One pass over the due timers; returns how many fired. Used by the worker and by tests. */
export async function runDueTimers(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { max?: number } = {},
): Promise<{ fired: number; cancelled: number; skipped: number }> {
  const max = options.max ?? 100;
  const exclude: string[] = [];
  const counts = { fired: 0, cancelled: 0, skipped: 0 };
  for (let i = 0; i < max; i++) {
    const { outcome, timerId } = await fireOne(deps.db, deps.clock(), exclude);
    if (outcome === 'none') break;
    counts[outcome]++;
    metrics.timersFired.inc({ outcome });
    if (outcome === 'skipped' && timerId) exclude.push(timerId);
  }
  return counts;
}

/**
 * Polls for due timers and fires them through the command path as actor `system`. Several
 * workers (processes) may run at once; SKIP LOCKED keeps them off each other's rows.
 */
export function startTimerWorker(
  deps: AppDeps,
  options: { intervalMs?: number } = {},
): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 5_000;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let handle: NodeJS.Timeout | undefined;

  const tick = () => {
    if (stopped) return;
    running = runDueTimers(deps)
      .then((c) => {
        if (c.fired + c.cancelled > 0) deps.logger.info(c, 'timers processed');
      })
      .catch((err) => deps.logger.error({ err }, 'timer pass failed'))
      .finally(() => {
        if (!stopped) handle = setTimeout(tick, intervalMs);
      });
  };
  handle = setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
      await running;
    },
  };
}
