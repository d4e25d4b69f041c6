import type { PlatformMetrics } from '../platform.js';
import type { Platform } from '../store/store.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

/** Families we always expose, so dashboards and alerts see a 0 instead of a missing series. */
const FAMILIES = {
  deliveries: { name: 'sitrep_deliveries_total', help: 'Scheduled briefings by platform and outcome.', type: 'counter' },
  rateLimited: { name: 'sitrep_rate_limited_total', help: 'HTTP 429 answers seen from platform APIs.', type: 'counter' },
  latency: { name: 'sitrep_command_latency_seconds', help: 'Time to answer a slash command, by platform and subcommand.', type: 'histogram' },
} as const;

const GAUGE_HELP: Record<string, string> = {
  sitrep_send_queue_depth: 'Posts waiting or on the wire across all send queues.',
};

export interface MetricsOptions {
  /** Platforms in use, read at scrape time: their counters are shown at 0 before anything happens. */
  platforms?: () => readonly Platform[];
}

/**
 * In-process metrics in the Prometheus text format (version 0.0.4): small on purpose, no client library.
 * Each family is written once, HELP and TYPE first, then all its samples, so strict parsers accept it.
 */
export class Metrics implements PlatformMetrics {
  private readonly counters = new Map<string, Map<string, number>>();
  private readonly histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  private readonly gauges = new Map<string, { read: () => number; labels: string }[]>();

  constructor(private readonly options: MetricsOptions = {}) {}

  private inc(name: string, labels: Record<string, string>, by = 1): void {
    const family = this.counters.get(name) ?? new Map<string, number>();
    const key = formatLabels(labels);
    family.set(key, (family.get(key) ?? 0) + by);
    this.counters.set(name, family);
  }

  /** One delivery finished (the scheduler's report). */
  delivery(platform: Platform, outcome: DeliveryOutcome): void {
    this.inc(FAMILIES.deliveries.name, { platform, outcome });
  }

  /** A platform API answered 429. */
  rateLimited(platform: Platform): void {
    this.inc(FAMILIES.rateLimited.name, { platform });
  }

  /** A slash command was answered after `seconds`. */
  commandLatency(platform: Platform, command: string, seconds: number): void {
    const key = formatLabels({ platform, command });
    const h = this.histograms.get(key) ?? { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
    this.histograms.set(key, h);
  }

  /** Register a gauge read at scrape time (e.g. queue depth). Registering a name and labels again replaces it. */
  gauge(name: string, read: () => number, labels: Record<string, string> = {}): void {
    const key = formatLabels(labels);
    const list = (this.gauges.get(name) ?? []).filter((g) => g.labels !== key);
    list.push({ read, labels: key });
    this.gauges.set(name, list);
  }

  /** Queue depth of one platform's send queue, as `sitrep_send_queue_depth{platform=…}`. */
  queueDepth(platform: Platform, read: () => number): void {
    this.gauge('sitrep_send_queue_depth', read, { platform });
  }

  /** A counter's current value (tests and the doctor). */
  counter(name: string, labels: Record<string, string>): number {
    return this.counters.get(name)?.get(formatLabels(labels)) ?? 0;
  }

  /** Prometheus exposition format (text/plain; version=0.0.4). */
  render(): string {
    const platforms = this.options.platforms?.() ?? [];
    for (const p of platforms) {
      for (const outcome of ['sent', 'failed'] as const) this.inc(FAMILIES.deliveries.name, { platform: p, outcome }, 0);
      this.inc(FAMILIES.rateLimited.name, { platform: p }, 0);
    }
    const lines: string[] = [];
    for (const f of [FAMILIES.deliveries, FAMILIES.rateLimited]) {
      lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
      for (const [labels, v] of [...(this.counters.get(f.name) ?? new Map<string, number>()).entries()].sort()) lines.push(`${f.name}${labels} ${v}`);
    }
    for (const [name, family] of [...this.counters.entries()].sort()) {
      if (name === FAMILIES.deliveries.name || name === FAMILIES.rateLimited.name) continue;
      lines.push(`# TYPE ${name} counter`);
      for (const [labels, v] of [...family.entries()].sort()) lines.push(`${name}${labels} ${v}`);
    }

    const h = FAMILIES.latency;
    lines.push(`# HELP ${h.name} ${h.help}`, `# TYPE ${h.name} ${h.type}`);
    for (const [labels, data] of [...this.histograms.entries()].sort()) {
      const inner = labels.slice(1, -1);
      const le = (b: string) => `{${inner}${inner ? ',' : ''}le="${b}"}`;
      LATENCY_BUCKETS.forEach((b, i) => lines.push(`${h.name}_bucket${le(String(b))} ${data.buckets[i] ?? 0}`));
      lines.push(`${h.name}_bucket${le('+Inf')} ${data.count}`, `${h.name}_sum${labels} ${data.sum}`, `${h.name}_count${labels} ${data.count}`);
    }

    for (const [name, list] of [...this.gauges.entries()].sort()) {
      lines.push(`# HELP ${name} ${GAUGE_HELP[name] ?? name.replace(/_/g, ' ')}`, `# TYPE ${name} gauge`);
      for (const g of [...list].sort((a, b) => a.labels.localeCompare(b.labels))) {
        let value: number;
        try {
          value = g.read();
        } catch {
          // A scrape must not fail because one reading did.
          value = Number.NaN;
        }
        lines.push(`${name}${g.labels} ${formatValue(value)}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

/** `{a="x",b="y"}` with values escaped as the exposition format requires (backslash, quote, newline). */
function formatLabels(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}
