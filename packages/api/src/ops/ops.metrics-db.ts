import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { registry } from './metrics';

/** Gauges read from the database at scrape time: the same value from every process. */
const gauges = {
  up: registry.gauge('initiatief_database_up', '1 when the last scrape could query the database.'),
  outbox: registry.gauge(
    'initiatief_outbox_messages',
    'Outbox rows by kind and status (pending and processing are the backlog; failed gave up).',
  ),
  outboxOldest: registry.gauge(
    'initiatief_outbox_oldest_due_seconds',
    'Age of the oldest due, unfinished outbox row, in seconds (0 when none).',
  ),
  timersDue: registry.gauge(
    'initiatief_timers_due',
    'Pending timers whose due time has passed (a worker should fire them within seconds).',
  ),
  timersLate: registry.gauge(
    'initiatief_timers_late',
    'Pending timers more than a minute past due: the timer worker is behind or down.',
  ),
  timersFailed: registry.gauge(
    'initiatief_timers_failed',
    'Timers that failed for good after their attempts.',
  ),
  timersMaxLateness: registry.gauge(
    'initiatief_timers_max_lateness_seconds',
    'Seconds the most overdue pending timer is late (0 when none).',
  ),
};

/** Refreshes the database gauges; a database that is down sets initiatief_database_up 0. */
export async function collectDatabaseGauges(db: Kysely<DB>, now: Date): Promise<void> {
  try {
    const outbox = await db
      .selectFrom('outbox')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['kind', 'status'])
      .execute();
    const oldest = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', 'in', ['pending', 'processing'])
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    const lateCut = new Date(now.getTime() - 60_000);
    const timers = await db
      .selectFrom('timers')
      .select([
        sql<number>`count(*) filter (where status = 'pending' and due_at <= ${now})`.as('due'),
        sql<number>`count(*) filter (where status = 'pending' and due_at <= ${lateCut})`.as('late'),
        sql<number>`count(*) filter (where status = 'failed')`.as('failed'),
        sql<Date | null>`min(due_at) filter (where status = 'pending' and due_at <= ${now})`.as(
          'oldest',
        ),
      ])
      .executeTakeFirstOrThrow();
    const statuses = ['pending', 'processing', 'done', 'failed'];
    gauges.outbox.replace(
      ['mail', 'render'].flatMap((kind) =>
        statuses.map((status) => ({
          labels: { kind, status },
          value: Number(outbox.find((r) => r.kind === kind && r.status === status)?.n ?? 0),
        })),
      ),
    );
    const secondsSince = (at: Date | string | null | undefined) =>
      at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
    gauges.outboxOldest.set({}, secondsSince(oldest?.at));
    gauges.timersDue.set({}, Number(timers.due));
    gauges.timersLate.set({}, Number(timers.late));
    gauges.timersFailed.set({}, Number(timers.failed));
    gauges.timersMaxLateness.set({}, secondsSince(timers.oldest));
    gauges.up.set({}, 1);
  } catch {
    gauges.up.set({}, 0);
  }
}
