/**
 * The process's Prometheus metrics, kept by prom-client. Each process has its own registry;
 * Prometheus scrapes every API and worker process and sums over them. Names are part of the
 * operations contract (docs/operations.md): dashboards and alerts use them, so they do not change.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export { Counter, Gauge, Histogram, Registry };

/** Latency buckets in seconds: 5 ms .. 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Lateness buckets in seconds: on time .. a day. */
export const LATENESS_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 21_600, 86_400];

/** The process's registry; every metric below is registered in it. */
export const registry = new Registry();

export const PROMETHEUS_CONTENT_TYPE = registry.contentType;

export const metrics = {
  httpRequests: new Counter({
    name: 'initiatief_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  }),
  httpDuration: new Histogram({
    name: 'initiatief_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  transitions: new Counter({
    name: 'initiatief_transitions_total',
    help: 'Workflow steps applied (committed or not), by workflow key and event.',
    labelNames: ['workflow', 'event'] as const,
    registers: [registry],
  }),
  timersFired: new Counter({
    name: 'initiatief_timers_processed_total',
    help: 'Timers taken by this process, by outcome (fired, cancelled, skipped, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  timerLateness: new Histogram({
    name: 'initiatief_timer_lateness_seconds',
    help: 'Seconds between a timer being due and it firing.',
    buckets: LATENESS_BUCKETS,
    registers: [registry],
  }),
  outboxSent: new Counter({
    name: 'initiatief_outbox_jobs_total',
    help: 'Outbox jobs run by this process, by kind and result (sent, failed, failed_for_good).',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  }),
  retained: new Counter({
    name: 'initiatief_retention_drafts_total',
    help: 'Drafts warned or deleted by the retention job.',
    labelNames: ['action'] as const,
    registers: [registry],
  }),
  unconfirmedDeleted: new Counter({
    name: 'initiatief_retention_unconfirmed_accounts_deleted_total',
    help: 'Registrations deleted by the retention job because they were never confirmed.',
    registers: [registry],
  }),
  /** The shared claim loop (workers/claim-loop.ts), by worker kind. */
  workerItems: new Counter({
    name: 'initiatief_worker_items_total',
    help: 'Items the claim loops of this process handled, by worker and result (done, retry, failed, busy).',
    labelNames: ['worker', 'result'] as const,
    registers: [registry],
  }),
  workerTakeovers: new Counter({
    name: 'initiatief_worker_lease_takeovers_total',
    help: 'Items claimed again after another worker let its lease run out (it died or hung).',
    labelNames: ['worker'] as const,
    registers: [registry],
  }),
  workerWakeups: new Counter({
    name: 'initiatief_worker_wakeups_total',
    help: 'Times a sleeping claim loop woke, by worker and reason (notify, due, poll).',
    labelNames: ['worker', 'reason'] as const,
    registers: [registry],
  }),
  dbUnavailable: new Counter({
    name: 'initiatief_database_unavailable_total',
    help: 'Requests answered 503 because the database could not be reached.',
    registers: [registry],
  }),
};
