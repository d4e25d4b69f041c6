import type { Story } from '../records/schema.js';
import { clip } from '../time/duration.js';
import { subcommands } from './registry.js';
import { timezoneChoices } from './timezones.js';
import type { AutocompleteChoice, CommandContext, CommandResult, RawArgs, SubcommandDefinition } from './types.js';

const byName = new Map(subcommands.map((c) => [c.name, c]));
const ALIASES: Record<string, string> = { brief: 'brief', briefing: 'brief', q: 'questions', question: 'questions', sub: 'subscribe', unsub: 'unsubscribe', subs: 'subscriptions' };

/** Look up a subcommand by name or alias. */
export function findSubcommand(name: string): SubcommandDefinition<unknown> | undefined {
  const n = name.toLowerCase();
  return byName.get(n) ?? byName.get(ALIASES[n] ?? '');
}

/** The usage line of a subcommand (or of `/sitrep` as a whole). */
export function usageFor(name?: string): string {
  const cmd = name !== undefined ? findSubcommand(name) : undefined;
  return cmd ? cmd.usage : `/sitrep [${subcommands.map((c) => c.name).join(' | ')}]`;
}

/** Usage of every subcommand, one per line. */
export function helpText(): string {
  return ['sitrep: sourced briefings on the story this channel follows.', ...subcommands.map((c) => `• ${c.usage} — ${c.description}`)].join('\n');
}

/** Split free text into words, keeping "quoted phrases" together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words.filter((w) => w.length > 0);
}

/** The words of `/sitrep <text>`, without a leading `sitrep`. */
function commandWords(text: string): string[] {
  return splitWords(text.trim().replace(/^\/?sitrep\b/i, ''));
}

/**
 * Whether `/sitrep <text>` only reads: an empty text, a read-only subcommand, or words that are not a subcommand
 * (they are read as a briefing request, or answered with usage).
 */
export function isReadOnlyCommandText(text: string): boolean {
  // Asked on every Slack command before its ack: without quotes, the first word is the first run of non-spaces.
  const first = /["']/.test(text) ? commandWords(text)[0] : /^\s*(?:\/?sitrep\b\s*)?(\S+)/i.exec(text)?.[1];
  if (first === undefined) return true;
  const cmd = findSubcommand(first.replace(/^\//, ''));
  return cmd === undefined || cmd.readOnly === true;
}

/**
 * Run `/sitrep <text>` typed as free text (Slack, console). An empty text is the briefing.
 * Never throws for bad input: mistakes come back as `{ kind: 'error', message, usage }`.
 */
export async function runCommandText(text: string, ctx: CommandContext): Promise<CommandResult> {
  const words = commandWords(text);
  const [first, ...rest] = words;
  if (first === undefined) return runCommand('brief', {}, ctx);
  const cmd = findSubcommand(first.replace(/^\//, ''));
  if (!cmd) {
    // `/sitrep territory` or `/sitrep 7d` reads naturally as a briefing request.
    const asBrief = findSubcommand('brief');
    const mapped = asBrief?.fromWords?.(words, ctx.story);
    if (asBrief && mapped && !('error' in mapped) && asBrief.parse(mapped, ctx).ok) return runCommand('brief', mapped, ctx);
    return {
      kind: 'error',
      code: 'UNKNOWN_SUBCOMMAND',
      message: `Unknown subcommand "${clip(first)}". Try one of: ${subcommands.map((c) => c.name).join(', ')}.`,
      usage: usageFor(),
    };
  }
  const mapped = cmd.fromWords ? cmd.fromWords(rest, ctx.story) : positional(cmd, rest);
  if ('error' in mapped && typeof mapped.error === 'string') return { kind: 'error', code: 'BAD_ARGUMENT', message: mapped.error, usage: cmd.usage };
  return runCommand(cmd.name, mapped as RawArgs, ctx);
}

function positional(cmd: SubcommandDefinition<unknown>, words: readonly string[]): RawArgs | { error: string } {
  if (words.length > cmd.options.length) return { error: `Too many arguments: "${clip(words.slice(cmd.options.length).join(' '))}"` };
  const args: Record<string, string> = {};
  words.forEach((w, i) => {
    const opt = cmd.options[i];
    if (opt) args[opt.name] = w;
  });
  return args;
}

/**
 * Run a subcommand with named arguments (Discord options, or words mapped by `runCommandText`).
 * Checks permissions, validates, then executes.
 */
export async function runCommand(name: string, args: RawArgs, ctx: CommandContext): Promise<CommandResult> {
  const cmd = findSubcommand(name);
  if (!cmd) return { kind: 'error', code: 'UNKNOWN_SUBCOMMAND', message: `Unknown subcommand "${clip(name)}".`, usage: usageFor() };
  if (cmd.requiresManage && !ctx.canManage)
    return { kind: 'error', code: 'FORBIDDEN', message: "You need permission to manage this channel to change its scheduled briefings.", usage: cmd.usage };
  const parsed = cmd.parse(args, ctx);
  if (!parsed.ok) return { kind: 'error', code: 'BAD_ARGUMENT', message: parsed.error, usage: cmd.usage };
  return cmd.execute(parsed.value, ctx);
}

/** Autocomplete choices (≤ 25) for an option, filtered by what was typed. */
export function autocomplete(kind: 'question' | 'timezone', typed: string, story: Story): AutocompleteChoice[] {
  const t = typed.trim().toLowerCase();
  if (kind === 'timezone') return timezoneChoices(t);
  return story.questions
    .filter((q) => t === '' || q.id.includes(t) || q.label.toLowerCase().includes(t))
    .slice(0, 25)
    .map((q) => ({ name: `${q.label} (${q.id})`.slice(0, 100), value: q.id }));
}
