import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mulberry32 } from './prng.js';

/**
 * A local fake of the Discord REST API (v10 routes), for tests of anything that talks to Discord.
 *
 * Point `DISCORD_API_URL` (or discord.js `rest.api`) at `fake.url`; clients append `/v10/...` as they
 * would to `https://discord.com/api`. Every request is recorded. Supports what sitrep uses: channel messages
 * (with `nonce` + `enforce_nonce` dedup), application commands (global and guild), `/users/@me`,
 * `/channels/:id`, interaction callbacks and the interaction webhook (`@original` edit/delete, follow-ups).
 *
 * Failure injection: `inject()` answers 429 / 5xx / anything for the next N matching calls or for a ratio
 * of them (seeded, so runs are repeatable); `denyChannel()` makes a channel answer 403 Missing Access,
 * 404 Unknown Channel or 403 Missing Permissions. The fake also enforces a per-channel message rate limit
 * (default 5 per 5 s, like Discord) and a global 50 requests/s limit, answering 429 and recording a
 * violation whenever a client ignores them.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when not JSON, or undefined when empty. */
  body: unknown;
  /** Date.now() when received. */
  at: number;
  /** Status the fake answered with. */
  status: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  allowed_mentions?: unknown;
  nonce?: string | number;
  flags: number;
  author: { id: string; username: string; bot: true };
  timestamp: string;
  edited_timestamp: string | null;
  type: 0;
  tts: false;
  mention_everyone: false;
  mentions: [];
  mention_roles: [];
  attachments: [];
  components: unknown[];
  pinned: false;
}

export interface FakeCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  [key: string]: unknown;
}

export interface InjectedFailure {
  /** Which calls it applies to: `'messages'` (POST /channels/:id/messages), a path regexp, or any call (default). */
  route?: 'messages' | RegExp;
  /** HTTP status to answer (429 builds a Discord rate-limit body). */
  status: number;
  /** Apply to the next `times` matching calls (default 1 unless `ratio` is set). */
  times?: number;
  /** Instead of `times`: apply to this fraction (0..1) of matching calls, indefinitely. */
  ratio?: number;
  /** For 429: seconds (float) in `retry_after` and the headers. Default 0.05. */
  retryAfter?: number;
  /** For 429: a global rate limit. */
  global?: boolean;
  /** Override the JSON body. */
  body?: unknown;
}

export type ChannelDenial = 'missing-access' | 'unknown-channel' | 'missing-permissions';

export interface FakeDiscordOptions {
  applicationId?: string;
  /** When set, bot-authenticated routes require `Authorization: Bot <token>` (401 otherwise). */
  token?: string;
  botUser?: { id: string; username: string };
  /** How long an `enforce_nonce` nonce is remembered (ms). Default 5 minutes. */
  nonceWindowMs?: number;
  /** Per-channel message limit; `null` disables it. Default 5 per 5000 ms. */
  channelLimit?: { limit: number; windowMs: number } | null;
  /** Global requests per second for bot-authenticated routes; `null` disables it. Default 50. */
  globalPerSecond?: number | null;
  /**
   * Extra requests tolerated per 1 s window before a global violation is recorded. The fake runs in the test's
   * own process, so an event-loop stall bunches arrivals that were sent evenly; the default 5 absorbs that while
   * a client without any global pacing (hundreds per second) is still caught.
   */
  globalTolerance?: number;
  /** Seed for ratio-based failure injection. */
  seed?: number;
}

interface ActiveFailure extends InjectedFailure {
  remaining: number;
}

const DISCORD_EPOCH = 1_420_070_400_000n;

const DENIALS: Record<ChannelDenial, { status: number; body: { code: number; message: string } }> = {
  'missing-access': { status: 403, body: { code: 50001, message: 'Missing Access' } },
  'unknown-channel': { status: 404, body: { code: 10003, message: 'Unknown Channel' } },
  'missing-permissions': { status: 403, body: { code: 50013, message: 'Missing Permissions' } },
};

export class FakeDiscordApi {
  readonly requests: RecordedRequest[] = [];
  /** Every message created, in order (edits update in place). */
  readonly messages: FakeMessage[] = [];
  readonly globalCommands: FakeCommand[] = [];
  readonly guildCommands = new Map<string, FakeCommand[]>();
  /** Bodies of POST /interactions/:id/:token/callback. */
  readonly interactionCallbacks: Array<{ interactionId: string; token: string; body: unknown }> = [];
  /** Bodies of PATCH /webhooks/:appId/:token/messages/:id. */
  readonly webhookEdits: Array<{ applicationId: string; token: string; messageId: string; body: unknown }> = [];
  /** Bodies of POST /webhooks/:appId/:token (interaction follow-ups). */
  readonly followUps: Array<{ applicationId: string; token: string; body: unknown }> = [];
  /** Threads started from messages: the thread's id is the message's. */
  readonly threads: Array<{ id: string; parentId: string; name: string }> = [];
  /** Calls that ignored a per-channel (`scope: 'channel'`) or global rate limit. */
  readonly rateLimitViolations: Array<{ kind: 'channel' | 'global'; channelId?: string; at: number }> = [];

  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  private readonly options: FakeDiscordOptions;
  private readonly failures: ActiveFailure[] = [];
  private readonly denied = new Map<string, ChannelDenial>();
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly channelWindows = new Map<string, { start: number; count: number }>();
  private globalWindow = { start: 0, count: 0 };
  private seq = 0n;
  private rng: () => number;
  private server: Server | undefined;
  private base = '';

  private constructor(options: FakeDiscordOptions) {
    this.options = options;
    this.applicationId = options.applicationId ?? '100000000000000001';
    this.botUser = options.botUser ?? { id: '100000000000000002', username: 'sitrep-test' };
    this.rng = mulberry32(options.seed ?? 42);
  }

  /** Start on a random loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscordApi> {
    const fake = new FakeDiscordApi(options);
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const addr = server.address();
    if (!addr || typeof addr !== 'object') throw new Error('fake discord: no address');
    fake.server = server;
    fake.base = `http://127.0.0.1:${addr.port}`;
    return fake;
  }

  /** The API base to configure (like `https://discord.com/api`; clients add `/v10`). */
  get url(): string {
    return `${this.base}/api`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Forget recorded traffic, injected failures, denials and rate-limit windows. */
  reset(): void {
    this.requests.length = 0;
    this.messages.length = 0;
    this.globalCommands.length = 0;
    this.guildCommands.clear();
    this.interactionCallbacks.length = 0;
    this.webhookEdits.length = 0;
    this.followUps.length = 0;
    this.rateLimitViolations.length = 0;
    this.threads.length = 0;
    this.failures.length = 0;
    this.denied.clear();
    this.nonces.clear();
    this.channelWindows.clear();
    this.globalWindow = { start: 0, count: 0 };
    this.rng = mulberry32(this.options.seed ?? 42);
  }

  /** Answer matching calls with a failure (see {@link InjectedFailure}). */
  inject(failure: InjectedFailure): void {
    this.failures.push({ ...failure, remaining: failure.ratio !== undefined ? Infinity : (failure.times ?? 1) });
  }

  /** Shorthand: the next `times` message posts get 429 with `retry_after` seconds. */
  rateLimitNext(times: number, retryAfter = 0.05, global = false): void {
    this.inject({ route: 'messages', status: 429, times, retryAfter, global });
  }

  /** Make every call about `channelId` fail like Discord does when the bot lost access or the channel is gone. */
  denyChannel(channelId: string, denial: ChannelDenial = 'missing-access'): void {
    this.denied.set(channelId, denial);
  }

  /** Delete a message (edits of it then answer 404 Unknown Message). */
  deleteMessage(id: string): void {
    const i = this.messages.findIndex((m) => m.id === id);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** Messages created in one channel. */
  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel_id === channelId);
  }

  /** Recorded requests matching method and a path regexp. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** A new snowflake (ordered by creation). */
  snowflake(): string {
    this.seq += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.seq & 0xfffn)).toString();
  }

  // ---------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    // discord.js percent-encodes `@original`; Discord accepts either form, and so does the fake.
    const path = safeDecode(url.pathname.replace(/^(?:\/api)?\/v\d+(?=\/)/, '').replace(/^\/api(?=\/)/, ''));
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const record: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body, at: Date.now(), status: 0 };
    this.requests.push(record);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.statusCode = status;
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      if (json === undefined) {
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(json));
    };
    try {
      this.route(method, path, record, send);
    } catch (err) {
      send(500, { code: 0, message: `fake discord error: ${(err as Error).message}` });
    }
  }

  private route(method: string, path: string, record: RecordedRequest, send: Sender): void {
    const body = record.body;
    const isMessagePost = method === 'POST' && /^\/channels\/\d+\/messages$/.test(path);

    const failure = this.takeFailure(path, isMessagePost);
    if (failure) return this.sendFailure(failure, send);

    // Interaction callbacks and webhooks authenticate with the interaction token, not the bot token.
    const botRoute = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (botRoute) {
      if (this.options.token !== undefined && record.headers.authorization !== `Bot ${this.options.token}`)
        return send(401, { code: 0, message: '401: Unauthorized' });
      if (this.options.globalPerSecond !== null && !this.takeGlobal()) {
        this.rateLimitViolations.push({ kind: 'global', at: Date.now() });
        return send(
          429,
          { message: 'You are being rate limited.', retry_after: 1, global: true },
          { 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        );
      }
    }

    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/users/@me') return send(200, { ...this.botUser, bot: true, discriminator: '0', avatar: null });

    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const id = m[1] as string;
      const denial = this.denied.get(id);
      if (denial) return send(DENIALS[denial].status, DENIALS[denial].body);
      return send(200, { id, type: 0, guild_id: '100000000000000003', name: `channel-${id}`, permission_overwrites: [] });
    }

    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') return this.createMessage(m[1] as string, body, send);

    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const [, channelId, messageId] = m as unknown as [string, string, string];
      const denial = this.denied.get(channelId);
      if (denial) return send(DENIALS[denial].status, DENIALS[denial].body);
      const target = this.messages.find((x) => x.id === messageId && x.channel_id === channelId);
      if (!target) return send(404, { code: 10008, message: 'Unknown Message' });
      const b = asObject(body);
      if (typeof b.content === 'string') target.content = b.content;
      if (Array.isArray(b.embeds)) target.embeds = b.embeds;
      if (Array.isArray(b.components)) target.components = b.components;
      if (b.allowed_mentions !== undefined) target.allowed_mentions = b.allowed_mentions;
      target.edited_timestamp = new Date().toISOString();
      return send(200, target);
    }

    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path)) && method === 'POST') {
      const [, channelId, messageId] = m as unknown as [string, string, string];
      const denial = this.denied.get(channelId);
      if (denial) return send(DENIALS[denial].status, DENIALS[denial].body);
      if (!this.messages.some((x) => x.id === messageId && x.channel_id === channelId)) return send(404, { code: 10008, message: 'Unknown Message' });
      if (this.threads.some((t) => t.id === messageId)) return send(400, { code: 160004, message: 'A thread has already been created for this message' });
      const name = typeof asObject(body).name === 'string' ? (asObject(body).name as string) : 'thread';
      this.threads.push({ id: messageId, parentId: channelId, name });
      return send(201, { id: messageId, type: 11, parent_id: channelId, name, guild_id: '100000000000000003' });
    }

    if ((m = /^\/applications\/(\d+)\/commands$/.exec(path))) return this.commands(method, m[1] as string, undefined, body, send);
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path))) return this.commands(method, m[1] as string, m[2], body, send);

    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      this.interactionCallbacks.push({ interactionId: m[1] as string, token: m[2] as string, body });
      if (record.query.get('with_response') === 'true')
        return send(200, { interaction: { id: m[1], type: 2, response_message_id: null }, resource: { type: asObject(body).type ?? 4 } });
      return send(204);
    }

    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
      const [, applicationId, token, messageId] = m as unknown as [string, string, string, string];
      if (method === 'PATCH') {
        this.webhookEdits.push({ applicationId, token, messageId, body });
        const b = asObject(body);
        return send(200, this.messageObject(messageId === '@original' ? this.snowflake() : messageId, '0', b));
      }
      if (method === 'DELETE') return send(204);
      if (method === 'GET') return send(200, this.messageObject(this.snowflake(), '0', {}));
    }

    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === 'POST') {
      this.followUps.push({ applicationId: m[1] as string, token: m[2] as string, body });
      return send(200, this.messageObject(this.snowflake(), '0', asObject(body)));
    }

    send(404, { code: 0, message: '404: Not Found' });
  }

  private createMessage(channelId: string, body: unknown, send: Sender): void {
    const denial = this.denied.get(channelId);
    if (denial) return send(DENIALS[denial].status, DENIALS[denial].body);

    const b = asObject(body);
    const content = typeof b.content === 'string' ? b.content : '';
    const embeds = Array.isArray(b.embeds) ? b.embeds : [];
    if (content.length === 0 && embeds.length === 0)
      return send(400, { code: 50006, message: 'Cannot send an empty message' });
    const nonce = typeof b.nonce === 'string' || typeof b.nonce === 'number' ? b.nonce : undefined;
    if (typeof nonce === 'string' && nonce.length > 25)
      return send(400, { code: 50035, message: 'Invalid Form Body', errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } });

    const now = Date.now();
    // Like Discord: a repeated nonce inside the window returns the existing message and creates nothing.
    if (nonce !== undefined && b.enforce_nonce === true) {
      const seen = this.nonces.get(`${channelId}:${String(nonce)}`);
      if (seen && now - seen.at <= (this.options.nonceWindowMs ?? 300_000)) {
        const existing = this.messages.find((msg) => msg.id === seen.messageId);
        if (existing) return send(200, existing, this.channelHeaders(channelId, now, false));
      }
    }

    const limit = this.options.channelLimit === undefined ? { limit: 5, windowMs: 5000 } : this.options.channelLimit;
    if (limit) {
      const win = this.channelWindows.get(channelId);
      if (win && now - win.start < limit.windowMs && win.count >= limit.limit) {
        this.rateLimitViolations.push({ kind: 'channel', channelId, at: now });
        const retryAfter = (limit.windowMs - (now - win.start)) / 1000;
        return send(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { ...this.channelHeaders(channelId, now, false), 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-scope': 'user' },
        );
      }
    }

    const message = this.messageObject(this.snowflake(), channelId, b);
    if (nonce !== undefined) message.nonce = nonce;
    this.messages.push(message);
    if (nonce !== undefined && b.enforce_nonce === true) this.nonces.set(`${channelId}:${String(nonce)}`, { messageId: message.id, at: now });
    send(200, message, this.channelHeaders(channelId, now, true));
  }

  /** X-RateLimit-* headers for a channel's message bucket, counting this call when `count` is set. */
  private channelHeaders(channelId: string, now: number, count: boolean): Record<string, string> {
    const limit = this.options.channelLimit === undefined ? { limit: 5, windowMs: 5000 } : this.options.channelLimit;
    if (!limit) return {};
    let win = this.channelWindows.get(channelId);
    if (!win || now - win.start >= limit.windowMs) {
      win = { start: now, count: 0 };
      this.channelWindows.set(channelId, win);
    }
    if (count) win.count += 1;
    const resetAfter = (limit.windowMs - (now - win.start)) / 1000;
    return {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(Math.max(0, limit.limit - win.count)),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-reset': ((win.start + limit.windowMs) / 1000).toFixed(3),
      'x-ratelimit-bucket': `fake-channel-messages`,
    };
  }

  private takeGlobal(): boolean {
    const perSecond = this.options.globalPerSecond === undefined ? 50 : this.options.globalPerSecond;
    if (perSecond === null) return true;
    const now = Date.now();
    if (now - this.globalWindow.start >= 1000) this.globalWindow = { start: now, count: 0 };
    this.globalWindow.count += 1;
    return this.globalWindow.count <= perSecond + (this.options.globalTolerance ?? 5);
  }

  private commands(method: string, applicationId: string, guildId: string | undefined, body: unknown, send: Sender): void {
    if (applicationId !== this.applicationId) return send(403, { code: 50001, message: 'Missing Access' });
    const list = guildId === undefined ? this.globalCommands : (this.guildCommands.get(guildId) ?? []);
    if (guildId !== undefined) this.guildCommands.set(guildId, list);
    const stamp = (c: Record<string, unknown>): FakeCommand => ({
      ...c,
      id: this.snowflake(),
      application_id: applicationId,
      ...(guildId !== undefined ? { guild_id: guildId } : {}),
      version: this.snowflake(),
    });
    if (method === 'GET') return send(200, list);
    if (method === 'PUT') {
      if (!Array.isArray(body)) return send(400, { code: 50035, message: 'Invalid Form Body' });
      list.length = 0;
      for (const c of body) list.push(stamp(asObject(c)));
      return send(200, list);
    }
    if (method === 'POST') {
      const c = stamp(asObject(body));
      const i = list.findIndex((x) => x.name === c.name);
      if (i >= 0) list[i] = c;
      else list.push(c);
      return send(i >= 0 ? 200 : 201, c);
    }
    send(405, { code: 0, message: '405: Method Not Allowed' });
  }

  private takeFailure(path: string, isMessagePost: boolean): ActiveFailure | undefined {
    for (const f of this.failures) {
      if (f.remaining <= 0) continue;
      const matches = f.route === undefined || (f.route === 'messages' ? isMessagePost : f.route.test(path));
      if (!matches) continue;
      if (f.ratio !== undefined) {
        if (this.rng() < f.ratio) return f;
        continue;
      }
      f.remaining -= 1;
      return f;
    }
    return undefined;
  }

  private sendFailure(f: ActiveFailure, send: Sender): void {
    if (f.status === 429) {
      const retryAfter = f.retryAfter ?? 0.05;
      return send(
        429,
        f.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: f.global ?? false },
        {
          'retry-after': String(Math.max(1, Math.ceil(retryAfter))),
          'x-ratelimit-scope': f.global ? 'global' : 'user',
          ...(f.global ? { 'x-ratelimit-global': 'true' } : { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': retryAfter.toFixed(3) }),
        },
      );
    }
    send(f.status, f.body ?? { code: 0, message: f.status >= 500 ? 'Internal Server Error' : `${f.status}` });
  }

  private messageObject(id: string, channelId: string, b: Record<string, unknown>): FakeMessage {
    return {
      id,
      channel_id: channelId,
      content: typeof b.content === 'string' ? b.content : '',
      embeds: Array.isArray(b.embeds) ? b.embeds : [],
      ...(b.allowed_mentions !== undefined ? { allowed_mentions: b.allowed_mentions } : {}),
      flags: typeof b.flags === 'number' ? b.flags : 0,
      author: { ...this.botUser, bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      components: Array.isArray(b.components) ? b.components : [],
      pinned: false,
    };
  }
}

type Sender = (status: number, json?: unknown, headers?: Record<string, string>) => void;

function asObject(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

