import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CommandContext, CommandResult } from '../../src/commands/types.js';
import type { MinuteMemo } from '../../src/store/minute-memo.js';
import { isReadOnlyCommandText, runCommandText } from '../../src/commands/run.js';
import type { PostOutcome } from '../../src/delivery/chat-adapter.js';
import type { Logger } from '../../src/log.js';
import type { PlatformMetrics } from '../../src/platform.js';
import type { Story } from '../../src/records/schema.js';
import type { Store } from '../../src/store/store.js';
import { minuteOf } from '../../src/time/minute.js';
import type { SlackChatAdapter } from './chat-adapter.js';
import { workspaceIdOf } from './installations.js';
import type { SlackReviewEnv } from './review.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderResult, type SlackBlock, type SlackMessage } from './render-blocks.js';

/** The action id of the "Post to channel" button. */
export const POST_TO_CHANNEL_ACTION = 'sitrep_post_to_channel';

/** Slack's limit on a button value. */
const MAX_BUTTON_VALUE = 2000;

/** What the Slack handlers need; built once per platform runtime. */
export interface SlackHandlerEnv {
  store: Store;
  logger: Logger;
  clock: () => Date;
  /** Story for commands in every channel (the configured default). */
  story: Story;
  /** Default time zone for `subscribe` without one. */
  timezone: string;
  chat: SlackChatAdapter;
  metrics?: PlatformMetrics;
  /** Reviewing drafts in chat, when SITREP_REVIEW_CHANNEL is a Slack channel. */
  review?: SlackReviewEnv;
}

/** The fields of a slash-command payload we use, validated. */
export const slashCommandSchema = z.object({
  command: z.string().min(1),
  text: z.string().default(''),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  team_id: z.string().min(1).optional(),
  enterprise_id: z.string().min(1).optional(),
  // Slack sends "true"/"false" in slash-command forms.
  is_enterprise_install: z.union([z.boolean(), z.string()]).optional(),
});
export type SlashCommandInput = z.infer<typeof slashCommandSchema>;

/** The workspace a command came from, as subscriptions record it (team id, or org id for an org-wide install). */
export function commandWorkspace(input: SlashCommandInput): string | undefined {
  return workspaceIdOf({ teamId: input.team_id, enterpriseId: input.enterprise_id, isEnterpriseInstall: input.is_enterprise_install === true || input.is_enterprise_install === 'true' });
}

/** What the "Post to channel" button carries: enough to rebuild the same answer deterministically. */
const buttonValueSchema = z.object({
  /** Command text, as typed. */
  t: z.string().max(1500),
  /** The `now` the answer was computed for (ISO). */
  n: z.iso.datetime(),
  /** Story id. */
  s: z.string().max(120),
});
type ButtonValue = z.infer<typeof buttonValueSchema>;

export interface EphemeralReply extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

/**
 * Answer `/sitrep <text>` (or `/brief <text>`): run the platform-neutral command, render it, and offer a
 * "Post to channel" button for briefings. Never throws: unexpected failures become an ephemeral message with
 * a reference id, logged once. With a `memo`, answers to read-only commands are computed for the minute and kept
 * there, so {@link readyAnswer} can give a repeat of the same request at once.
 */
export async function answerSlashCommand(input: SlashCommandInput, env: SlackHandlerEnv, memo?: MinuteMemo<PreparedReply>): Promise<EphemeralReply> {
  const text = commandText(input);
  const started = process.hrtime.bigint();
  const name = subcommandName(text);
  const shared = memo !== undefined && isReadOnlyCommandText(text);
  const now = shared ? minuteOf(env.clock()) : env.clock();
  try {
    const revision = shared ? await env.store.revision() : undefined;
    const result = await runCommandText(text, contextFor(env, input.channel_id, input.user_id, now, commandWorkspace(input)));
    const reply = replyFor(result, { t: text, n: now.toISOString(), s: env.story.id }, env);
    if (shared && revision !== undefined) memo.set(memoKey(input, env, text), now, revision, { message: reply, json: JSON.stringify(reply) });
    return reply;
  } catch (err) {
    return internalError(err, env.logger, { command: name, channel: input.channel_id });
  } finally {
    env.metrics?.commandLatency('slack', name, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

/**
 * The answer to a read-only command already computed this minute for the same channel and words, if the store has
 * not changed since: it can go out in the acknowledgement itself. Undefined when it has to be computed.
 */
export async function readyAnswer(input: SlashCommandInput, env: SlackHandlerEnv, memo: MinuteMemo<PreparedReply>): Promise<PreparedReply | undefined> {
  const text = commandText(input);
  if (!isReadOnlyCommandText(text)) return undefined;
  const started = process.hrtime.bigint();
  const reply = await memo.get(env.store, memoKey(input, env, text), env.clock());
  if (reply) env.metrics?.commandLatency('slack', subcommandName(text), Number(process.hrtime.bigint() - started) / 1e9);
  return reply;
}

/** Read-only answers depend on the story, the channel (its last briefing) and the words, never on who asked. */
function memoKey(input: SlashCommandInput, env: SlackHandlerEnv, text: string): string {
  return `${env.story.id}\n${input.channel_id}\n${text}`;
}

/** An answer kept for repeats, with its JSON serialised once. */
export interface PreparedReply {
  message: EphemeralReply;
  json: string;
}

export type ShareResult = { ok: true; messageId: string } | { ok: false; reply: EphemeralReply };

/**
 * The "Post to channel" button: rebuild the answer from the button's value (same text, same `now`) and post it
 * in the channel with chat.postMessage, with the clicker's workspace token. Failures come back as an ephemeral
 * reply for the clicker.
 */
export async function shareToChannel(rawValue: string, channel: string, user: string, env: SlackHandlerEnv, workspace?: string): Promise<ShareResult> {
  let value: ButtonValue;
  try {
    value = buttonValueSchema.parse(JSON.parse(rawValue));
  } catch {
    return { ok: false, reply: ephemeral(':warning: That button has expired. Run the command again.') };
  }
  if (value.s !== env.story.id) return { ok: false, reply: ephemeral(':warning: That briefing is for another story. Run the command again.') };
  // Only read-only subcommands are ever re-run from a button: a value can't be made to change subscriptions.
  if (!SHAREABLE.has(subcommandName(value.t))) return { ok: false, reply: ephemeral(':warning: Only briefings can be posted to the channel.') };
  let message: SlackMessage;
  try {
    const result = await runCommandText(value.t, contextFor(env, channel, user, new Date(value.n), workspace));
    if (result.kind !== 'briefing' && result.kind !== 'questions')
      return { ok: false, reply: ephemeral(':warning: Only briefings can be posted to the channel.') };
    message = renderResult(result, pageLinkOption(result, env));
  } catch (err) {
    return { ok: false, reply: internalError(err, env.logger, { command: 'post-to-channel', channel }) };
  }
  const outcome = await env.chat.postMessage(channel, message, workspace !== undefined ? { workspace } : {});
  if (outcome.ok) return { ok: true, messageId: outcome.messageId };
  return { ok: false, reply: ephemeral(postFailureText(outcome)) };
}

/** A plain ephemeral message (already-safe text only: it is escaped here). */
export function ephemeral(text: string): EphemeralReply {
  const safe = escapeMrkdwn(text);
  return { response_type: 'ephemeral', text: safe, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: safe } }] };
}

function postFailureText(outcome: Extract<PostOutcome, { ok: false }>): string {
  switch (outcome.kind) {
    case 'channel-unavailable':
      return `:warning: I can't post in this channel (${outcome.error}). Invite me with /invite @sitrep, then try again.`;
    case 'rate-limited':
      return `:hourglass: Slack is rate-limiting posts right now. Try again in ${Math.ceil(outcome.retryAfterMs / 1000)} s.`;
    case 'transient':
      return ':warning: Slack did not accept the post just now. Try again in a moment.';
    case 'permanent':
      return `:warning: Slack refused the post (${outcome.error}).`;
  }
}

/** With PUBLIC_URL set, a briefing links to its page (a focused one to its question's section). */
function pageLinkOption(result: CommandResult, env: SlackHandlerEnv): { pageUrl?: string } {
  const links = env.chat.pageLinks;
  return result.kind === 'briefing' && links ? { pageUrl: links.forBriefing(result.briefing, result.briefing.focus) } : {};
}

function replyFor(result: CommandResult, value: ButtonValue, env: SlackHandlerEnv): EphemeralReply {
  const shareable = result.kind === 'briefing' || result.kind === 'questions';
  const buttonValue = JSON.stringify(value);
  const withButton = shareable && buttonValue.length <= MAX_BUTTON_VALUE && value.t.length <= 1500;
  const message = renderResult(result, { reserveBlocks: withButton ? 1 : 0, ...pageLinkOption(result, env) });
  const blocks: SlackBlock[] = [...message.blocks];
  if (withButton)
    blocks.push({
      type: 'actions',
      block_id: 'sitrep_share',
      elements: [
        {
          type: 'button',
          action_id: POST_TO_CHANNEL_ACTION,
          text: { type: 'plain_text', text: 'Post to channel' },
          style: 'primary',
          value: buttonValue,
        },
      ],
    });
  const inChannel = result.kind === 'text' && !result.ephemeral;
  return { response_type: inChannel ? 'in_channel' : 'ephemeral', text: message.text, blocks };
}

function internalError(err: unknown, logger: Logger, where: { command: string; channel: string }): EphemeralReply {
  const ref = randomBytes(4).toString('hex');
  const e = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack, code: (err as { code?: unknown }).code } : { message: String(err) };
  logger.error({ ref, platform: 'slack', ...where, err: e }, 'slack command failed');
  return ephemeral(`:warning: Sorry, I couldn't build the briefing (ref ${ref}). The error has been logged.`);
}

function contextFor(env: SlackHandlerEnv, channel: string, user: string, now: Date, workspace: string | undefined): CommandContext {
  return {
    store: env.store,
    now,
    story: env.story,
    platform: 'slack',
    channel,
    ...(workspace !== undefined ? { workspace } : {}),
    user,
    // Slack has no per-command permission model for slash commands; any member may manage the channel's briefing.
    canManage: true,
    defaultTimezone: env.timezone,
  };
}

/** `/brief x` is `/sitrep brief x`. */
function commandText(input: SlashCommandInput): string {
  const text = input.text.trim();
  return input.command === '/brief' ? `brief ${text}`.trim() : text;
}

const SHAREABLE = new Set(['brief', 'questions']);
const KNOWN = new Set(['brief', 'questions', 'subscribe', 'unsubscribe', 'subscriptions', 'follow', 'unfollow', 'help']);

/** Metric label: a known subcommand name, never free user text. */
function subcommandName(text: string): string {
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (first === '') return 'brief';
  return KNOWN.has(first) ? first : 'other';
}
