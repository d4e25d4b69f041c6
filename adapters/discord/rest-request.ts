import { z } from 'zod';

/** Discord's REST base when DISCORD_API_URL is not set (the API version is appended per request). */
export const DEFAULT_DISCORD_API = 'https://discord.com/api';
export const DISCORD_API_VERSION = '10';

/** Discord JSON error codes that mean "this channel is not ours to post in (any more)". */
export const CHANNEL_UNAVAILABLE_CODES: ReadonlySet<number> = new Set([
  10003, // Unknown Channel
  10008, // Unknown Message (an edit of a deleted message)
  50001, // Missing Access
  50013, // Missing Permissions
]);

const rateLimitBody = z.object({
  retry_after: z.number().nonnegative(),
  global: z.boolean().optional(),
  message: z.string().optional(),
});

const errorBody = z.object({ code: z.number().int().optional(), message: z.string().optional() });

/** How one REST call ended, classified the way the send queue needs it. */
export type RestResult =
  | { ok: true; status: number; body: unknown; headers: Headers }
  | { ok: false; kind: 'rate-limited'; status: 429; retryAfterMs: number; global: boolean; error: string; headers: Headers }
  | { ok: false; kind: 'transient'; status?: number; error: string }
  | { ok: false; kind: 'channel-unavailable'; status: number; code?: number; error: string }
  | { ok: false; kind: 'permanent'; status: number; code?: number; error: string };

export interface RestRequest {
  apiUrl?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Route below the versioned base, e.g. `/channels/123/messages`. */
  path: string;
  body?: unknown;
  /** Bot token; omitted for interaction webhooks, which authenticate with the interaction token in the path. */
  token?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The full URL for a route, honouring a custom API base (tests, proxies). */
export function discordUrl(apiUrl: string | undefined, path: string): string {
  const base = (apiUrl ?? DEFAULT_DISCORD_API).replace(/\/+$/, '');
  return `${base}/v${DISCORD_API_VERSION}${path}`;
}

/**
 * One Discord REST call, exactly one attempt. Errors come back as classified values; the bot token never
 * appears in them (messages carry the route and Discord's own error text only).
 */
export async function discordRest(req: RestRequest): Promise<RestResult> {
  const headers: Record<string, string> = { 'user-agent': 'DiscordBot (https://github.com/sitrep, 0.1.0)' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.token) headers.authorization = `Bot ${req.token}`;
  const route = `${req.method} ${req.path.replace(/\/webhooks\/(\d+)\/[^/]+/, '/webhooks/$1/:token').replace(/\/interactions\/(\d+)\/[^/]+/, '/interactions/$1/:token')}`;
  let res: Response;
  try {
    res = await (req.fetchImpl ?? fetch)(discordUrl(req.apiUrl, req.path), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
    });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'network error';
    return { ok: false, kind: 'transient', error: `${route}: ${reason}` };
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (res.ok) return { ok: true, status: res.status, body, headers: res.headers };

  if (res.status === 429) {
    const parsed = rateLimitBody.safeParse(body);
    const headerSeconds = Number(res.headers.get('retry-after'));
    const seconds = parsed.success ? parsed.data.retry_after : Number.isFinite(headerSeconds) ? headerSeconds : 1;
    const global = (parsed.success && parsed.data.global === true) || res.headers.get('x-ratelimit-global') === 'true';
    return {
      ok: false,
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: Math.max(1, Math.ceil(seconds * 1000)),
      global,
      error: `${route}: rate limited${global ? ' (global)' : ''}, retry after ${seconds}s`,
      headers: res.headers,
    };
  }
  if (res.status >= 500) return { ok: false, kind: 'transient', status: res.status, error: `${route}: HTTP ${res.status}` };

  const err = errorBody.safeParse(body);
  const code = err.success ? err.data.code : undefined;
  const message = err.success && err.data.message ? err.data.message : `HTTP ${res.status}`;
  const error = `${route}: ${message}${code !== undefined ? ` (code ${code})` : ''}`;
  if (code !== undefined && CHANNEL_UNAVAILABLE_CODES.has(code)) return { ok: false, kind: 'channel-unavailable', status: res.status, code, error };
  return { ok: false, kind: 'permanent', status: res.status, ...(code !== undefined ? { code } : {}), error };
}
