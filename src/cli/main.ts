import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { databaseSecrets } from '../config.js';
import { redactText } from '../log.js';
import { cliCommands } from './commands/index.js';
import { EXIT, type CliIo } from './types.js';

const SECRET_ENV = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'SITREP_SECRET_KEY', 'DATABASE_URL'];

/** `sitrep help`: the command list. */
function helpText(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return [
    'Usage: sitrep <command> [options]',
    '',
    ...cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "sitrep <command> --help" for its options. Exit codes: 0 ok, 1 bad input or failure, 2 usage.',
  ].join('\n');
}

/** Dispatch argv to a command. Returns the exit code; never throws for expected problems. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(`${helpText()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = cliCommands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`sitrep: unknown command "${name}". Commands: ${cliCommands.map((c) => c.name).join(', ')}\n`);
    return EXIT.usage;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${entry.summary}\nUsage: ${cmd.usage}\n`);
    return EXIT.ok;
  }
  return cmd.run(rest, io);
}

/** The process edge: load .env, run, and turn anything unexpected into one loud, secret-free line and exit 1. */
export async function runProcess(): Promise<void> {
  // Most hosts (systemd's EnvironmentFile, containers, cron) have no .env: don't load dotenv to find that out.
  if (existsSync('.env')) (await import('dotenv')).config({ quiet: true });
  const secrets = [...SECRET_ENV.map((k) => process.env[k]), ...databaseSecrets(process.env.DATABASE_URL)].filter((v): v is string => typeof v === 'string' && v.length > 0);
  const fatal = (kind: string, err: unknown) => {
    const detail = err instanceof Error ? (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace' ? (err.stack ?? err.message) : err.message) : String(err);
    process.stderr.write(`sitrep: ${kind}: ${redactText(detail, secrets)}\n`);
    // The process manager restarts us; the outbox guarantees no briefing is posted twice.
    process.exit(EXIT.failure);
  };
  process.on('unhandledRejection', (err) => fatal('unhandled rejection', err));
  process.on('uncaughtException', (err) => fatal('uncaught exception', err));
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    stdin: process.stdin,
    now: () => new Date(),
  };
  const code = await main(process.argv.slice(2), io);
  // Let stdout drain (piped output) before exiting.
  process.exitCode = code;
  if (process.stdout.writableLength === 0) process.exit(code);
  process.stdout.once('drain', () => process.exit(code));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void runProcess();
