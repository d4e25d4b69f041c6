import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations, type DiscordEmbed } from '../../adapters/discord/render-embeds.js';
import { command as post } from '../../src/cli/commands/post.js';
import { recordingIo } from '../helpers/cli.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { APP_ID, TOKEN } from './harness.js';

describe('sitrep post --to discord:…', () => {
  let fake: FakeDiscordApi;
  let dir: string;
  beforeAll(async () => {
    fake = await FakeDiscordApi.start({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'sitrep-discord-post-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => fake.reset());

  function io() {
    return recordingIo({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.url,
      SITREP_DB: join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`),
      SITREP_DATA: BRIEFINGS,
      LOG_LEVEL: 'silent',
    });
  }

  it('posts exactly one message over REST, without a gateway connection', async () => {
    const x = io();
    const code = await post.run(['--to', 'discord:200000000000000001'], x);
    expect(x.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(fake.messagesIn('200000000000000001')).toHaveLength(1);
    const body = fake.requestsTo('POST', /messages$/)[0]!.body as { content: string; embeds: DiscordEmbed[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(body)).toEqual([]);
    expect(x.out.join('')).toContain(fake.messages[0]!.id);
  });

  it('reports Missing Access clearly and exits 1', async () => {
    fake.denyChannel('200000000000000002', 'missing-access');
    const x = io();
    expect(await post.run(['--to', 'discord:200000000000000002'], x)).toBe(1);
    expect(x.err.join('')).toContain('Missing Access');
    expect(fake.messages).toHaveLength(0);
  });
});
