import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { mulberry32 } from './prng.js';

/** One request the fake received. `body` is parsed from form or JSON; form fields holding JSON are decoded. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for respond() posts. */
  method: string;
  /** Path of the request (for response_url calls: `/respond/<id>`). */
  path: string;
  body: Record<string, unknown>;
  /** Authorization header, if any (tests assert the bot token is sent). */
  authorization?: string;
  /** Wall-clock ms at receipt (for the rate-limit check only, never for test assertions on speed). */
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
  /** Slack `error` code the fake answered with, if any. */
  error?: string;
  /** Wall-clock ms when the answer was written (unset while a slowed answer is still held back). */
  answeredAt?: number;
}

/** A message accepted by chat.postMessage, as conversations.history returns it. */
export interface StoredMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Set on replies: the ts of the thread's parent. */
  thread_ts?: string;
  /** Set when chat.update changed it. */
  edited?: { ts: string };
  user: string;
  bot_id: string;
}

export interface RateLimitViolation {
  channel: string;
  /** ms between this post and the previous accepted post to the same channel. */
  gapMs: number;
  ts: string;
}

type Fault =
  | { kind: '429'; retryAfterSec: number }
  | { kind: '500' };

interface FaultRule {
  fault: Fault;
  /** Remaining calls to fail (count mode). */
  remaining?: number;
  /** Fraction of calls to fail (ratio mode). */
  ratio?: number;
  /** Only these Web API methods (all when absent). */
  methods?: readonly string[];
}

/** A workspace the fake can install into: `oauth.v2.access` with its `code` answers with its bot token. */
export interface FakeWorkspace {
  teamId: string;
  teamName?: string;
  /** The bot token the install hands out (auth.test with it answers as this workspace's bot). */
  botToken: string;
  botUserId?: string;
  botId?: string;
  /** The Slack user who installs. */
  installerId?: string;
  /** Token rotation: a refresh token and the bot token's lifetime in seconds. */
  refreshToken?: string;
  expiresIn?: number;
  /** What a refresh (grant_type=refresh_token) hands out next. */
  refreshedToken?: string;
}

export interface FakeSlackApiOptions {
  /** Minimum gap between posts to one channel before a violation is recorded. Default 1000 ms ("1 msg/s"). */
  minChannelIntervalMs?: number;
  /** Seed for ratio-based faults (deterministic). */
  seed?: number;
  /** Bot identity returned by auth.test. */
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** The app's OAuth credentials; when set, oauth.v2.access checks them. */
  clientId?: string;
  clientSecret?: string;
  /** Answer chat.postMessage this long after taking the message (a real API's round trip; default 0). */
  postLatencyMs?: number;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'unfurl_links', 'unfurl_media', 'include_all_metadata', 'view']);

/**
 * A small local stand-in for the Slack Web API (and response_url endpoints), for tests.
 * It records every call, keeps posted messages (with metadata) per channel for conversations.history,
 * can inject 429/500/channel errors, and records violations of a per-channel post rate.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly violations: RateLimitViolation[] = [];
  /** Messages Socket Mode clients sent us (acks: `{ envelope_id, payload }`). */
  readonly socketMessages: Array<Record<string, unknown>> = [];
  private readonly sockets = new Set<Duplex>();
  private server: Server | undefined;
  private port = 0;
  private faults: FaultRule[] = [];
  private readonly channelErrors = new Map<string, string>();
  private readonly lastPostAt = new Map<string, number>();
  private readonly waiters: Array<{ check: () => boolean; resolve: () => void }> = [];
  private authError: string | undefined;
  private readonly slow = new Map<string, number>();
  private readonly groups = new Map<string, string[]>();
  /** Views opened with views.open, in order. */
  readonly views: Array<{ trigger_id: string; view: Record<string, unknown> }> = [];
  private tsCounter = 0;
  private rng: () => number;
  private readonly minInterval: number;
  private readonly postLatencyMs: number;
  private readonly identity: { user_id: string; bot_id: string; team_id: string };
  private readonly oauthClient: { id?: string | undefined; secret?: string | undefined };
  /** Pending installs by OAuth code (single use), and installed workspaces by bot token. */
  private readonly codes = new Map<string, FakeWorkspace>();
  private readonly byToken = new Map<string, FakeWorkspace>();
  private readonly byRefresh = new Map<string, FakeWorkspace>();
  private readonly revoked = new Set<string>();

  constructor(options: FakeSlackApiOptions = {}) {
    this.minInterval = options.minChannelIntervalMs ?? 1000;
    this.postLatencyMs = options.postLatencyMs ?? 0;
    this.rng = mulberry32(options.seed ?? 42);
    this.identity = { user_id: options.botUserId ?? 'UBOT', bot_id: options.botId ?? 'BBOT', team_id: options.teamId ?? 'T0001' };
    this.oauthClient = { id: options.clientId, secret: options.clientSecret };
  }

  /** Let a browser "approve" an install into `workspace`: Slack would send it back to the app with this `code`. */
  addInstall(code: string, workspace: FakeWorkspace): void {
    this.codes.set(code, workspace);
  }

  /** From now on, calls with `token` fail with `token_revoked` (an uninstall revokes every token of the workspace). */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  /** The bearer token of a call, without the scheme. */
  static bearer(call: RecordedCall): string | undefined {
    return call.authorization?.replace(/^Bearer /, '');
  }

  /** Start on a random loopback port. */
  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('upgrade', (req, socket) => this.upgrade(req, socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Base URL for `slackApiUrl` / `SLACK_API_URL` (ends with `/api/`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url that records respond() calls under `id`. */
  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/respond/${encodeURIComponent(id)}`;
  }

  /** Answer 429 with `Retry-After: retryAfterSec` for the next `count` calls (optionally only to `methods`). */
  rateLimitNext(count: number, retryAfterSec = 1, methods?: readonly string[]): void {
    this.faults.push({ fault: { kind: '429', retryAfterSec }, remaining: count, methods });
  }

  /** Answer 429 for a fraction of calls (seeded, deterministic). */
  rateLimitRatio(ratio: number, retryAfterSec = 1, methods?: readonly string[]): void {
    this.faults.push({ fault: { kind: '429', retryAfterSec }, ratio, methods });
  }

  /** Answer HTTP 500 for the next `count` calls. */
  failNext(count: number, methods?: readonly string[]): void {
    this.faults.push({ fault: { kind: '500' }, remaining: count, methods });
  }

  /** Answer HTTP 500 for a fraction of calls (seeded, deterministic). */
  failRatio(ratio: number, methods?: readonly string[]): void {
    this.faults.push({ fault: { kind: '500' }, ratio, methods });
  }

  /** Posts and reads of `channel` fail with this Slack error (e.g. channel_not_found, not_in_channel, is_archived). */
  setChannelError(channel: string, error: string | undefined): void {
    if (error === undefined) this.channelErrors.delete(channel);
    else this.channelErrors.set(channel, error);
  }

  /**
   * Hold back the answers to `method` for `ms` (0 restores). The call takes effect when it arrives, as on Slack's
   * side, so a client that gives up waiting has still posted: what a slow network looks like to a bot.
   */
  slowDown(method: string, ms: number): void {
    if (ms > 0) this.slow.set(method, ms);
    else this.slow.delete(method);
  }

  /** Members of a user group, as usergroups.users.list answers them. */
  setUserGroup(id: string, users: readonly string[]): void {
    this.groups.set(id, [...users]);
  }

  /** Delete a posted message (chat.update on it then answers message_not_found). */
  deleteMessage(channel: string, ts: string): void {
    const i = this.messages.findIndex((m) => m.channel === channel && m.ts === ts);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** The message with this ts in this channel, as it is now. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Make auth.test fail with this Slack error (e.g. invalid_auth); undefined restores it. */
  setAuthError(error: string | undefined): void {
    this.authError = error;
  }

  /** Drop all fault rules. */
  clearFaults(): void {
    this.faults = [];
    this.channelErrors.clear();
    this.slow.clear();
  }

  /** Forget recorded calls, messages and violations (fault rules stay). */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.violations.length = 0;
    this.views.length = 0;
    this.lastPostAt.clear();
  }

  /** Calls of one method (`response_url` for respond() posts), in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Successful calls of one method. */
  okCallsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.error === undefined);
  }

  /** Resolve once `predicate` holds (checked after every call); reject after `timeoutMs`. */
  waitFor(predicate: (api: this) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        check: () => predicate(this),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`FakeSlackApi.waitFor timed out after ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolve once at least `count` calls of `method` were recorded. */
  waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    return this.waitFor((api) => api.callsOf(method).length >= count, timeoutMs).then(() => this.callsOf(method));
  }

  /** Open Socket Mode connections. */
  get socketCount(): number {
    return this.sockets.size;
  }

  /**
   * Push a Socket Mode envelope (e.g. `slash_commands`, `interactive`) to every connected client.
   * Resolves with the envelope id; use `waitForSocketAck` to see the app's ack.
   */
  sendEnvelope(type: string, payload: Record<string, unknown>): string {
    const envelope_id = randomUUID();
    const frame = wsFrame(0x1, Buffer.from(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api' })));
    for (const s of this.sockets) s.write(frame);
    return envelope_id;
  }

  /** Resolve with the ack a Socket Mode client sent for `envelopeId`. */
  async waitForSocketAck(envelopeId: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    await this.waitFor((api) => api.socketMessages.some((m) => m.envelope_id === envelopeId), timeoutMs);
    const ack = this.socketMessages.find((m) => m.envelope_id === envelopeId);
    if (!ack) throw new Error('unreachable');
    return ack;
  }

  /** Minimal RFC 6455 server side: handshake, text frames, ping→pong, close. Enough for @slack/socket-mode. */
  private upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || !(req.url ?? '').startsWith('/socket')) {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.sockets.add(socket);
    const gone = () => {
      this.sockets.delete(socket);
      this.notify();
    };
    socket.on('close', gone);
    socket.on('error', gone);
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const frame = readClientFrame(buf);
        if (!frame) break;
        buf = buf.subarray(frame.size);
        if (frame.opcode === 0x1) {
          try {
            const msg: unknown = JSON.parse(frame.payload.toString('utf8'));
            if (isRecord(msg)) this.socketMessages.push(msg);
          } catch {
            // not JSON: ignore, as Slack would
          }
          this.notify();
        } else if (frame.opcode === 0x9) {
          socket.write(wsFrame(0xa, frame.payload));
        } else if (frame.opcode === 0x8) {
          socket.end(wsFrame(0x8, frame.payload.subarray(0, 2)));
          this.sockets.delete(socket);
        }
      }
    });
    socket.write(wsFrame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }))));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const isRespond = path.startsWith('/respond/');
    const method = isRespond ? 'response_url' : path.replace(/^\/api\//, '');
    const call: RecordedCall = { method, path, body, at: Date.now(), status: 200 };
    const auth = req.headers.authorization;
    if (typeof auth === 'string') call.authorization = auth;
    this.calls.push(call);

    const fault = isRespond ? undefined : this.takeFault(method);
    if (fault?.kind === '429') {
      call.status = 429;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSec) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else if (fault?.kind === '500') {
      call.status = 500;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    } else {
      const answer = isRespond ? { ok: true } : this.answer(method, body, call);
      if (answer.ok === false && typeof answer.error === 'string') call.error = answer.error;
      const delay = this.slow.get(method) ?? (method === 'chat.postMessage' && this.postLatencyMs > 0 ? this.postLatencyMs : undefined);
      if (delay !== undefined) {
        this.notify();
        await new Promise((r) => setTimeout(r, delay));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    }
    call.answeredAt = Date.now();
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private takeFault(method: string): Fault | undefined {
    for (const rule of this.faults) {
      if (rule.methods && !rule.methods.includes(method)) continue;
      if (rule.remaining !== undefined) {
        if (rule.remaining <= 0) continue;
        rule.remaining -= 1;
        return rule.fault;
      }
      if (rule.ratio !== undefined && this.rng() < rule.ratio) return rule.fault;
    }
    return undefined;
  }

  private answer(method: string, body: Record<string, unknown>, call: RecordedCall): Record<string, unknown> {
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    const token = FakeSlackApi.bearer(call);
    if (token !== undefined && this.revoked.has(token)) return { ok: false, error: 'token_revoked' };
    switch (method) {
      case 'oauth.v2.access':
        return this.oauthAccess(body);
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'auth.test':
        if (this.authError) return { ok: false, error: this.authError };
        {
          const ws = token !== undefined ? this.byToken.get(token) : undefined;
          if (ws) return { ok: true, url: `https://${ws.teamId.toLowerCase()}.slack.test/`, team: ws.teamName ?? ws.teamId, user: 'sitrep', user_id: ws.botUserId ?? `UBOT${ws.teamId}`, bot_id: ws.botId ?? `B${ws.teamId}`, team_id: ws.teamId };
        }
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'sitrep', ...this.identity };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const err = this.channelErrors.get(channel);
        if (err) return { ok: false, error: err };
        if (typeof body.text !== 'string' && body.blocks === undefined) return { ok: false, error: 'no_text' };
        const ts = this.nextTs();
        const last = this.lastPostAt.get(channel);
        if (last !== undefined && call.at - last < this.minInterval) this.violations.push({ channel, gapMs: call.at - last, ts });
        this.lastPostAt.set(channel, call.at);
        const message: StoredMessage = { ts, channel, user: this.identity.user_id, bot_id: this.identity.bot_id };
        if (typeof body.text === 'string') message.text = body.text;
        if (body.blocks !== undefined) message.blocks = body.blocks;
        const md = body.metadata;
        if (isRecord(md) && typeof md.event_type === 'string' && isRecord(md.event_payload))
          message.metadata = { event_type: md.event_type, event_payload: md.event_payload };
        if (typeof body.thread_ts === 'string' && body.thread_ts !== '') {
          if (!this.messages.some((m) => m.channel === channel && m.ts === body.thread_ts)) return { ok: false, error: 'thread_not_found' };
          message.thread_ts = body.thread_ts;
        }
        this.messages.push(message);
        return { ok: true, channel, ts, message: { ...message, type: 'message' } };
      }
      case 'chat.update': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const err = this.channelErrors.get(channel);
        if (err) return { ok: false, error: err };
        const target = this.messages.find((m) => m.channel === channel && m.ts === body.ts);
        if (!target) return { ok: false, error: 'message_not_found' };
        if (typeof body.text === 'string') target.text = body.text;
        if (body.blocks !== undefined) target.blocks = body.blocks;
        target.edited = { ts: this.nextTs() };
        return { ok: true, channel, ts: target.ts, text: target.text };
      }
      case 'views.open': {
        const view = body.view;
        if (typeof body.trigger_id !== 'string' || !isRecord(view)) return { ok: false, error: 'invalid_arguments' };
        this.views.push({ trigger_id: body.trigger_id, view });
        return { ok: true, view: { id: `V${this.views.length}`, ...view } };
      }
      case 'usergroups.users.list': {
        const users = typeof body.usergroup === 'string' ? this.groups.get(body.usergroup) : undefined;
        if (!users) return { ok: false, error: 'no_such_subteam' };
        return { ok: true, users };
      }
      case 'conversations.replies': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const parent = this.messages.find((m) => m.channel === channel && m.ts === body.ts);
        if (!parent) return { ok: false, error: 'thread_not_found' };
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const thread = [parent, ...this.messages.filter((m) => m.channel === channel && m.thread_ts === parent.ts)].map((m) => {
          const { metadata, channel: _channel, ...rest } = m;
          return { type: 'message', ...rest, ...(withMetadata && metadata ? { metadata } : {}) };
        });
        return { ok: true, messages: thread, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'chat.postEphemeral': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const err = this.channelErrors.get(channel);
        if (err) return { ok: false, error: err };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'conversations.history': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const err = this.channelErrors.get(channel);
        if (err) return { ok: false, error: err };
        const oldest = numberField(body.oldest) ?? 0;
        const latest = numberField(body.latest) ?? Number.POSITIVE_INFINITY;
        const limit = Math.min(Math.max(numberField(body.limit) ?? 100, 1), 999);
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const all = this.messages
          .filter((m) => m.channel === channel && m.thread_ts === undefined && Number(m.ts) > oldest && Number(m.ts) < latest)
          .sort((a, b) => Number(b.ts) - Number(a.ts));
        const start = typeof body.cursor === 'string' && body.cursor !== '' ? Number(body.cursor) : 0;
        const page = all.slice(start, start + limit).map((m) => {
          const { metadata, channel: _channel, ...rest } = m;
          return { type: 'message', ...rest, ...(withMetadata && metadata ? { metadata } : {}) };
        });
        const hasMore = start + limit < all.length;
        return { ok: true, messages: page, has_more: hasMore, response_metadata: { next_cursor: hasMore ? String(start + limit) : '' } };
      }
      case 'conversations.info': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const err = this.channelErrors.get(channel);
        if (err === 'channel_not_found') return { ok: false, error: err };
        return {
          ok: true,
          channel: { id: channel, name: `chan-${channel.toLowerCase()}`, is_channel: true, is_member: err !== 'not_in_channel', is_archived: err === 'is_archived' },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** oauth.v2.access: exchange an install's code (once) or, with token rotation, a refresh token. */
  private oauthAccess(body: Record<string, unknown>): Record<string, unknown> {
    if (this.oauthClient.id !== undefined && body.client_id !== this.oauthClient.id) return { ok: false, error: 'invalid_client_id' };
    if (this.oauthClient.secret !== undefined && body.client_secret !== this.oauthClient.secret) return { ok: false, error: 'bad_client_secret' };
    if (body.grant_type === 'refresh_token') {
      const ws = typeof body.refresh_token === 'string' ? this.byRefresh.get(body.refresh_token) : undefined;
      if (!ws?.refreshedToken) return { ok: false, error: 'invalid_refresh_token' };
      const next: FakeWorkspace = { ...ws, botToken: ws.refreshedToken, refreshToken: `${ws.refreshToken ?? 'r'}-next`, refreshedToken: undefined };
      this.byToken.set(next.botToken, next);
      return { ok: true, token_type: 'bot', access_token: next.botToken, refresh_token: next.refreshToken, expires_in: 43_200, team: { id: ws.teamId } };
    }
    const code = typeof body.code === 'string' ? body.code : '';
    const ws = this.codes.get(code);
    if (!ws) return { ok: false, error: 'invalid_code' };
    this.codes.delete(code);
    this.byToken.set(ws.botToken, ws);
    if (ws.refreshToken) this.byRefresh.set(ws.refreshToken, ws);
    return {
      ok: true,
      app_id: 'A0001',
      authed_user: { id: ws.installerId ?? 'U0INSTALLER' },
      scope: 'commands,chat:write,chat:write.public,channels:history,groups:history,channels:read,groups:read,usergroups:read',
      token_type: 'bot',
      access_token: ws.botToken,
      bot_user_id: ws.botUserId ?? `UBOT${ws.teamId}`,
      team: { id: ws.teamId, name: ws.teamName ?? ws.teamId },
      enterprise: null,
      is_enterprise_install: false,
      ...(ws.refreshToken && ws.expiresIn !== undefined ? { refresh_token: ws.refreshToken, expires_in: ws.expiresIn } : {}),
    };
  }

  /** Slack ts values: seconds.micro, strictly increasing, based on wall time. */
  private nextTs(): string {
    this.tsCounter += 1;
    const sec = Math.floor(Date.now() / 1000);
    return `${sec}.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

/** A server→client frame (unmasked, FIN set). */
function wsFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126 && len < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Parse one masked client frame from the start of `buf`, or undefined when incomplete. */
function readClientFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = (buf[0] ?? 0) & 0x0f;
  const masked = ((buf[1] ?? 0) & 0x80) !== 0;
  let len = (buf[1] ?? 0) & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (buf.length < offset + maskLen + len) return undefined;
  const mask = buf.subarray(offset, offset + maskLen);
  const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, size: offset + maskLen + len };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    try {
      const v: unknown = JSON.parse(raw);
      return isRecord(v) ? v : {};
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the raw string
      }
    }
    out[k] = v;
  }
  return out;
}

function numberField(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

