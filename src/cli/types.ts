/** Where a CLI command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  stdin?: NodeJS.ReadableStream;
  /** The clock (`--now` overrides it per command). */
  now: () => Date;
}

/** One `sitrep <name>` command. One file per command in src/cli/commands/, registered (with its summary) in index.ts. */
export interface CliCommand {
  name: string;
  usage: string;
  /** Exit code: 0 ok, 1 bad input or failure, 2 usage. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
