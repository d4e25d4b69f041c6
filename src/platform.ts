import type { Config } from './config.js';
import type { ChatAdapter } from './delivery/chat-adapter.js';
import type { HttpRouter } from './http/router.js';
import type { Logger } from './log.js';
import type { Story } from './records/schema.js';
import type { Platform, Store } from './store/store.js';

/** What `sitrep start` hands every platform adapter. */
export interface PlatformDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** The injected clock (tests freeze it). */
  clock: () => Date;
  /** The story commands act on by default. */
  defaultStory: Story;
  /** All loaded stories, by id. */
  stories: ReadonlyMap<string, Story>;
  /** Shared HTTP server on PORT: adapters in HTTP mode mount their routes here (/slack/events, /discord/interactions). */
  http: HttpRouter;
  /** Platform-side metrics (429s seen, command latency); no-op when not wired. */
  metrics?: PlatformMetrics;
  /** Tell the running bot that messages were queued (a review action): it drains the message outbox at once. */
  onQueued?: () => void;
}

export interface PlatformMetrics {
  rateLimited(platform: Platform): void;
  commandLatency(platform: Platform, command: string, seconds: number): void;
}

/** A running platform connection. */
export interface PlatformRuntime {
  readonly platform: Platform;
  readonly chat: ChatAdapter;
  /** Connect (socket/gateway) or mount HTTP routes. Resolves when ready. */
  start(): Promise<void>;
  /** Disconnect; idempotent. */
  stop(): Promise<void>;
  /** For /readyz and doctor. */
  isReady(): boolean;
}

/** Shape of `adapters/<platform>/index.ts`, loaded by the CLI only when that platform is configured. */
export interface PlatformModule {
  createPlatform(deps: PlatformDeps): PlatformRuntime | Promise<PlatformRuntime>;
}
