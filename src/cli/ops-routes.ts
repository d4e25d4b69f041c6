import type { HttpRouter } from '../http/router.js';
import type { Logger } from '../log.js';
import { Metrics } from '../ops/metrics.js';
import type { PlatformRuntime } from '../platform.js';
import type { Store } from '../store/store.js';

/** A database that does not answer this fast counts as down: a load balancer's probe must not hang. */
const READY_PING_TIMEOUT_MS = 2_000;

/** `store.ping()`, false when it fails or takes longer than `ms`. */
export async function pingWithin(store: Store, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([store.ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Mount /healthz (process alive), /readyz (store and platforms up) and /metrics (Prometheus) on the shared server. */
export function registerOpsRoutes(http: HttpRouter, deps: { store: Store; platforms: () => readonly PlatformRuntime[]; logger: Logger }): { metrics: Metrics } {
  // Platforms are read at scrape time: their delivery and 429 counters show as 0 from the first scrape.
  const metrics = new Metrics({ platforms: () => deps.platforms().map((p) => p.platform) });
  http.route('GET', '/healthz', (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}\n');
  });
  http.route('GET', '/readyz', async (_req, res) => {
    const storeOk = await pingWithin(deps.store, READY_PING_TIMEOUT_MS);
    const platforms = Object.fromEntries(deps.platforms().map((p) => [p.platform, p.isReady()]));
    const ok = storeOk && Object.values(platforms).every(Boolean);
    res.statusCode = ok ? 200 : 503;
    res.setHeader('content-type', 'application/json');
    res.end(`${JSON.stringify({ ok, store: storeOk, platforms })}\n`);
  });
  http.route('GET', '/metrics', (_req, res) => {
    res.setHeader('content-type', 'text/plain; version=0.0.4');
    res.end(metrics.render());
  });
  return { metrics };
}
