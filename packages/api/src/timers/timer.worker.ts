import { EngineError } from '@initiatief/engine';
import { SYSTEM_ACTOR } from '../applications/applications.access';
import { applyStep } from '../applications/applications.command';
import { findApplication } from '../applications/applications.repository';
import type { AppDeps } from '../context';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { silentLogger } from '../logging/logger';
import { metrics } from '../ops/metrics';
import { findRegulation } from '../regulations/regulations.repository';
import {
  type ClaimLoop,
  type ClaimLoopOptions,
  type ClaimSource,
  startClaimLoop,
} from '../workers/claim-loop';
import {
  type ClaimedTimer,
  claimDueTimers,
  finishTimer,
  lockClaimedTimer,
  nextTimerAt,
  recordTimerAttempt,
  releaseTimer,
  renewTimerLeases,
} from './timers.repository';

const MAX_ATTEMPTS = 5;
/** A timer whose application a command holds is tried again this much later. */
const BUSY_RETRY_MS = 1_000;

type Outcome = 'fired' | 'cancelled' | 'skipped';

/**
 * Timers as a claim-loop source. A claimed timer is fired in its own transaction, together with
 * the step it causes, and only while it is still this worker's claim: exactly once, even when a
 * worker that outlived its lease comes back. The application is locked with SKIP LOCKED, so a
 * worker never waits on a user's command while holding a timer (which could deadlock against
 * that command cancelling the timer); it gives the timer back for a second instead.
 */
export function timerSource(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  onOutcome: (outcome: Outcome) => void = () => {},
): ClaimSource<ClaimedTimer> {
  const { db, clock } = deps;
  const counted = (outcome: Outcome) => {
    metrics.timersFired.inc({ outcome });
    onOutcome(outcome);
  };
  return {
    name: 'timers',
    channel: 'timers',
    claim: (now, limit, lease) =>
      claimDueTimers(db, { now, limit, workerId: lease.workerId, leaseUntil: lease.until(now) }),
    renew: (ids, lease, now) =>
      renewTimerLeases(db, ids, { workerId: lease.workerId, leaseUntil: lease.until(now) }),
    async process(item, lease) {
      const outcome = await db.transaction().execute(async (trx) => {
        const now = clock();
        const timer = await lockClaimedTimer(trx, item.id, lease.workerId);
        if (!timer) return 'gone' as const;
        const locked = await trx
          .selectFrom('applications')
          .select('id')
          .where('id', '=', timer.application_id)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!locked) {
          await releaseTimer(trx, timer.id, new Date(now.getTime() + BUSY_RETRY_MS));
          return 'skipped' as const;
        }
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
          return 'cancelled' as const;
        }
        await finishTimer(trx, timer.id, 'fired', now);
        metrics.timerLateness.observe((now.getTime() - new Date(timer.due_at).getTime()) / 1000);
        return 'fired' as const;
      });
      if (outcome === 'gone') return 'gone';
      counted(outcome);
      return outcome === 'skipped' ? 'busy' : 'done';
    },
    async fail(item, failure, lease) {
      metrics.timersFired.inc({ outcome: failure.retryAt ? 'skipped' : 'failed' });
      await recordTimerAttempt(db, item.id, { ...failure, workerId: lease.workerId });
    },
    nextDueAt: () => nextTimerAt(db),
    maxAttempts: () => MAX_ATTEMPTS,
  };
}

/** Options of the timer loop; the defaults suit production. */
export type TimerWorkerOptions = Partial<
  Pick<
    ClaimLoopOptions,
    | 'batchSize'
    | 'leaseMs'
    | 'backoffBaseMs'
    | 'backoffMaxMs'
    | 'maxSleepMs'
    | 'random'
    | 'loop'
    | 'workerId'
  >
>;

const DEFAULTS = {
  batchSize: 20,
  leaseMs: 60_000,
  backoffBaseMs: 10_000,
  backoffMaxMs: 15 * 60_000,
  maxSleepMs: 10_000,
};

/** One drain over the due timers; returns what became of them. Used by tests and tools. */
export async function runDueTimers(
  deps: Pick<AppDeps, 'db' | 'clock'> & Partial<Pick<AppDeps, 'logger'>>,
  options: TimerWorkerOptions = {},
): Promise<{ fired: number; cancelled: number; skipped: number }> {
  const counts = { fired: 0, cancelled: 0, skipped: 0 };
  const loop = startTimerLoop(deps, { ...options, loop: false }, (o) => counts[o]++);
  await loop.drain();
  await loop.stop();
  return counts;
}

function startTimerLoop(
  deps: Pick<AppDeps, 'db' | 'clock'> & Partial<Pick<AppDeps, 'logger' | 'notifications'>>,
  options: TimerWorkerOptions,
  onOutcome?: (outcome: Outcome) => void,
): ClaimLoop {
  const logger = deps.logger ?? silentLogger();
  return startClaimLoop(timerSource(deps, onOutcome), {
    ...DEFAULTS,
    ...options,
    logger,
    clock: deps.clock,
    notifications: deps.notifications,
  });
}

/**
 * Fires due timers through the command path as actor `system`, on the shared claim loop: woken by
 * the timers' NOTIFY and otherwise asleep until the earliest due time, so a timer fires within a
 * second of its time. Several workers (processes) may run at once.
 */
export function startTimerWorker(deps: AppDeps, options: TimerWorkerOptions = {}): ClaimLoop {
  return startTimerLoop(deps, options);
}
