import { createDecipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, SLACK_INSTALLATION_TOKENS_INFO, TokenBox, TokenBoxError } from '../../src/secrets/token-box.js';

const KEY = 'a-test-secret-key-of-at-least-32-characters!';
const TOKEN = 'xoxb-1111-2222-SECRETtokenbox';

describe('TokenBox (AES-256-GCM under an HKDF-SHA256 key from SITREP_SECRET_KEY)', () => {
  it('derives the key with HKDF-SHA256 and the purpose as info: one secret, one key per use', () => {
    const expected = Buffer.from(hkdfSync('sha256', Buffer.from(KEY), Buffer.alloc(0), Buffer.from(SLACK_INSTALLATION_TOKENS_INFO), 32));
    expect(deriveKey(KEY, SLACK_INSTALLATION_TOKENS_INFO).equals(expected)).toBe(true);
    expect(SLACK_INSTALLATION_TOKENS_INFO).toBe('sitrep/slack-installation-tokens');
    expect(deriveKey(KEY, 'sitrep/page-links').equals(expected)).toBe(false);
  });

  it('round-trips, with a fresh IV each time, and the ciphertext holds no part of the plaintext', () => {
    const box = new TokenBox(KEY, SLACK_INSTALLATION_TOKENS_INFO);
    const a = box.seal(TOKEN, 'T0A');
    const b = box.seal(TOKEN, 'T0A');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('SECRET');
    expect(box.open(a, 'T0A')).toBe(TOKEN);
    expect(box.open(b, 'T0A')).toBe(TOKEN);
  });

  it('is standard AES-256-GCM: iv | ciphertext | tag, with the context as associated data', () => {
    const sealed = new TokenBox(KEY, SLACK_INSTALLATION_TOKENS_INFO).seal(TOKEN, 'T0A');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const d = createDecipheriv('aes-256-gcm', deriveKey(KEY, SLACK_INSTALLATION_TOKENS_INFO), raw.subarray(0, 12));
    d.setAAD(Buffer.from('T0A'));
    d.setAuthTag(raw.subarray(raw.length - 16));
    expect(Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString()).toBe(TOKEN);
  });

  it('refuses another key, another context (a row copied onto another workspace), an altered value and garbage, never echoing them', () => {
    const box = new TokenBox(KEY, SLACK_INSTALLATION_TOKENS_INFO);
    const sealed = box.seal(TOKEN, 'T0A');
    const cases: Array<[() => string, string]> = [
      [() => new TokenBox(`${KEY}-changed`, SLACK_INSTALLATION_TOKENS_INFO).open(sealed, 'T0A'), 'SEALED_UNREADABLE'],
      [() => new TokenBox(KEY, 'sitrep/page-links').open(sealed, 'T0A'), 'SEALED_UNREADABLE'],
      [() => box.open(sealed, 'T0B'), 'SEALED_UNREADABLE'],
      [() => box.open(`${sealed.slice(0, -4)}${sealed.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`, 'T0A'), 'SEALED_UNREADABLE'],
      [() => box.open('v1.short', 'T0A'), 'SEALED_MALFORMED'],
      [() => box.open(TOKEN, 'T0A'), 'SEALED_MALFORMED'],
    ];
    for (const [open, code] of cases) {
      let err: unknown;
      try {
        open();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TokenBoxError);
      expect((err as TokenBoxError).code).toBe(code);
      expect((err as Error).message).not.toContain(TOKEN);
      expect((err as Error).message).not.toContain(KEY);
    }
  });
});
