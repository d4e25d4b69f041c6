import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// DER header of an Ed25519 SubjectPublicKeyInfo; followed by the raw 32-byte key it makes a key node:crypto accepts.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Build a verifying key from the application's public key as shown in the Developer Portal (64 hex chars). */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Signed requests older (or further in the future) than this are replays, as with Slack's 5-minute rule. */
export const MAX_SIGNATURE_AGE_S = 300;

/**
 * Check Discord's Ed25519 signature over `timestamp + rawBody`, and that the timestamp is within five minutes of
 * the wall clock (a captured request can't be replayed later). Any malformed header counts as a bad signature
 * (never an exception), so the caller can answer 401 uniformly.
 */
export function verifyDiscordSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  nowMs: number = Date.now(),
): boolean {
  if (!signatureHex || !timestamp) return false;
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
