/**
 * A small Prometheus registry: counters, gauges and histograms with labels, written in the text
 * exposition format (version 0.0.4). Each process has its own registry; Prometheus scrapes every
 * API and worker process and sums over them.
 */

type Labels = Record<string, string>;

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  lines(): string[];
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function keyOf(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/** A monotonically increasing count per label set. */
export class Counter implements Metric {
  readonly type = 'counter' as const;
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.#values.get(key);
    if (entry) entry.value += by;
    else this.#values.set(key, { labels: { ...labels }, value: by });
  }

  get(labels: Labels = {}): number {
    return this.#values.get(keyOf(labels))?.value ?? 0;
  }

  lines(): string[] {
    return [...this.#values.values()].map(
      (e) => `${this.name}${labelText(e.labels)} ${formatNumber(e.value)}`,
    );
  }
}

/** A value that goes up and down; `collect` (if given) refreshes it on each scrape. */
export class Gauge implements Metric {
  readonly type = 'gauge' as const;
  #values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  set(labels: Labels, value: number): void {
    this.#values.set(keyOf(labels), { labels: { ...labels }, value });
  }

  /** Replaces all label sets at once (a scrape-time snapshot). */
  replace(entries: { labels: Labels; value: number }[]): void {
    this.#values = new Map(entries.map((e) => [keyOf(e.labels), { ...e }]));
  }

  get(labels: Labels = {}): number | undefined {
    return this.#values.get(keyOf(labels))?.value;
  }

  lines(): string[] {
    return [...this.#values.values()].map(
      (e) => `${this.name}${labelText(e.labels)} ${formatNumber(e.value)}`,
    );
  }
}

/** Cumulative buckets, sum and count per label set. */
export class Histogram implements Metric {
  readonly type = 'histogram' as const;
  readonly #series = new Map<
    string,
    { labels: Labels; buckets: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.#series.get(key);
    if (!s) {
      s = { labels: { ...labels }, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, s);
    }
    for (let i = 0; i < this.bounds.length; i++) {
      if (value <= this.bounds[i]!) s.buckets[i]!++;
    }
    s.sum += value;
    s.count++;
  }

  count(labels: Labels = {}): number {
    return this.#series.get(keyOf(labels))?.count ?? 0;
  }

  lines(): string[] {
    const out: string[] = [];
    for (const s of this.#series.values()) {
      this.bounds.forEach((bound, i) => {
        out.push(
          `${this.name}_bucket${labelText({ ...s.labels, le: formatNumber(bound) })} ${s.buckets[i]}`,
        );
      });
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${formatNumber(s.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** A set of metrics written together; `collectors` run before each exposition. */
export class Registry {
  readonly #metrics = new Map<string, Metric>();
  readonly #collectors: (() => Promise<void>)[] = [];

  register<M extends Metric>(metric: M): M {
    const existing = this.#metrics.get(metric.name);
    if (existing) return existing as M;
    this.#metrics.set(metric.name, metric);
    return metric;
  }

  counter(name: string, help: string): Counter {
    return this.register(new Counter(name, help));
  }

  gauge(name: string, help: string): Gauge {
    return this.register(new Gauge(name, help));
  }

  histogram(name: string, help: string, bounds: readonly number[]): Histogram {
    return this.register(new Histogram(name, help, bounds));
  }

  /** Adds a function that refreshes gauges (e.g. from the database) before a scrape. */
  collect(fn: () => Promise<void>): void {
    this.#collectors.push(fn);
  }

  async expose(): Promise<string> {
    await Promise.all(this.#collectors.map((fn) => fn()));
    const out: string[] = [];
    for (const m of this.#metrics.values()) {
      out.push(`# HELP ${m.name} ${m.help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')}`);
      out.push(`# TYPE ${m.name} ${m.type}`);
      out.push(...m.lines());
    }
    return `${out.join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Latency buckets in seconds: 5 ms .. 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Lateness buckets in seconds: on time .. a day. */
export const LATENESS_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 21_600, 86_400] as const;

/** The process's registry and the metrics the features record into. */
export const registry = new Registry();

export const metrics = {
  httpRequests: registry.counter(
    'initiatief_http_requests_total',
    'HTTP requests answered, by method, route pattern and status.',
  ),
  httpDuration: registry.histogram(
    'initiatief_http_request_duration_seconds',
    'HTTP request latency in seconds, by method and route pattern.',
    LATENCY_BUCKETS,
  ),
  transitions: registry.counter(
    'initiatief_transitions_total',
    'Workflow steps applied (committed or not), by workflow key and event.',
  ),
  timersFired: registry.counter(
    'initiatief_timers_processed_total',
    'Timers taken by this process, by outcome (fired, cancelled, skipped).',
  ),
  timerLateness: registry.histogram(
    'initiatief_timer_lateness_seconds',
    'Seconds between a timer being due and it firing.',
    LATENESS_BUCKETS,
  ),
  outboxSent: registry.counter(
    'initiatief_outbox_jobs_total',
    'Outbox jobs run by this process, by kind and result (sent, failed, failed_for_good).',
  ),
  dbUnavailable: registry.counter(
    'initiatief_database_unavailable_total',
    'Requests answered 503 because the database could not be reached.',
  ),
};
