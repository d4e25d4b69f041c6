import { createRequire } from 'node:module';
import type { DestinationStream, Logger } from 'pino';

export type { Logger };

type Pino = typeof import('pino').pino;
let pinoFn: Pino | undefined;
/**
 * pino, loaded on first use: it costs a one-shot command such as `sitrep brief` (which logs nothing) about 25 ms
 * of start-up and 3 MB. pino is CommonJS, so `require` gives it synchronously and createLogger stays synchronous.
 */
function pino(): Pino {
  pinoFn ??= (createRequire(import.meta.url)('pino') as { pino: Pino }).pino;
  return pinoFn;
}

const SECRET_PATTERNS = [
  /xox[abposre]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /\b[MN][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g,
  // The password of any database URL (postgres://user:PASSWORD@host).
  /(?<=postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]+(?=@)/gi,
];

/** Replace known secrets and anything token-shaped with [redacted]. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[redacted]');
  for (const re of SECRET_PATTERNS) out = out.replace(re, '[redacted]');
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Exact secret values to scrub from every line. */
  secrets?: readonly string[];
  /** Where lines go (default stderr, so stdout stays for command output). */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/**
 * The one structured logger (pino, JSON lines). Secrets are scrubbed from every serialized line, whatever
 * field they hide in, and the usual credential fields are redacted by path.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const base = options.destination ?? process.stderr;
  const destination: DestinationStream = {
    write(line: string) {
      (base as DestinationStream).write(redactText(line, secrets));
    },
  };
  return pino()(
    {
      level: options.level ?? 'info',
      base: { app: 'sitrep' },
      redact: {
        paths: [
          'token', '*.token', 'headers.authorization', '*.headers.authorization', 'signingSecret', '*.signingSecret', 'botToken', '*.botToken', 'appToken', '*.appToken',
          'refreshToken', '*.refreshToken', 'botRefreshToken', '*.botRefreshToken', 'clientSecret', '*.clientSecret', 'stateSecret', '*.stateSecret', 'secretKey', '*.secretKey',
          'sealedTokens', '*.sealedTokens',
        ],
        censor: '[redacted]',
      },
      timestamp: pino().stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
  return pino()({ level: 'silent' });
}
