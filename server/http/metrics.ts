import type { PoolFigures } from '../db/open-database';

/*
 * Prometheus metrics of one instance, in the text exposition format (version 0.0.4). Each
 * instance counts what it served; Prometheus scrapes every instance and sums. Labels carry
 * route patterns (`/api/v1/library`), methods and statuses only: never a path as sent, a
 * token, an org, a user or anything a rep typed.
 */

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((le, i) => {
      if (value <= le) s!.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${Number(s.sum.toFixed(6))}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

export class ServerMetrics {
  readonly requests = new Counter('quiver_http_requests_total', 'HTTP requests answered, by method, route pattern and status.');
  readonly latency = new Histogram('quiver_http_request_duration_seconds', 'Time to answer an HTTP request, by method and route pattern.', LATENCY_BUCKETS);
  readonly eventsIngested = new Counter('quiver_events_ingested_total', 'Usage events stored (a re-sent event counts once, when first stored).');
  readonly eventsDuplicate = new Counter('quiver_events_duplicate_total', 'Usage events received again after they were stored.');
  readonly eventsRejected = new Counter('quiver_events_rejected_total', 'Usage events refused by the schema or the retention window.');
  readonly syncPages = new Counter('quiver_sync_pages_served_total', 'Library pages served to syncing clients (304 answers not included).');
  readonly eventsPruned = new Counter('quiver_events_pruned_total', 'Usage events deleted by the retention window (the roll-ups keep their counts).');
  private readonly started = Date.now();

  constructor(private readonly pools: () => PoolFigures[] = () => []) {}

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }

  render(): string {
    const lines = [
      ...this.requests.render(),
      ...this.latency.render(),
      ...this.eventsIngested.render(),
      ...this.eventsDuplicate.render(),
      ...this.eventsRejected.render(),
      ...this.eventsPruned.render(),
      ...this.syncPages.render(),
    ];
    const pools = this.pools();
    const gauge = (name: string, help: string, value: (p: PoolFigures) => number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
      for (const p of pools) lines.push(`${name}${labelText({ pool: p.pool })} ${value(p)}`);
    };
    gauge('quiver_db_pool_max_connections', 'Largest number of database connections the pool opens.', (p) => p.max);
    gauge('quiver_db_pool_connections', 'Database connections open.', (p) => p.total);
    gauge('quiver_db_pool_idle_connections', 'Database connections open and idle.', (p) => p.idle);
    gauge('quiver_db_pool_waiting_requests', 'Queries waiting for a database connection.', (p) => p.waiting);
    lines.push(
      '# HELP quiver_process_uptime_seconds Seconds since this instance started.',
      '# TYPE quiver_process_uptime_seconds gauge',
      `quiver_process_uptime_seconds ${Math.round((Date.now() - this.started) / 1000)}`,
      '# HELP quiver_process_resident_memory_bytes Resident memory of this instance.',
      '# TYPE quiver_process_resident_memory_bytes gauge',
      `quiver_process_resident_memory_bytes ${process.memoryUsage.rss()}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
