import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform as createDiscord } from '../../adapters/discord/index.js';
import { limitViolations, renderBriefing as renderEmbeds, type DiscordEmbed } from '../../adapters/discord/render-embeds.js';
import { createPlatform as createSlack } from '../../adapters/slack/index.js';
import { renderBriefing as renderBlocks } from '../../adapters/slack/render-blocks.js';
import { briefingFromStore } from '../../src/briefing/service.js';
import { loadConfig } from '../../src/config.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { Story } from '../../src/records/schema.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { answerCommand } from '../../adapters/discord/answer.js';
import { answerSlashCommand } from '../../adapters/slack/answer.js';
import { SlackChatAdapter } from '../../adapters/slack/chat-adapter.js';
import { WebClient } from '@slack/web-api';
import { pageLinkKey } from '../../src/page/link-token.js';
import { pageLinker } from '../../src/page/links.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { APP_ID, CHANNEL, TOKEN } from '../discord/harness.js';
import { hugeBriefing, makeBriefing } from '../slack/briefing-data.js';
import { expectWithinLimits } from '../slack/limits.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';
import { SECRET, startPageServer, type PageServer } from './page-fixture.js';

const PAGE = 'https://sitrep.example/s/test-talks?since=2025-05-18T07%3A00%3A00Z&until=2025-05-19T07%3A00%3A00Z&exp=1748243200&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('"Full briefing" in Slack posts', () => {
  it('ends the briefing with a link to its page, and changes nothing without one', () => {
    const plain = expectWithinLimits(renderBlocks(makeBriefing()));
    expect(JSON.stringify(plain)).not.toContain('Full briefing');
    const linked = expectWithinLimits(renderBlocks(makeBriefing(), { pageUrl: PAGE }));
    expect(linked.blocks.slice(0, -1)).toEqual(plain.blocks);
    const last = linked.blocks[linked.blocks.length - 1];
    expect(last?.type === 'section' && last.text.text).toBe(`*<${PAGE.replace(/&/g, '&amp;')}|Full briefing →>* every development, and each question's timeline`);
  });

  it('keeps within Block Kit limits for a huge briefing, link included, and drops a link that is not http(s)', () => {
    const huge = expectWithinLimits(renderBlocks(hugeBriefing(), { pageUrl: PAGE, reserveBlocks: 1 }));
    expect(huge.blocks.length).toBeLessThanOrEqual(49);
    expect(JSON.stringify(huge.blocks[huge.blocks.length - 1])).toContain('Full briefing');
    expect(JSON.stringify(renderBlocks(makeBriefing(), { pageUrl: 'javascript:alert(1)' }))).not.toContain('Full briefing');
  });
});

describe('"Full briefing" in Discord posts', () => {
  const embed = (m: { embeds: DiscordEmbed[] }) => m.embeds[0] as DiscordEmbed;

  it('links the title and ends the description with the link, and changes nothing without one', () => {
    const plain = renderEmbeds(makeBriefing());
    expect(JSON.stringify(plain)).not.toContain('Full briefing');
    const linked = renderEmbeds(makeBriefing(), { pageUrl: PAGE });
    expect(embed(linked).url).toBe(PAGE);
    expect(embed(linked).description).toBe(`${embed(plain).description}\n\n**[Full briefing →](${PAGE})** every development, and each question's timeline`);
    expect(limitViolations(linked)).toEqual([]);
    const focused = renderEmbeds(makeBriefing({ focus: 'ceasefire' }), { pageUrl: `${PAGE}#q-ceasefire` });
    expect(embed(focused).description).toContain(`(${PAGE}#q-ceasefire)`);
  });

  it('stays within every limit for a huge briefing, the link kept', () => {
    for (const b of [hugeBriefing(), { ...hugeBriefing(), focus: 'q1' }]) {
      const m = renderEmbeds(b, { pageUrl: PAGE });
      expect(limitViolations(m)).toEqual([]);
      expect(embed(m).description).toContain('[Full briefing →]');
    }
    expect(JSON.stringify(renderEmbeds(makeBriefing(), { pageUrl: 'javascript:alert(1)' }))).not.toContain('Full briefing');
  });
});

describe('links from real posts open the page', () => {
  let store: SqliteStore;
  let cleanup: () => Promise<void>;
  let pages: PageServer;
  let slackApi: FakeSlackApi;
  let discordApi: FakeDiscordApi;
  const story: Story = sampleStory();

  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    pages = await startPageServer({ store, stories: new Map([[story.id, story]]), clock: () => new Date(MORNING_AFTER.getTime() + 60_000) });
    slackApi = await new FakeSlackApi().start();
    discordApi = await FakeDiscordApi.start();
  });
  afterAll(async () => {
    await pages.close();
    await slackApi.close();
    await discordApi.close();
    await cleanup();
  });

  const config = (env: Record<string, string>) => {
    const r = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: pages.base, SITREP_SECRET_KEY: SECRET, ...env });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.config;
  };
  const deps = (env: Record<string, string>) => ({
    config: config(env),
    store,
    logger: silentLogger(),
    clock: () => MORNING_AFTER,
    defaultStory: story,
    stories: new Map([[story.id, story]]),
    http: new HttpRouter(),
  });
  const linkIn = (text: string) => /(http:\/\/127\.0\.0\.1:\d+\/s\/ukraine-ceasefire\?[^|)>\s]+)/.exec(text)?.[1]?.replace(/&amp;/g, '&');

  it('Slack: the posted briefing links to a page that opens (200) for its window', async () => {
    const slack = createSlack(deps({ SLACK_BOT_TOKEN: 'xoxb-page-test', SLACK_SIGNING_SECRET: 'page-test-signing', SLACK_MODE: 'http', SLACK_API_URL: slackApi.apiUrl }));
    const briefing = await briefingFromStore(store, { story, now: MORNING_AFTER });
    const outcome = await slack.chat.postBriefing('C0PAGE', briefing, { key: 'slack:C0PAGE:ukraine-ceasefire:2025-05-20' });
    expect(outcome.ok).toBe(true);
    const link = linkIn(JSON.stringify(slackApi.messages[0]?.blocks));
    expect(link).toBeDefined();
    const url = new URL(link ?? '');
    expect([url.searchParams.get('since'), url.searchParams.get('until')]).toEqual(['2025-05-19T07:00:00Z', '2025-05-20T07:00:00Z']);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Trump and Putin hold a two-hour call');
  });

  it('Discord: the posted briefing links to a page that opens (200), and nothing links without PUBLIC_URL', async () => {
    const discord = createDiscord(deps({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discordApi.url }));
    const briefing = await briefingFromStore(store, { story, now: MORNING_AFTER });
    expect((await discord.chat.postBriefing(CHANNEL, briefing, { key: 'discord:x:ukraine-ceasefire:2025-05-20' })).ok).toBe(true);
    const posted = discordApi.messagesIn(CHANNEL)[0]?.embeds[0] as DiscordEmbed;
    const link = linkIn(posted.description ?? '');
    expect(posted.url).toBe(link);
    expect((await fetch(link ?? '')).status).toBe(200);

    const plain = createDiscord(deps({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discordApi.url, PUBLIC_URL: '' }));
    expect((await plain.chat.postBriefing(CHANNEL, briefing, { key: 'discord:y:ukraine-ceasefire:2025-05-20' })).ok).toBe(true);
    expect(JSON.stringify(discordApi.messagesIn(CHANNEL)[1]?.embeds)).not.toContain('Full briefing');
  });

  it('slash-command answers link too: Slack keeps its "Post to channel" button, a focused briefing links to its question', async () => {
    const pageLinks = pageLinker({ baseUrl: pages.base, key: pageLinkKey(SECRET), ttlMs: 86_400_000 });
    const chat = new SlackChatAdapter({ client: new WebClient('xoxb-page-test', { slackApiUrl: slackApi.apiUrl }), logger: silentLogger(), pageLinks });
    const env = { store, logger: silentLogger(), clock: () => MORNING_AFTER, story, timezone: 'UTC', chat };
    const reply = expectWithinLimits(await answerSlashCommand({ command: '/sitrep', text: 'brief territory', channel_id: 'C0ASK', user_id: 'U1' }, env));
    const types = reply.blocks.map((b) => b.type);
    expect(types[types.length - 1]).toBe('actions');
    const link = linkIn(JSON.stringify(reply.blocks));
    expect(JSON.stringify(reply.blocks)).toContain('#q-territory|Full briefing');
    expect((await fetch(link ?? '')).status).toBe(200);

    const discordReply = await answerCommand(
      { command: 'sitrep', subcommand: 'brief', args: {} },
      { channel: CHANNEL },
      { store, story, now: MORNING_AFTER, timezone: 'UTC', logger: silentLogger(), pageLinks },
    );
    expect(limitViolations(discordReply)).toEqual([]);
    expect((await fetch(linkIn(discordReply.embeds[0]?.description ?? '') ?? '')).status).toBe(200);
  });
});
