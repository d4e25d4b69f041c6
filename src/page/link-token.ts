import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../secrets/token-box.js';

/** HKDF info label of the page-link key: a key derived for another purpose can never sign a page link. */
export const PAGE_LINK_INFO = 'sitrep/page-links';

/** What a page link grants: one story, one window, until `exp`. */
export interface PageGrant {
  story: string;
  /** The `since` parameter exactly as in the link: `24h`, `7d` or an ISO date/date-time. */
  since: string;
  /** The `until` parameter (ISO), or undefined for "up to now" at reading time. */
  until?: string;
  /** Expiry, Unix seconds. */
  exp: number;
}

const SIG = /^[A-Za-z0-9_-]{43}$/;

/** The page-link key for a SITREP_SECRET_KEY. */
export function pageLinkKey(secretKey: string): Buffer {
  return deriveKey(secretKey, PAGE_LINK_INFO);
}

/** HMAC-SHA256 over the grant, base64url (43 characters). */
export function signGrant(key: Buffer, grant: PageGrant): string {
  // A JSON array is an unambiguous encoding: no field can be made to run into the next.
  const message = JSON.stringify(['sitrep-page/v1', grant.story, grant.since, grant.until ?? null, grant.exp]);
  return createHmac('sha256', key).update(message).digest('base64url');
}

export type GrantCheck = { ok: true } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/**
 * Whether `sig` signs `grant` and the grant is unexpired at `nowMs`. The signature is compared in constant time;
 * expiry is checked after it, so an expired link costs the same as a live one.
 */
export function checkGrant(key: Buffer, grant: PageGrant, sig: string, nowMs: number): GrantCheck {
  if (!SIG.test(sig) || !Number.isSafeInteger(grant.exp)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signGrant(key, grant), 'base64url');
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  if (grant.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true };
}
