import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadOnlyCommandText, runCommand, runCommandText } from '../../src/commands/run.js';
import type { CommandContext, CommandResult } from '../../src/commands/types.js';
import type { Platform } from '../../src/store/store.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';

const KINDS = new Set(['briefing', 'questions', 'subscriptions', 'text', 'error']);
const WORDS = [
  'brief', 'briefing', 'questions', 'q', 'subscribe', 'sub', 'unsubscribe', 'unsub', 'subscriptions', 'subs', 'help', '/sitrep', 'sitrep',
  'territory', 'security-guarantees', 'ukraine-response', 'ceasefire', '24h', '7d', '0h', '-1d', '99999d', '1.5h', '2025-05-19', '2025-05-19T07:00:00Z',
  '09:00', '24:00', '7:5', '23:59', '00:00', 'Europe/Kyiv', 'America/New_York', 'Mars/Olympus', 'UTC', 'daily', 'weekdays', 'mon,tue', 'sun', 'mon,,fri', 'xyz',
  '"', "'", '""', '--', '—', '<!channel>', '@everyone', '\u0000', '\u202e', ' ', '\t', '\n', 'a'.repeat(500),
];

/** Free text as a user might type it: known words in any order, quotes, junk and arbitrary Unicode. */
const commandText = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 10 })), { maxLength: 8 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function expectWellFormed(r: CommandResult): void {
  expect(KINDS.has(r.kind)).toBe(true);
  if (r.kind === 'error') {
    expect(r.message.trim().length).toBeGreaterThan(0);
    expect(r.usage.trim().length).toBeGreaterThan(0);
    expect(r.code).not.toBe('INTERNAL');
  }
}

describe('command parser: any text gives a CommandResult, never a throw', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    env = await tempStore();
  });
  afterAll(() => env.cleanup());

  const ctx = (platform: Platform, canManage: boolean, channel: string): CommandContext => ({
    store: env.store,
    now: MORNING_AFTER,
    story: sampleStory(),
    platform,
    channel,
    user: 'U1',
    canManage,
    defaultTimezone: 'Europe/Kyiv',
  });

  it('runCommandText: resolves for random text; errors carry a message and usage', async () => {
    await fc.assert(
      fc.asyncProperty(commandText, fc.constantFrom<Platform>('slack', 'discord', 'console'), fc.boolean(), fc.constantFrom('C1', 'C2', '123456789012'), async (text, platform, canManage, channel) => {
        expectWellFormed(await runCommandText(text, ctx(platform, canManage, channel)));
      }),
      { numRuns: 300 },
    );
  });

  it('isReadOnlyCommandText: a text it calls read-only never writes to the store (its answer may be kept and reused)', async () => {
    expect(isReadOnlyCommandText('subscribe 07:00 UTC')).toBe(false);
    expect(isReadOnlyCommandText('"unsub"')).toBe(false);
    expect(isReadOnlyCommandText('/sitrep sub 07:00')).toBe(false);
    expect(isReadOnlyCommandText('')).toBe(true);
    expect(isReadOnlyCommandText('territory 7d')).toBe(true);
    await fc.assert(
      fc.asyncProperty(commandText, async (text) => {
        const before = await env.store.revision();
        await runCommandText(text, ctx('slack', true, 'CRO'));
        if (isReadOnlyCommandText(text)) expect(await env.store.revision()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('runCommand: resolves for random names and option values', async () => {
    const name = fc.oneof(fc.constantFrom('brief', 'questions', 'subscribe', 'unsubscribe', 'subscriptions', 'help'), fc.string({ maxLength: 20 }));
    const value = fc.option(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 60 })), { nil: undefined });
    const args = fc.record({ question: value, since: value, time: value, timezone: value, days: value, extra: value }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(name, args, fc.boolean(), async (n, a, canManage) => {
        expectWellFormed(await runCommand(n, a, ctx('discord', canManage, '123456789012')));
      }),
      { numRuns: 300 },
    );
  });
});
