import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOpsRoutes } from '../../src/cli/ops-routes.js';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import { Metrics } from '../../src/ops/metrics.js';
import type { PlatformRuntime } from '../../src/platform.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

/** A strict reading of the Prometheus text format: families declared once, HELP/TYPE before samples, never interleaved. */
function parseExposition(text: string): Map<string, { type: string; samples: Array<{ name: string; labels: string; value: number }> }> {
  const families = new Map<string, { type: string; samples: Array<{ name: string; labels: string; value: number }> }>();
  let current: string | undefined;
  const closed = new Set<string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE (\w+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      const name = type[1] as string;
      expect(families.has(name), `second TYPE for ${name}`).toBe(false);
      if (current) closed.add(current);
      families.set(name, { type: type[2] as string, samples: [] });
      current = name;
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const m = /^(\w+)(\{[^}]*\})? (\S+)$/.exec(line);
    expect(m, `bad sample line: ${line}`).not.toBeNull();
    const [, name = '', labels = '', value = ''] = m as RegExpExecArray;
    const family = [...families.keys()].find((f) => name === f || name === `${f}_bucket` || name === `${f}_sum` || name === `${f}_count`);
    expect(family, `sample ${name} without a TYPE`).toBeDefined();
    expect(family).toBe(current);
    expect(closed.has(family as string)).toBe(false);
    families.get(family as string)?.samples.push({ name, labels, value: Number(value) });
  }
  return families;
}

describe('metrics: deliveries, 429s, command latency histogram, queue depth', () => {
  it('renders a well-formed exposition with every family the issue asks for', () => {
    const m = new Metrics({ platforms: () => ['slack', 'discord'] });
    m.delivery('slack', 'sent');
    m.delivery('slack', 'sent');
    m.delivery('discord', 'failed');
    m.rateLimited('discord');
    m.commandLatency('slack', 'brief', 0.004);
    m.commandLatency('slack', 'brief', 0.3);
    m.commandLatency('discord', 'questions', 7);
    let depth = 3;
    m.gauge('sitrep_send_queue_depth', () => depth);
    m.queueDepth('slack', () => 2);
    depth = 5;
    const fams = parseExposition(m.render());
    expect(fams.get('sitrep_deliveries_total')?.type).toBe('counter');
    const deliveries = fams.get('sitrep_deliveries_total')?.samples ?? [];
    expect(deliveries).toContainEqual({ name: 'sitrep_deliveries_total', labels: '{platform="slack",outcome="sent"}', value: 2 });
    expect(deliveries).toContainEqual({ name: 'sitrep_deliveries_total', labels: '{platform="discord",outcome="failed"}', value: 1 });
    // Zero series exist before anything happened, so alerts on rate() work from the first scrape.
    expect(deliveries).toContainEqual({ name: 'sitrep_deliveries_total', labels: '{platform="slack",outcome="failed"}', value: 0 });
    expect(fams.get('sitrep_rate_limited_total')?.samples).toEqual([
      { name: 'sitrep_rate_limited_total', labels: '{platform="discord"}', value: 1 },
      { name: 'sitrep_rate_limited_total', labels: '{platform="slack"}', value: 0 },
    ]);
    const gauge = fams.get('sitrep_send_queue_depth');
    expect(gauge?.type).toBe('gauge');
    expect(gauge?.samples.map((s) => [s.labels, s.value])).toEqual([
      ['', 5],
      ['{platform="slack"}', 2],
    ]);

    const hist = fams.get('sitrep_command_latency_seconds');
    expect(hist?.type).toBe('histogram');
    const slackBuckets = (hist?.samples ?? []).filter((s) => s.name.endsWith('_bucket') && s.labels.includes('platform="slack"'));
    const values = slackBuckets.map((s) => s.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(slackBuckets.at(-1)).toMatchObject({ labels: '{platform="slack",command="brief",le="+Inf"}', value: 2 });
    expect(slackBuckets.find((s) => s.labels.includes('le="0.005"'))?.value).toBe(1);
    expect(hist?.samples).toContainEqual({ name: 'sitrep_command_latency_seconds_count', labels: '{platform="discord",command="questions"}', value: 1 });
  });

  it('escapes label values and survives a failing gauge', () => {
    const m = new Metrics();
    m.commandLatency('slack', 'we"ird\\name\nx', 0.1);
    m.gauge('sitrep_broken', () => {
      throw new Error('boom');
    });
    const text = m.render();
    expect(text).toContain('command="we\\"ird\\\\name\\nx"');
    expect(text).toContain('sitrep_broken NaN');
    parseExposition(text);
  });

  describe('over HTTP', () => {
    const router = new HttpRouter();
    const store = openSqliteStore(':memory:');
    let ready = true;
    const platform: PlatformRuntime = {
      platform: 'slack',
      chat: {} as ChatAdapter,
      start: async () => undefined,
      stop: async () => undefined,
      isReady: () => ready,
    };
    let base = '';
    let metrics: Metrics;
    beforeAll(async () => {
      metrics = registerOpsRoutes(router, { store, platforms: () => [platform], logger: silentLogger() }).metrics;
      base = `http://127.0.0.1:${await router.listen(0, '127.0.0.1')}`;
    });
    afterAll(async () => {
      await router.close();
      await store.close();
    });

    it('/metrics serves the exposition with the Prometheus content type', async () => {
      metrics.delivery('slack', 'sent');
      metrics.rateLimited('slack');
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const fams = parseExposition(await res.text());
      expect(fams.get('sitrep_deliveries_total')?.samples).toContainEqual({ name: 'sitrep_deliveries_total', labels: '{platform="slack",outcome="sent"}', value: 1 });
      expect(fams.get('sitrep_rate_limited_total')?.samples).toContainEqual({ name: 'sitrep_rate_limited_total', labels: '{platform="slack"}', value: 1 });
    });

    it('/healthz is 200; /readyz follows the platforms and the store', async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      ready = false;
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, store: true, platforms: { slack: false } });
      ready = true;
    });
  });
});
