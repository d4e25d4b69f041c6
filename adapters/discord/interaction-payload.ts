import { z } from 'zod';

/** Interaction types Discord sends (only those we handle are named). */
export const InteractionKind = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
/** Interaction callback types we answer with. */
export const CallbackKind = { Pong: 1, Message: 4, DeferredMessage: 5, DeferredUpdate: 6, AutocompleteResult: 8, Modal: 9 } as const;
/** Message flag: only the caller sees the reply. */
export const EPHEMERAL = 64;

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

const optionSchema: z.ZodType<InteractionOption> = z.lazy(() =>
  z.object({
    name: z.string().max(100),
    type: z.number().int(),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).max(25).optional(),
  }),
);

const snowflake = z.string().regex(/^\d{1,25}$/);
const userSchema = z.object({ id: snowflake, username: z.string().max(100).optional(), global_name: z.string().max(100).nullish() });

/** The parts of an interaction payload sitrep reads (Discord sends much more; extra fields pass through unchecked). */
export const interactionSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1).max(1000),
  data: z
    .object({
      /** Slash commands and autocomplete. */
      name: z.string().max(100).optional(),
      type: z.number().int().optional(),
      options: z.array(optionSchema).max(25).optional(),
      /** Message components (buttons, selects) and modal submits. */
      custom_id: z.string().max(100).optional(),
      component_type: z.number().int().optional(),
      values: z.array(z.string().max(100)).max(25).optional(),
      /** A modal's submitted components (read by `modalFields`). */
      components: z.array(z.unknown()).max(25).optional(),
    })
    .optional(),
  /** The message a component was on. */
  message: z.object({ id: snowflake }).optional(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.object({ id: snowflake }).optional(),
  member: z.object({ user: userSchema, permissions: z.string().optional() }).optional(),
  user: userSchema.optional(),
});
export type InteractionPayload = z.infer<typeof interactionSchema>;

/** A slash-command invocation reduced to what the command code needs. */
export interface Invocation {
  command: string;
  subcommand: string;
  args: Record<string, string>;
  /** For autocomplete: the option being typed and what has been typed so far. */
  focused?: { name: string; value: string };
}

const SUBCOMMAND = 1;

/** Flatten `data.options` (subcommand + its string options) into an {@link Invocation}. */
export function invocationFromOptions(command: string, options: readonly InteractionOption[] | undefined): Invocation | { error: string } {
  const sub = (options ?? []).find((o) => o.type === SUBCOMMAND);
  if (!sub) return { error: `Use a subcommand, e.g. \`/${command} help\`.` };
  const args: Record<string, string> = {};
  let focused: Invocation['focused'];
  for (const o of sub.options ?? []) {
    if (o.value === undefined) continue;
    const value = String(o.value);
    args[o.name] = value;
    if (o.focused) focused = { name: o.name, value };
  }
  return { command, subcommand: sub.name, args, ...(focused ? { focused } : {}) };
}
