import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { AuditEntry } from '../../src/store/store.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingIo } from '../helpers/cli.js';
import { BRIEFINGS, SEEDS } from '../helpers/fixtures.js';

const REVIEW = 'CREVIEW9';
let slack: FakeSlackApi;
let dir: string;

beforeAll(async () => {
  slack = await new FakeSlackApi({ minChannelIntervalMs: 0 }).start();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-newsroom-cli-'));
});
afterAll(async () => {
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], now = '2025-05-20T07:00:00Z'): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo(
    {
      SITREP_DB: join(dir, 'sitrep.db'),
      SITREP_DATA: BRIEFINGS,
      SITREP_FEED_POLL: 'off',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-cli-newsroom-token',
      SLACK_SIGNING_SECRET: 'cli-newsroom-signing-secret',
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      SITREP_REVIEW_CHANNEL: `slack:${REVIEW}`,
      SITREP_REVIEWERS: 'U0001',
      USER: 'ann',
    },
    () => new Date(now),
  );
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('the newsroom loop from the CLI: ingest queues, deliver posts, approve, retract, audit', () => {
  let id = '';

  it('sitrep ingest only queues the review message (nothing lost if no bot runs); deliver posts it once; a merged article updates it in place', async () => {
    const seeds = ['000_73e9b54b8ea29b65.txt', '003_f016421eb0b28ed3.txt'].map((f) => join(SEEDS, f));
    const first = await run(['ingest', '--published', '2025-05-19T20:00:00Z', seeds[0] as string]);
    expect(first.code).toBe(0);
    id = (JSON.parse(first.out) as Array<{ id: string }>)[0]?.id ?? '';
    expect(first.err).toContain(`queued chat messages (review posts in slack:${REVIEW}, review updates, corrections): the running bot posts them within seconds, or run \`sitrep deliver\``);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(0);

    const delivered = await run(['deliver']);
    expect(delivered.code).toBe(0);
    expect(delivered.out).toContain(`sent      review:${id}`);
    const reviewPosts = () => slack.okCallsOf('chat.postMessage').filter((c) => c.body.channel === REVIEW);
    expect(reviewPosts()).toHaveLength(1);
    expect(JSON.stringify(reviewPosts()[0]?.body.blocks)).toContain('1 source');
    expect((await run(['deliver'])).out).not.toContain('review:');

    // The second article about the same event merges into the draft: its message is updated, never posted again.
    const second = await run(['ingest', '--published', '2025-05-19T21:00:00Z', seeds[1] as string]);
    expect(second.err).toContain(`merged into ${id}`);
    await run(['deliver']);
    expect(reviewPosts()).toHaveLength(1);
    const update = slack.okCallsOf('chat.update').at(-1);
    expect(update?.body).toMatchObject({ channel: REVIEW, ts: slack.messages.find((m) => m.channel === REVIEW)?.ts });
    expect(JSON.stringify(update?.body.blocks)).toContain('2 sources');
  });

  it('sitrep approve publishes, is audited, and updates the review message in place at the next deliver', async () => {
    const approved = await run(['approve', id, '--by', 'Ann Editor']);
    expect(approved).toMatchObject({ code: 0, out: `published ${id}\n` });
    const before = slack.okCallsOf('chat.update').length;
    await run(['deliver']);
    const update = slack.okCallsOf('chat.update').slice(before).at(-1);
    expect(update?.body.channel).toBe(REVIEW);
    expect(JSON.stringify(update?.body.blocks)).toContain('*Approved* by Ann Editor');
    expect((await run(['approve', id])).out).toContain('already');
  });

  it('sitrep retract withdraws a fact with a reason; sitrep audit lists who did what, with before and after in JSON', async () => {
    expect((await run(['retract', `${id}#f1`])).code).toBe(2);
    expect((await run(['retract', `${id}#nope`, '--reason', 'x'])).err).toContain(`event "${id}" has no fact "nope"`);
    const retracted = await run(['retract', `${id}#f1`, '--reason', 'the quote was misattributed']);
    expect(retracted.code).toBe(0);
    expect(retracted.out).toContain(`retracted ${id}#f1: it will not appear in briefings again; 0 posted briefings of the last 7 days will be corrected.`);
    const brief = await run(['brief', '--format', 'json', '--since', '2025-05-19']);
    expect(brief.code).toBe(0);

    const text = await run(['audit', '--since', '24h']);
    const lines = text.out.trim().split('\n');
    expect(lines.map((l) => l.split('  ').slice(1, 3).join(' '))).toEqual(['ingest merge', 'cli:Ann Editor approve', 'cli:ann retract']);
    const json = JSON.parse((await run(['audit', '--format', 'json', '--event', id])).out) as AuditEntry[];
    expect(json.map((e) => e.action)).toEqual(['merge', 'approve', 'retract']);
    expect((json[1]?.before as { status: string }).status).toBe('draft');
    expect((json[1]?.after as { status: string }).status).toBe('published');
    expect((await run(['audit', '--since', 'whenever'])).code).toBe(2);
    expect((await run(['audit', '--since', '1h'], '2025-05-21T07:00:00Z')).out).toBe('No audit entries since 2025-05-21T06:00:00.000Z.\n');
  });
});
