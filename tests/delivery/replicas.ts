import type { ChildProcess } from 'node:child_process';
import { nonceForKey } from '../../adapters/discord/chat-adapter.js';
import type { PostgresStore } from '../../src/store/postgres-store.js';
import type { Platform } from '../../src/store/store.js';
import type { FakeDiscordApi } from '../fakes/discord-api.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { startCli, type CliRun } from '../reliability/cli-process.js';

/** A `sitrep start` process (the real CLI entry point) sharing a database with others. */
export interface Replica {
  child: ChildProcess;
  done: Promise<CliRun>;
  /** stdout + stderr so far. */
  output(): string;
  /** The HTTP port it listens on (read from its start line). */
  port(): Promise<number>;
  /** Deliveries it logged as sent. */
  sent(): number;
  stop(): Promise<CliRun>;
}

/** The environment of a replica posting to the fakes, on `databaseUrl`, with short claims (`leaseTtl`). */
export function replicaEnv(databaseUrl: string, slack: FakeSlackApi, discord: FakeDiscordApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SITREP_DATA: BRIEFINGS,
    SITREP_FEED_POLL: 'off',
    SITREP_LEASE_TTL: '2s',
    LOG_LEVEL: 'info',
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-replica-test-token',
    SLACK_SIGNING_SECRET: 'replica-test-signing-secret',
    SLACK_MODE: 'http',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'replica-discord-token',
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_MODE: 'http',
    DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    DISCORD_API_URL: discord.url,
    ...extra,
  };
}

/** Start `sitrep start --now <now>` (a fixed clock: every pass sees the same due jobs). */
export function startReplica(env: Record<string, string>, now: Date): Replica {
  const { child, done } = startCli(['start', '--now', now.toISOString()], env);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    done,
    output: () => out,
    async port() {
      for (let i = 0; i < 600; i++) {
        const m = /on port (\d+)/.exec(out);
        if (m) return Number(m[1]);
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`replica did not start: ${out.slice(-2000)}`);
    },
    sent: () => (out.match(/"outcome":"(?:sent|recovered)"/g) ?? []).length,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return done;
    },
  };
}

/** Poll `check` every 100 ms until it holds; fail with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** How many messages each expected key got, from the fakes (Slack: metadata key; Discord: the nonce of the key). */
export function messagesPerKey(expected: ReadonlyArray<{ platform: Platform; channel: string; key: string }>, slack: FakeSlackApi, discord: FakeDiscordApi): Map<string, number> {
  const slackKeys = new Map<string, number>();
  for (const m of slack.messages) {
    const key = m.metadata?.event_payload.key;
    if (typeof key === 'string') slackKeys.set(key, (slackKeys.get(key) ?? 0) + 1);
  }
  const nonces = new Map<string, number>();
  for (const m of discord.messages) if (typeof m.nonce === 'string') nonces.set(m.nonce, (nonces.get(m.nonce) ?? 0) + 1);
  return new Map(expected.map((e) => [e.key, e.platform === 'slack' ? (slackKeys.get(e.key) ?? 0) : (nonces.get(nonceForKey(e.key)) ?? 0)]));
}

/** Jobs by status, straight from the database. */
export async function jobCounts(store: PostgresStore): Promise<Record<string, number>> {
  const r = await store.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs GROUP BY status');
  return Object.fromEntries(r.rows.map((row) => [row.status, row.n]));
}
