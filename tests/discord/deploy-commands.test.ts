import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COMMAND, MAIN_COMMAND, MANAGE_CHANNELS, buildCommandData } from '../../adapters/discord/command-data.js';
import { DeployError, deployCommands } from '../../adapters/discord/deploy-commands.js';
import { command as discordCli } from '../../src/cli/commands/discord.js';
import { recordingIo } from '../helpers/cli.js';
import { subcommands } from '../../src/commands/registry.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { APP_ID, GUILD, TOKEN } from './harness.js';

interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string }>;
  options?: OptionJson[];
}
interface CommandJson extends OptionJson {
  default_member_permissions?: string | null;
  contexts?: number[];
}

let fake: FakeDiscordApi;
beforeAll(async () => {
  fake = await FakeDiscordApi.start({ token: TOKEN, applicationId: APP_ID });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

const io = (env: Record<string, string | undefined>) => recordingIo(env);

/** Every name ≤ 32 lowercase, every description 1–100, required options first, all the way down. */
function checkShape(o: OptionJson): void {
  expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
  expect(o.description.length).toBeGreaterThan(0);
  expect(o.description.length).toBeLessThanOrEqual(100);
  const opts = o.options ?? [];
  expect(opts.length).toBeLessThanOrEqual(25);
  const firstOptional = opts.findIndex((x) => x.type === 3 && !x.required);
  if (firstOptional >= 0) expect(opts.slice(firstOptional).every((x) => !x.required)).toBe(true);
  for (const c of o.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
  opts.forEach(checkShape);
}

describe('Discord command definitions', () => {
  it('are built from the shared subcommand registry, with autocomplete and permissions', () => {
    const cmds = buildCommandData(subcommands) as CommandJson[];
    expect(cmds.map((c) => c.name)).toEqual([MAIN_COMMAND, ADMIN_COMMAND]);
    cmds.forEach(checkShape);
    const main = cmds[0]!;
    const admin = cmds[1]!;
    expect(main.default_member_permissions).toBeUndefined();
    expect(admin.default_member_permissions).toBe(MANAGE_CHANNELS);
    expect(MANAGE_CHANNELS).toBe('16');
    expect(admin.contexts).toEqual([0]);
    // Every subcommand is under /sitrep (subscribe checks Manage Channels at run time); /sitrep-admin repeats the
    // managing ones behind default_member_permissions so members without the permission never see them.
    expect(main.options?.map((o) => o.name).sort()).toEqual(['brief', 'follow', 'help', 'questions', 'subscribe', 'subscriptions', 'unfollow', 'unsubscribe']);
    expect(admin.options?.map((o) => o.name).sort()).toEqual(['follow', 'subscribe', 'unfollow', 'unsubscribe']);
    expect(main.options?.find((o) => o.name === 'follow')?.options?.[0]).toMatchObject({ name: 'question', required: true, autocomplete: true });
    const brief = main.options?.find((o) => o.name === 'brief');
    expect(brief?.options?.find((o) => o.name === 'question')?.autocomplete).toBe(true);
    const subscribe = admin.options?.find((o) => o.name === 'subscribe');
    expect(subscribe?.options?.[0]).toMatchObject({ name: 'time', required: true });
    expect(subscribe?.options?.find((o) => o.name === 'timezone')?.autocomplete).toBe(true);
    expect(subscribe?.options?.find((o) => o.name === 'days')?.choices?.length).toBeGreaterThan(0);
  });

  it('reject a name Discord would refuse', () => {
    const bad = { ...subcommands[0]!, name: 'Has Spaces' };
    expect(() => buildCommandData([bad])).toThrow(/not a valid Discord command/);
  });
});

describe('deploy-commands', () => {
  it('PUTs the commands to the guild route when a guild is given', async () => {
    const r = await deployCommands({ token: TOKEN, applicationId: APP_ID, guildId: GUILD, apiUrl: fake.url });
    expect(r.scope).toBe('guild');
    expect(r.commands.map((c) => c.name)).toEqual([MAIN_COMMAND, ADMIN_COMMAND]);
    const puts = fake.requestsTo('PUT', /commands$/);
    expect(puts.map((p) => p.path)).toEqual([`/applications/${APP_ID}/guilds/${GUILD}/commands`]);
    expect(puts[0]!.headers.authorization).toBe(`Bot ${TOKEN}`);
    const body = puts[0]!.body as CommandJson[];
    body.forEach(checkShape);
    // contexts/integration_types only apply to global commands.
    expect(body.every((c) => c.contexts === undefined)).toBe(true);
    expect(fake.guildCommands.get(GUILD)?.length).toBe(2);
  });

  it('sitrep discord deploy-commands: guild route with DISCORD_GUILD_ID, global without', async () => {
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.url };
    const withGuild = io({ ...env, DISCORD_GUILD_ID: GUILD });
    expect(await discordCli.run(['deploy-commands'], withGuild)).toBe(0);
    expect(withGuild.out.join('')).toContain(`in server ${GUILD}`);
    const global = io(env);
    expect(await discordCli.run(['deploy-commands'], global)).toBe(0);
    expect(global.out.join('')).toMatch(/global commands/);
    expect(fake.requestsTo('PUT', /commands$/).map((p) => p.path)).toEqual([
      `/applications/${APP_ID}/guilds/${GUILD}/commands`,
      `/applications/${APP_ID}/commands`,
    ]);
    const globalBody = fake.requestsTo('PUT', /^\/applications\/\d+\/commands$/)[0]!.body as CommandJson[];
    globalBody.forEach(checkShape);
    expect(globalBody.find((c) => c.name === ADMIN_COMMAND)?.default_member_permissions).toBe('16');
    expect(fake.globalCommands).toHaveLength(2);
  });

  it('prints the JSON with --dry-run and explains usage and auth mistakes', async () => {
    const dry = io({});
    expect(await discordCli.run(['deploy-commands', '--dry-run'], dry)).toBe(0);
    expect((JSON.parse(dry.out.join('')) as CommandJson[]).map((c) => c.name)).toEqual([MAIN_COMMAND, ADMIN_COMMAND]);
    expect(fake.requests).toHaveLength(0);

    expect(await discordCli.run([], io({}))).toBe(2);
    expect(await discordCli.run(['deploy-commands', '--guild', 'abc'], io({}))).toBe(2);
    expect(await discordCli.run(['deploy-commands'], io({}))).toBe(1);

    const wrong = io({ DISCORD_TOKEN: 'wrong-token-value-123', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.url });
    expect(await discordCli.run(['deploy-commands'], wrong)).toBe(1);
    expect(wrong.err.join('')).toContain('DEPLOY_UNAUTHORIZED');
    expect(wrong.err.join('')).not.toContain('wrong-token-value-123');
  });

  it('reports a wrong application id as DEPLOY_FORBIDDEN', async () => {
    await expect(deployCommands({ token: TOKEN, applicationId: '999999999999999999', apiUrl: fake.url })).rejects.toMatchObject({
      code: 'DEPLOY_FORBIDDEN',
    });
    await expect(deployCommands({ token: TOKEN, applicationId: '999999999999999999', apiUrl: fake.url })).rejects.toBeInstanceOf(DeployError);
  });
});
