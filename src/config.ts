import { z } from 'zod';
import { deliveryTarget } from './delivery/target.js';
import { parseDuration } from './time/duration.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());

const duration = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((s, ctx) => {
        const ms = parseDuration(s);
        if (ms === undefined) {
          ctx.addIssue({ code: 'custom', message: 'must be a duration such as 90m, 2h or 1d' });
          return z.NEVER;
        }
        return ms;
      }),
  );

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Every environment variable sitrep reads, in one place. `.env.example` documents each one. */
export const envSchema = z
  .object({
    SITREP_DB: z.preprocess(emptyToUndefined, z.string().default('./data/sitrep.db')),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.string().refine(isPostgresUrl, 'must be a postgres:// or postgresql:// URL with a host, e.g. postgres://sitrep:PASSWORD@db.internal:5432/sitrep').optional()),
    SITREP_LEASE_TTL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('60s')
        .transform((s, ctx) => {
          const ms = parseLeaseTtl(s);
          if (ms === undefined) {
            ctx.addIssue({ code: 'custom', message: 'must be a duration between 1s and 1h such as 30s or 2m' });
            return z.NEVER;
          }
          return ms;
        }),
    ),
    SITREP_DATA: z.preprocess(emptyToUndefined, z.string().default('./briefings')),
    SITREP_STORY: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9-]+$/, 'must be a story id ([a-z0-9-]+)').optional()),
    SITREP_TIMEZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Kyiv')
        .default('UTC'),
    ),
    SITREP_CATCHUP_MAX: duration('2h'),
    SITREP_FEED_POLL: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
    /** Where new drafts are posted for review: slack:C… or discord:…. */
    SITREP_REVIEW_CHANNEL: z.preprocess(emptyToUndefined, deliveryTarget.optional()),
    /** The Slack workspace (T… team or E… org id) of the review channel, when the app is installed in several. */
    SITREP_REVIEW_WORKSPACE: z.preprocess(emptyToUndefined, z.string().regex(/^[TE][A-Z0-9]{2,20}$/, 'must be a Slack team id (T…) or org id (E…)').optional()),
    /** Slack users (U…, W…) and user groups (S…) who may review; Discord uses Manage Messages instead. */
    SITREP_REVIEWERS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .transform((s, ctx) => {
          const users: string[] = [];
          const groups: string[] = [];
          for (const id of (s ?? '').split(/[\s,]+/).filter((x) => x !== '')) {
            if (/^[UW][A-Z0-9]{2,20}$/.test(id)) users.push(id);
            else if (/^S[A-Z0-9]{2,20}$/.test(id)) groups.push(id);
            else ctx.addIssue({ code: 'custom', message: `"${id.slice(0, 30)}" is not a Slack user id (U…, W…) or user-group id (S…)` });
          }
          return { users, groups };
        }),
    ),
    LOG_LEVEL: z.preprocess(emptyToUndefined, logLevel.default('info')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    /** Master secret for data sitrep encrypts or signs; each use derives its own key from it (HKDF, see secrets/token-box.ts). */
    SITREP_SECRET_KEY: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters (e.g. the output of: openssl rand -base64 32)').optional()),
    /** Where this instance's HTTP server is reachable from readers' browsers; posts link to pages under it. */
    PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).max(200).optional()),
    /** How long a briefing page link stays valid. */
    SITREP_PAGE_TTL: duration('7d'),

    SLACK_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^xoxb-/, 'must start with xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^xapp-/, 'must start with xapp-').optional()),
    SLACK_MODE: z.preprocess(emptyToUndefined, z.enum(['socket', 'http']).optional()),
    SLACK_API_URL: optionalUrl,
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters (any random string; it signs the install state)').optional()),

    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{5,25}$/, 'must be a numeric snowflake id').optional()),
    DISCORD_GUILD_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{5,25}$/, 'must be a numeric snowflake id').optional()),
    DISCORD_PUBLIC_KEY: z.preprocess(emptyToUndefined, z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters').optional()),
    DISCORD_MODE: z.preprocess(emptyToUndefined, z.enum(['gateway', 'http']).optional()),
    DISCORD_API_URL: optionalUrl,
  });

/**
 * Cross-variable rules, checked on the raw values so they are reported together with per-variable problems
 * (a half-configured platform is a mistake worth stopping for; a wholly absent one just isn't started).
 */
function crossCheck(raw: Record<string, string | undefined>): string[] {
  const v = (k: string) => {
    const x = raw[k];
    return typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined;
  };
  const errors: string[] = [];
  // Installs in many workspaces (Bolt's OAuth flow) take all three variables or none.
  const oauthSet = OAUTH_VARS.filter((k) => v(k));
  for (const k of OAUTH_VARS)
    if (oauthSet.length > 0 && !v(k)) errors.push(`${k}: is required with ${oauthSet.join(' and ')} (the Slack install flow needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)`);
  if (v('SLACK_BOT_TOKEN') || oauthSet.length > 0) {
    const mode = v('SLACK_MODE') ?? (v('SLACK_APP_TOKEN') ? 'socket' : 'http');
    if (oauthSet.length > 0 && mode === 'socket') errors.push('SLACK_MODE: the Slack install flow (SLACK_CLIENT_ID) serves /slack/install over HTTP: set SLACK_MODE=http');
    else if (mode === 'socket' && !v('SLACK_APP_TOKEN')) errors.push('SLACK_APP_TOKEN: is required for Socket Mode (or set SLACK_MODE=http)');
    if (mode === 'http' && !v('SLACK_SIGNING_SECRET')) errors.push('SLACK_SIGNING_SECRET: is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    if (oauthSet.length > 0 && !v('SITREP_SECRET_KEY')) errors.push('SITREP_SECRET_KEY: is required with SLACK_CLIENT_ID (workspace tokens are stored encrypted with a key derived from it)');
  } else if (v('SLACK_APP_TOKEN') || v('SLACK_SIGNING_SECRET') || v('SLACK_MODE')) {
    errors.push('SLACK_BOT_TOKEN: is required when other SLACK_* variables are set (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces)');
  }
  if (v('DISCORD_TOKEN') || v('DISCORD_MODE') === 'http') {
    if (!v('DISCORD_APPLICATION_ID')) errors.push('DISCORD_APPLICATION_ID: is required when Discord is configured');
    if (v('DISCORD_MODE') === 'http' && !v('DISCORD_PUBLIC_KEY')) errors.push('DISCORD_PUBLIC_KEY: is required for DISCORD_MODE=http');
  } else if (v('DISCORD_APPLICATION_ID') || v('DISCORD_GUILD_ID') || v('DISCORD_PUBLIC_KEY')) {
    errors.push('DISCORD_TOKEN: is required when other DISCORD_* variables are set');
  }
  if (v('PUBLIC_URL') && !v('SITREP_SECRET_KEY')) errors.push('SITREP_SECRET_KEY: is required when PUBLIC_URL is set (links to briefing pages are signed with it)');
  const review = v('SITREP_REVIEW_CHANNEL')?.toLowerCase();
  if (review?.startsWith('slack:')) {
    if (!v('SLACK_BOT_TOKEN') && oauthSet.length === 0) errors.push('SITREP_REVIEW_CHANNEL: a Slack review channel needs SLACK_BOT_TOKEN (or the Slack install flow)');
    // Installed in many workspaces without a default token: say which workspace's token posts the review messages.
    if (!v('SLACK_BOT_TOKEN') && oauthSet.length > 0 && !v('SITREP_REVIEW_WORKSPACE'))
      errors.push("SITREP_REVIEW_WORKSPACE: is required with a Slack review channel and no SLACK_BOT_TOKEN (the review channel's team id, T…)");
    if (!v('SITREP_REVIEWERS')) errors.push('SITREP_REVIEWERS: is required with a Slack review channel (the user or user-group ids who may approve drafts)');
  }
  if (review?.startsWith('discord:') && !v('DISCORD_TOKEN')) errors.push('SITREP_REVIEW_CHANNEL: a Discord review channel needs DISCORD_TOKEN (review messages are posted by the bot)');
  return errors;
}

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

type Env = z.infer<typeof envSchema>;

/** Bolt's OAuth install flow (GET /slack/install, GET /slack/oauth_redirect): one bot token per installed workspace. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** SITREP_SECRET_KEY: installation tokens are encrypted at rest under a key derived from it. */
  secretKey: string;
}

export interface SlackConfig {
  /**
   * SLACK_BOT_TOKEN: the single-workspace token. With `oauth` too, a workspace's own installation wins for that
   * workspace and this token serves everything else (its own workspace, and subscriptions that record none).
   */
  botToken?: string;
  /** Installs in many workspaces; absent in the single-token setup. */
  oauth?: SlackOAuthConfig;
  signingSecret?: string;
  appToken?: string;
  mode: 'socket' | 'http';
  apiUrl?: string;
}

export interface DiscordConfig {
  token?: string;
  applicationId: string;
  guildId?: string;
  publicKey?: string;
  mode: 'gateway' | 'http';
  apiUrl?: string;
}

export interface ReviewConfig {
  platform: 'slack' | 'discord';
  channel: string;
  /** Slack: the review channel's workspace (whose token posts there); absent: SLACK_BOT_TOKEN's. */
  workspace?: string;
  /** Slack reviewers: user ids, and user-group ids whose members may review. */
  reviewers: { users: string[]; groups: string[] };
}

export interface Config {
  dbFile: string;
  /** PostgreSQL instead of the SQLite file (several replicas may share it). */
  databaseUrl?: string;
  /** How long a replica's claim on a job (or a feed) holds without renewal: the failover delay after a crash. */
  leaseTtlMs: number;
  dataDir: string;
  storyId?: string;
  timezone: string;
  catchupMaxMs: number;
  feedPolling: boolean;
  logLevel: z.infer<typeof logLevel>;
  port: number;
  /** SITREP_SECRET_KEY (≥ 32 characters); features derive their own keys from it. */
  secretKey?: string;
  /** Base URL of the briefing pages (no trailing slash); posts link to them when set. */
  publicUrl?: string;
  /** Lifetime of a signed page link (ms). */
  pageTtlMs: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** Drafts are posted for review here (SITREP_REVIEW_CHANNEL). */
  review?: ReviewConfig;
  /** Values that must never be logged; the logger redacts them. */
  secrets: string[];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Validate the environment. Every bad variable is reported at once, as `NAME: problem`,
 * and no value is ever echoed (they may be secrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`);
  errors.push(...crossCheck(env));
  if (!parsed.success || errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, config: toConfig(parsed.data) };
}

function toConfig(e: Env): Config {
  const oauth: SlackOAuthConfig | undefined =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.SITREP_SECRET_KEY
      ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET, secretKey: e.SITREP_SECRET_KEY }
      : undefined;
  const slack: SlackConfig | undefined =
    e.SLACK_BOT_TOKEN || oauth
      ? {
          ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
          ...(oauth ? { oauth } : {}),
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          mode: e.SLACK_MODE ?? (e.SLACK_APP_TOKEN ? 'socket' : 'http'),
          apiUrl: e.SLACK_API_URL,
        }
      : undefined;
  const discord: DiscordConfig | undefined =
    e.DISCORD_APPLICATION_ID && (e.DISCORD_TOKEN || e.DISCORD_MODE === 'http')
      ? {
          token: e.DISCORD_TOKEN,
          applicationId: e.DISCORD_APPLICATION_ID,
          guildId: e.DISCORD_GUILD_ID,
          publicKey: e.DISCORD_PUBLIC_KEY,
          mode: e.DISCORD_MODE ?? 'gateway',
          apiUrl: e.DISCORD_API_URL,
        }
      : undefined;
  const secrets = [e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET, e.SITREP_SECRET_KEY, e.DISCORD_TOKEN, ...databaseSecrets(e.DATABASE_URL)].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  return {
    dbFile: e.SITREP_DB,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    leaseTtlMs: e.SITREP_LEASE_TTL,
    dataDir: e.SITREP_DATA,
    storyId: e.SITREP_STORY,
    timezone: e.SITREP_TIMEZONE,
    catchupMaxMs: e.SITREP_CATCHUP_MAX,
    feedPolling: e.SITREP_FEED_POLL === 'on',
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    ...(e.SITREP_SECRET_KEY ? { secretKey: e.SITREP_SECRET_KEY } : {}),
    ...(e.PUBLIC_URL !== undefined ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    pageTtlMs: e.SITREP_PAGE_TTL,
    slack,
    discord,
    ...(e.SITREP_REVIEW_CHANNEL
      ? {
          review: {
            platform: e.SITREP_REVIEW_CHANNEL.platform,
            channel: e.SITREP_REVIEW_CHANNEL.channel,
            ...(e.SITREP_REVIEW_CHANNEL.platform === 'slack' && e.SITREP_REVIEW_WORKSPACE ? { workspace: e.SITREP_REVIEW_WORKSPACE } : {}),
            reviewers: e.SITREP_REVIEWERS ?? { users: [], groups: [] },
          },
        }
      : {}),
    secrets,
  };
}

/** True for a time zone name `Intl` knows (IANA names such as Europe/Kyiv, and UTC). */
export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(tz)) return false;
  // The default needs no check, and asking Intl loads ICU's zone data (milliseconds and megabytes at start-up).
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A URL node-postgres can connect with: postgres:// or postgresql://, with a host (or a socket folder in `?host=`). */
export function isPostgresUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return false;
  return u.hostname !== '' || (u.searchParams.get('host') ?? '') !== '';
}

/** The password of a database URL (raw and decoded): values the logger must scrub. */
export function databaseSecrets(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    if (!u.password) return [];
    return [...new Set([u.password, decodeURIComponent(u.password)])];
  } catch {
    return [];
  }
}

/** `30s`, `2m`, `1h`, or milliseconds (`1500ms`), between 1 s and 1 h. */
function parseLeaseTtl(text: string): number | undefined {
  const m = /^\s*(\d{1,7})\s*(ms|s|m|h)\s*$/i.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2].toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(m[1]) * unit;
  return ms >= 1000 && ms <= 3_600_000 ? ms : undefined;
}
