import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** HKDF info of the key that encrypts Slack installation tokens at rest. */
export const SLACK_INSTALLATION_TOKENS_INFO = 'sitrep/slack-installation-tokens';

/**
 * A 32-byte key for one purpose, derived from SITREP_SECRET_KEY with HKDF-SHA256. Each feature passes its own
 * `info` (e.g. "sitrep/slack-installation-tokens"), so one master secret never keys two different uses.
 */
export function deriveKey(secretKey: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), Buffer.from(info, 'utf8'), 32));
}

/** Why a sealed value could not be opened; the message never holds the value or the key. */
export class TokenBoxError extends Error {
  constructor(
    readonly code: 'SEALED_MALFORMED' | 'SEALED_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'TokenBoxError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals short secrets (bot tokens) with AES-256-GCM: `v1.<base64url(iv | ciphertext | tag)>`, a fresh random IV
 * each time. The caller's `context` (e.g. the installation id) is authenticated as associated data, so a sealed
 * value copied onto another row does not open there.
 */
export class TokenBox {
  private readonly key: Buffer;

  constructor(secretKey: string, info: string) {
    this.key = deriveKey(secretKey, info);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** Open a value sealed under the same key and context; throws a {@link TokenBoxError} otherwise. */
  open(sealed: string, context: string): string {
    const [version, payload, extra] = sealed.split('.');
    if (version !== VERSION || payload === undefined || extra !== undefined) throw new TokenBoxError('SEALED_MALFORMED', 'sealed value has an unknown format');
    const raw = Buffer.from(payload, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new TokenBoxError('SEALED_MALFORMED', 'sealed value is too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenBoxError('SEALED_UNREADABLE', 'sealed value does not open with this key (SITREP_SECRET_KEY changed?) or was altered');
    }
  }
}
