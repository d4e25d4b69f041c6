import type { PlatformMetrics } from '../platform.js';
import type { Platform } from '../store/store.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** In-process counters in Prometheus text format: small on purpose, no client library needed. */
export class Metrics implements PlatformMetrics {
  private readonly counters = new Map<string, number>();
  private readonly histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  private readonly gauges = new Map<string, () => number>();

  private inc(name: string, labels: Record<string, string>, by = 1): void {
    const key = `${name}${formatLabels(labels)}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  delivery(platform: Platform, outcome: 'sent' | 'failed' | 'skipped'): void {
    this.inc('sitrep_deliveries_total', { platform, outcome });
  }

  rateLimited(platform: Platform): void {
    this.inc('sitrep_rate_limited_total', { platform });
  }

  commandLatency(platform: Platform, command: string, seconds: number): void {
    const key = `sitrep_command_latency_seconds${formatLabels({ platform, command })}`;
    const h = this.histograms.get(key) ?? { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
    this.histograms.set(key, h);
  }

  /** Register a gauge read at scrape time (e.g. queue depth). */
  gauge(name: string, read: () => number): void {
    this.gauges.set(name, read);
  }

  /** Prometheus exposition format (text/plain; version=0.0.4). */
  render(): string {
    const lines: string[] = [
      '# HELP sitrep_deliveries_total Scheduled briefings by outcome.',
      '# TYPE sitrep_deliveries_total counter',
      '# HELP sitrep_rate_limited_total HTTP 429 answers seen from platform APIs.',
      '# TYPE sitrep_rate_limited_total counter',
    ];
    for (const [k, v] of [...this.counters.entries()].sort()) lines.push(`${k} ${v}`);
    lines.push('# HELP sitrep_command_latency_seconds Time to answer a slash command.', '# TYPE sitrep_command_latency_seconds histogram');
    for (const [k, h] of [...this.histograms.entries()].sort()) {
      const [name, labels = ''] = splitKey(k);
      const inner = labels.slice(1, -1);
      LATENCY_BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${inner}${inner ? ',' : ''}le="${b}"} ${h.buckets[i] ?? 0}`));
      lines.push(`${name}_bucket{${inner}${inner ? ',' : ''}le="+Inf"} ${h.count}`, `${name}_sum${labels} ${h.sum}`, `${name}_count${labels} ${h.count}`);
    }
    for (const [name, read] of [...this.gauges.entries()].sort()) lines.push(`# TYPE ${name} gauge`, `${name} ${read()}`);
    return `${lines.join('\n')}\n`;
  }
}

function formatLabels(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('{');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i)];
}
