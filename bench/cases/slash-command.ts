import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';
import { round, type CaseResult } from '../stats.js';
import { startChild } from '../child.js';
import { BENCH_SIGNING_SECRET } from '../slack-secrets.js';

const CONNECTIONS = 50;
const DURATION_S = 10;
/** A second reading at ~100 requests/s (autocannon releases them per 1-s window, so in bursts); not the target's figure. */
const FIXED_RATE = 100;
const FIXED_RATE_DURATION_S = 5;

interface Run {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  respondCalls: number;
  unhandledRejections: number;
  atFixedRate: { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number };
  /** Every request from a different channel, so no answer can be reused: each is computed after its ack. */
  allDistinct: { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number };
}

/** Seconds of the every-request-distinct reading (informational; the load generator signs each request itself). */
const DISTINCT_DURATION_S = 5;

/** One signed `/sitrep brief` slash-command body, as Slack would POST it. */
function signedRequest(responseUrl: string, channel = 'C0BENCH'): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'bench',
    channel_id: channel,
    channel_name: 'bench',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/sitrep',
    text: 'brief',
    api_app_id: 'A0001',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', BENCH_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } };
}

async function load(mode: 'real' | 'bare'): Promise<Run> {
  const fake = startChild('./fake-slack-child.ts');
  const { apiUrl, responseUrl } = await fake.next<{ apiUrl: string; responseUrl: string }>();
  const child = startChild('./slack-server.ts', [mode, apiUrl]);
  try {
    const { port } = await child.next<{ port: number }>();
    const req = signedRequest(responseUrl);
    const url = `http://127.0.0.1:${port}/slack/events`;
    // Warm-up: JIT, SQLite page cache, keep-alive sockets.
    await autocannon({ url, method: 'POST', headers: req.headers, body: req.body, connections: 10, duration: 1 });
    // Work queued behind earlier acks (briefings, respond() calls) must drain before the next reading.
    const drain = () => new Promise((resolve) => setTimeout(resolve, 2_000));
    await drain();
    const fixed = await autocannon({ url, method: 'POST', headers: req.headers, body: req.body, connections: CONNECTIONS, duration: FIXED_RATE_DURATION_S, overallRate: FIXED_RATE });
    await drain();
    const r = await autocannon({ url, method: 'POST', headers: req.headers, body: req.body, connections: CONNECTIONS, duration: DURATION_S });
    await drain();
    let n = 0;
    const distinct = await autocannon({
      url,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DISTINCT_DURATION_S,
      requests: [
        {
          setupRequest: (request) => {
            const one = signedRequest(responseUrl, `C${(n++).toString(36).toUpperCase()}`);
            return { ...request, method: 'POST', headers: one.headers, body: one.body };
          },
        },
      ],
    });
    child.send('stats');
    const { unhandled } = await child.next<{ unhandled: number }>(30_000);
    fake.send('stats');
    const { respondCalls } = await fake.next<{ respondCalls: number }>(30_000);
    const after = { respondCalls, unhandled };
    return {
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      meanMs: round(r.latency.average),
      requests: r.requests.total,
      requestsPerSecond: round(r.requests.average, 0),
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      respondCalls: after.respondCalls,
      unhandledRejections: after.unhandled,
      atFixedRate: { requestsPerSecond: FIXED_RATE, p50Ms: fixed.latency.p50, p99Ms: fixed.latency.p99, errors: fixed.errors + fixed.non2xx },
      allDistinct: { requestsPerSecond: round(distinct.requests.average, 0), p50Ms: distinct.latency.p50, p99Ms: distinct.latency.p99, errors: distinct.errors + distinct.timeouts + distinct.non2xx },
    };
  } finally {
    child.kill();
    fake.kill();
  }
}

/**
 * Ack latency of a signed `/sitrep brief` over HTTP under load (50 connections, 10 s, loopback), for the real
 * sitrep Slack app and, side by side, a bare Bolt app answering the same signed request with a fixed string.
 * Each server runs in its own process, and so does the fake Slack API that receives the respond() calls;
 * autocannon runs here. The target is checked on the saturating run; a
 * second, open-loop run at a fixed 100 requests/s is reported beside it, and a third where every request comes from
 * a different channel, so no answer can be reused from the minute's memo and each is computed after its ack.
 */
export async function slashCommandCase(): Promise<CaseResult> {
  const bare = await load('bare');
  const real = await load('real');
  const ratio = round(real.p99Ms / Math.max(bare.p99Ms, 1), 2);
  const errors = real.errors + real.timeouts + real.non2xx + bare.errors + bare.timeouts + bare.non2xx + real.unhandledRejections;
  return {
    target: 'p99(real) ≤ 1.2× p99(bare Bolt); zero errors',
    pass: ratio <= 1.2 && errors === 0,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    real,
    bareBolt: bare,
    p99Ratio: ratio,
    p50Ratio: round(real.p50Ms / Math.max(bare.p50Ms, 1), 2),
    p99RatioAtFixedRate: round(real.atFixedRate.p99Ms / Math.max(bare.atFixedRate.p99Ms, 1), 2),
    p99RatioAllDistinct: round(real.allDistinct.p99Ms / Math.max(bare.allDistinct.p99Ms, 1), 2),
    note: 'p99 ratio divides by max(bare p99, 1 ms): autocannon reports whole milliseconds',
  };
}
