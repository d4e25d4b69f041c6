import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { firstIssue } from '../delivery/target.js';
import { EXIT, type CliIo } from './types.js';
import { clip, parseIsoInstant } from '../time/duration.js';

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

export type ParsedFlags<T extends FlagSpec> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

/** Parse argv strictly; an unknown flag or a missing value is a usage error (a value, not a throw). */
export function parseFlags<T extends FlagSpec>(argv: string[], options: T): { ok: true; value: ParsedFlags<T> } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseArgs({ args: argv, options, allowPositionals: true, strict: true }) };
  } catch (err) {
    // node's messages are already one line ("Unknown option '--x'"), without a stack.
    return { ok: false, error: (err as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
}

/** `--now ISO` or the io clock. */
export function resolveNow(flag: string | undefined, clock: () => Date): { ok: true; now: Date } | { ok: false; error: string } {
  if (flag === undefined) return { ok: true, now: clock() };
  const at = parseIsoInstant(flag);
  if (!at) return { ok: false, error: `--now "${flag}" is not an ISO date-time (e.g. 2025-05-20T07:00:00Z)` };
  return { ok: true, now: at };
}

/** Shared flags for commands that read the store and story files. */
export const dataFlags = {
  data: { type: 'string' },
  db: { type: 'string' },
  story: { type: 'string' },
} as const satisfies FlagSpec;

/**
 * Strict flags, no positional arguments, then a zod schema over the flag values: the shared front of commands
 * whose options are all flags. The first problem comes back as one line naming the flag.
 */
export function parseFlagsWith<T extends FlagSpec, S extends z.ZodType>(
  argv: string[],
  options: T,
  schema: S,
): { ok: true; values: ParsedFlags<T>['values']; args: z.output<S> } | { ok: false; error: string } {
  const parsed = parseFlags(argv, options);
  if (!parsed.ok) return parsed;
  const extra = parsed.value.positionals[0];
  if (extra !== undefined) return { ok: false, error: `unexpected argument "${clip(extra)}"` };
  const args = schema.safeParse(parsed.value.values);
  if (!args.success) return { ok: false, error: firstIssue(args.error) };
  return { ok: true, values: parsed.value.values, args: args.data };
}

/** Print `sitrep <command>: <error>` and the usage line to stderr; returns the usage exit code (2). */
export function usageError(io: Pick<CliIo, 'stderr'>, command: string, usage: string, error: string): number {
  io.stderr(`sitrep ${command}: ${error}\nUsage: ${usage}\n`);
  return EXIT.usage;
}
