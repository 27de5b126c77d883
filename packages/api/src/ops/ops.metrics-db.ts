import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { Gauge, registry } from './metrics';

/** Gauges read from the database at scrape time: the same value from every process. */
const gauges = {
  up: new Gauge({
    name: 'initiatief_database_up',
    help: '1 when the last scrape could query the database.',
    registers: [registry],
  }),
  outbox: new Gauge({
    name: 'initiatief_outbox_messages',
    help: 'Outbox rows by kind and status (pending and processing are the backlog; failed gave up).',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
  }),
  outboxOldest: new Gauge({
    name: 'initiatief_outbox_oldest_due_seconds',
    help: 'Age of the oldest due, unfinished outbox row, in seconds (0 when none).',
    registers: [registry],
  }),
  timersDue: new Gauge({
    name: 'initiatief_timers_due',
    help: 'Pending timers whose due time has passed (a worker should fire them within seconds).',
    registers: [registry],
  }),
  timersLate: new Gauge({
    name: 'initiatief_timers_late',
    help: 'Pending timers more than a minute past due: the timer worker is behind or down.',
    registers: [registry],
  }),
  timersFailed: new Gauge({
    name: 'initiatief_timers_failed',
    help: 'Timers that failed for good after their attempts.',
    registers: [registry],
  }),
  timersMaxLateness: new Gauge({
    name: 'initiatief_timers_max_lateness_seconds',
    help: 'Seconds the most overdue pending timer is late (0 when none).',
    registers: [registry],
  }),
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
    for (const kind of ['mail', 'render']) {
      for (const status of statuses) {
        const n = outbox.find((r) => r.kind === kind && r.status === status)?.n;
        gauges.outbox.set({ kind, status }, Number(n ?? 0));
      }
    }
    const secondsSince = (at: Date | string | null | undefined) =>
      at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
    gauges.outboxOldest.set(secondsSince(oldest?.at));
    gauges.timersDue.set(Number(timers.due));
    gauges.timersLate.set(Number(timers.late));
    gauges.timersFailed.set(Number(timers.failed));
    gauges.timersMaxLateness.set(secondsSince(timers.oldest));
    gauges.up.set(1);
  } catch {
    gauges.up.set(0);
  }
}
