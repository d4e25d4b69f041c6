/**
 * Child process for the slash-command case: serves either the real sitrep Slack app ("real") or a bare Bolt app
 * that answers the same signed `/sitrep` request with a fixed string ("bare"), both in HTTP mode on the shared
 * router, talking to the local fake Slack API. Prints `{"port":…}` once listening; on a "stats" line from stdin
 * prints what happened behind the ack (respond() calls, unhandled rejections) and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createPlatform } from '../adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { HttpRouter } from '../src/http/router.js';
import { silentLogger } from '../src/log.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from './slack-secrets.js';
import { benchStory, SYNTH_NOW, syntheticRecords } from './synthetic.js';


const mode = process.argv[2] === 'bare' ? 'bare' : 'real';
/** The fake Slack API runs in its own process (bench/fake-slack-child.ts); its URL comes as the second argument. */
const apiUrl = process.argv[3] ?? '';
let unhandled = 0;
process.on('unhandledRejection', () => void unhandled++);

const router = new HttpRouter();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-slack-'));
const store = openSqliteStore(join(dir, 'slack.db'));
let stop: () => Promise<void> = async () => undefined;

if (mode === 'real') {
  const story = benchStory();
  await store.upsertStory(story);
  for (let off = 0; off < 10_000; off += 5_000) store.upsertEventsSync(syntheticRecords(story, 5_000, { total: 10_000, offset: off }));
  const cfg = loadConfig({ SLACK_BOT_TOKEN: BENCH_BOT_TOKEN, SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET, SLACK_MODE: 'http', SLACK_API_URL: apiUrl, LOG_LEVEL: 'silent' });
  if (!cfg.ok) throw new Error(cfg.errors.join('; '));
  const platform = await createPlatform({
    config: cfg.config,
    store,
    logger: silentLogger(),
    clock: () => SYNTH_NOW,
    defaultStory: story,
    stories: new Map([[story.id, story]]),
    http: router,
  });
  await platform.start();
  stop = () => platform.stop();
} else {
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({ token: BENCH_BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true });
  app.command('/sitrep', async ({ ack }) => {
    await ack('ok');
  });
  await app.init();
  router.route('POST', '/slack/events', (req, res) => receiver.requestListener(req, res));
}

const port = await router.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port })}\n`);

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (line.trim() !== 'stats') return;
  // Answers still in flight when the load stopped get a moment to land.
  setTimeout(() => {
    void (async () => {
      await stop();
      await router.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write(`${JSON.stringify({ unhandled })}\n`);
      process.exit(0);
    })();
  }, 1_000);
});
