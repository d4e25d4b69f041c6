import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../src/log.js';
import type { RouteHandler } from '../../src/http/router.js';
import { payloadTooLarge, readCappedBody } from '../../src/http/read-body.js';
import { ADMIN_COMMAND, canManageChannels } from './command-names.js';
import { DEFAULT_DEFER_AFTER_MS, answerAutocomplete, answerCommand, respond, type AnswerEnv, type Responder } from './answer.js';
import { CallbackKind, EPHEMERAL, InteractionKind, interactionSchema, invocationFromOptions, type InteractionPayload } from './interaction-payload.js';
import { NO_MENTIONS } from './chat-adapter.js';
import type { RenderedReply } from './render-embeds.js';
import { discordRest } from './rest-request.js';
import { discordPublicKey, verifyDiscordSignature } from './verify-signature.js';
import { answerReviewComponent, isReviewComponent, modalFields, type ComponentAnswer, type DiscordReviewEnv } from './review.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface HttpInteractionsOptions {
  /** The application's public key (64 hex chars, Developer Portal → General Information). */
  publicKey: string;
  applicationId: string;
  apiUrl?: string;
  /** Built per interaction, so `now` comes from the injected clock each time. */
  env: () => AnswerEnv;
  logger: Logger;
  deferAfterMs?: number;
  /** Interaction payloads are small; anything bigger is refused before it is read whole. */
  maxBodyBytes?: number;
  /** Reviewing drafts (buttons and modals on review messages), when the review channel is on Discord. */
  review?: () => DiscordReviewEnv | undefined;
}

/** The interaction callback for a review component's answer. */
export function componentCallback(answer: ComponentAnswer): Record<string, unknown> {
  switch (answer.kind) {
    case 'ack':
      return { type: CallbackKind.DeferredUpdate };
    case 'modal':
      return { type: CallbackKind.Modal, data: answer.modal };
    case 'ephemeral':
      return { type: CallbackKind.Message, data: { content: answer.content, flags: EPHEMERAL, allowed_mentions: NO_MENTIONS, ...(answer.components ? { components: answer.components } : {}) } };
  }
}

export interface HttpInteractions {
  handler: RouteHandler;
  /** Resolves when every deferred answer (webhook edit) in flight has been sent: for shutdown and tests. */
  idle(): Promise<void>;
}

/** Interaction message data as Discord expects it in a callback or webhook edit. */
export function messageData(reply: RenderedReply, withFlags: boolean): Record<string, unknown> {
  return {
    ...(reply.content.length > 0 ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowed_mentions: NO_MENTIONS,
    ...(withFlags && reply.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

/**
 * The Discord HTTP interactions endpoint (DISCORD_MODE=http), mounted on the shared router:
 * verifies the Ed25519 signature (401 otherwise), answers PING, slash commands (deferring when slow)
 * and autocomplete. Needs no gateway connection.
 */
export function createHttpInteractions(options: HttpInteractionsOptions): HttpInteractions {
  const key = discordPublicKey(options.publicKey);
  const maxBytes = options.maxBodyBytes ?? 64 * 1024;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const inFlight = new Set<Promise<void>>();
  const log = options.logger;

  const handler: RouteHandler = async (req, res) => {
    const raw = await readCappedBody(req, maxBytes);
    if (raw === undefined) return payloadTooLarge(res);

    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyDiscordSignature(key, signature, timestamp, raw)) {
      // Debug, not warn: Discord itself sends bad signatures when checking an endpoint, and scanners hit it too.
      log.debug({ path: INTERACTIONS_PATH }, 'discord interaction with a bad or missing signature refused');
      return sendJson(res, 401, { error: 'invalid request signature' });
    }

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'malformed JSON' });
    }
    const parsed = interactionSchema.safeParse(json);
    if (!parsed.success) return sendJson(res, 400, { error: 'not an interaction payload' });
    const interaction = parsed.data;
    if (interaction.application_id !== options.applicationId) return sendJson(res, 400, { error: 'interaction for another application' });

    switch (interaction.type) {
      case InteractionKind.Ping:
        return sendJson(res, 200, { type: CallbackKind.Pong });
      case InteractionKind.Autocomplete:
        return autocompleteReply(interaction, res);
      case InteractionKind.ApplicationCommand:
        return commandReply(interaction, res);
      case InteractionKind.MessageComponent:
      case InteractionKind.ModalSubmit:
        return componentReply(interaction, res);
      default:
        return sendJson(res, 400, { error: 'unsupported interaction type' });
    }
  };

  function autocompleteReply(interaction: InteractionPayload, res: ServerResponse): void {
    const inv = interaction.data?.name ? invocationFromOptions(interaction.data.name, interaction.data.options) : undefined;
    const env = options.env();
    const choices = inv && !('error' in inv) ? answerAutocomplete(inv, env.story, env.definitions) : [];
    sendJson(res, 200, { type: CallbackKind.AutocompleteResult, data: { choices } });
  }

  /** Review buttons, selects and modals: answered at once (a store write), never deferred. */
  async function componentReply(interaction: InteractionPayload, res: ServerResponse): Promise<void> {
    const data = interaction.data;
    const customId = data?.custom_id;
    const user = interaction.member?.user ?? interaction.user;
    if (!customId || !user) return sendJson(res, 400, { error: 'component interaction without custom_id or user' });
    if (!isReviewComponent(customId)) return sendJson(res, 200, { type: CallbackKind.Message, data: { content: '⚠️ That button is not one of mine any more.', flags: EPHEMERAL, allowed_mentions: NO_MENTIONS } });
    const name = user.global_name ?? user.username;
    let answer: ComponentAnswer;
    try {
      answer = await answerReviewComponent(
        {
          kind: interaction.type === InteractionKind.ModalSubmit ? 'modal' : data?.component_type === 3 ? 'select' : 'button',
          customId,
          ...(data?.values ? { values: data.values } : {}),
          ...(interaction.type === InteractionKind.ModalSubmit ? { fields: modalFields(data?.components) } : {}),
          ...(interaction.message ? { messageId: interaction.message.id } : {}),
          user: { id: user.id, ...(name ? { name } : {}) },
          ...(interaction.member?.permissions !== undefined ? { permissions: interaction.member.permissions } : {}),
        },
        options.review?.(),
      );
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'discord review interaction failed');
      answer = { kind: 'ephemeral', content: '⚠️ Something went wrong on our side; nothing was changed. Try again in a minute.' };
    }
    sendJson(res, 200, componentCallback(answer));
  }

  async function commandReply(interaction: InteractionPayload, res: ServerResponse): Promise<void> {
    const data = interaction.data;
    if (!data?.name) return sendJson(res, 400, { error: 'command interaction without data' });
    const channel = interaction.channel_id ?? interaction.channel?.id;
    const user = interaction.member?.user.id ?? interaction.user?.id;
    const inv = invocationFromOptions(data.name, data.options);
    const env = options.env();
    const work: Promise<RenderedReply> =
      'error' in inv
        ? Promise.resolve({ content: `⚠️ ${inv.error}`, embeds: [], ephemeral: true })
        : channel === undefined
          ? Promise.resolve({ content: '⚠️ This command only works in a channel.', embeds: [], ephemeral: true })
          : answerCommand(inv, { channel, ...(user !== undefined ? { user } : {}), canManageChannels: canManageChannels(interaction.member?.permissions) }, env);

    const webhook = `/webhooks/${interaction.application_id}/${interaction.token}`;
    const later = async (method: 'PATCH' | 'DELETE' | 'POST', path: string, body?: unknown): Promise<void> => {
      const r = await discordRest({ apiUrl: options.apiUrl, method, path, ...(body !== undefined ? { body } : {}) });
      if (!r.ok) log.warn({ error: r.error }, 'discord deferred interaction answer failed');
    };
    const responder: Responder = {
      reply: async (reply) => sendJson(res, 200, { type: CallbackKind.Message, data: messageData(reply, true) }),
      defer: async (ephemeral) => sendJson(res, 200, { type: CallbackKind.DeferredMessage, data: ephemeral ? { flags: EPHEMERAL } : {} }),
      editOriginal: (reply) => later('PATCH', `${webhook}/messages/@original`, messageData(reply, false)),
      deleteOriginal: () => later('DELETE', `${webhook}/messages/@original`),
      followUp: (reply) => later('POST', webhook, messageData(reply, true)),
    };
    const done = respond(work, responder, {
      deferAfterMs,
      deferEphemeral: !('error' in inv) && inv.command === ADMIN_COMMAND,
    }).catch((err: unknown) => {
      log.error({ err }, 'discord interaction answer failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    await done;
  }

  return {
    handler,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  if (close) res.setHeader('connection', 'close');
  res.end(JSON.stringify(body));
}
