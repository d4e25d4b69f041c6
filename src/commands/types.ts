import type { Briefing, QuestionState } from '../briefing/types.js';
import type { Question, Story } from '../records/schema.js';
import type { Platform, Store, Subscription } from '../store/store.js';

/** Who asked, where, and with what at hand. Built by each adapter per invocation. */
export interface CommandContext {
  store: Store;
  /** Injected clock: commands never read the system time themselves. */
  now: Date;
  /** The story commands act on (config default, or a per-channel choice). */
  story: Story;
  platform: Platform;
  channel: string;
  /** Slack: the workspace the command came from (team id, or org id for an org-wide install); `subscribe` records it. */
  workspace?: string;
  user?: string;
  /** Whether the caller may change the channel's subscriptions (Discord: Manage Channels; Slack: anyone by default). */
  canManage: boolean;
  /** Default time zone for `subscribe` when none is given (e.g. the Slack user's tz). */
  defaultTimezone?: string;
}

/** An option of a subcommand, as platforms present it (Discord option, Slack positional word). */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** What autocomplete offers for it. */
  autocomplete?: 'question' | 'timezone';
  /** Fixed choices (Discord `choices`). */
  choices?: ReadonlyArray<{ name: string; value: string }>;
}

/** Raw option values by name, as typed or as sent by the platform. */
export type RawArgs = Readonly<Record<string, string | undefined>>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a command produced; adapters render it. `ephemeral` answers are shown only to the caller. */
export type CommandResult =
  | { kind: 'briefing'; briefing: Briefing }
  | { kind: 'questions'; story: { id: string; title: string }; questions: QuestionState[]; generatedAt: string }
  | { kind: 'subscriptions'; subscriptions: Subscription[]; text: string }
  | { kind: 'text'; text: string; ephemeral: boolean }
  | { kind: 'error'; code: CommandErrorCode; message: string; usage: string };

export type CommandErrorCode = 'UNKNOWN_SUBCOMMAND' | 'BAD_ARGUMENT' | 'FORBIDDEN' | 'INTERNAL';

/** One subcommand of `/sitrep`. One file per subcommand under src/commands/, registered in `registry.ts`. */
export interface SubcommandDefinition<Args = unknown> {
  name: string;
  /** ≤ 100 chars (Discord limit). */
  description: string;
  /** One usage line, e.g. `/sitrep brief [question] [since]`. */
  usage: string;
  options: readonly CommandOption[];
  /** Needs `canManage` (Discord sets default_member_permissions from this). */
  requiresManage?: boolean;
  /**
   * Writes nothing, and its answer depends only on the store, the story, the channel, the words and the time: the
   * same request in the same minute against the same store revision gets the same answer (see store/minute-memo.ts).
   */
  readOnly?: boolean;
  /** Map free-text words (Slack, console) to named args. Default: positional in `options` order. */
  fromWords?(words: readonly string[], story: Story): RawArgs | { error: string };
  /** Validate raw args into typed args. Expected failures are values with a short message. */
  parse(args: RawArgs, ctx: { story: Story; now: Date; defaultTimezone?: string }): ParseResult<Args>;
  execute(args: Args, ctx: CommandContext): Promise<CommandResult>;
}

/** Choices for autocomplete, ≤ 25, filtered by what was typed. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

export type { Question };
