import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/types.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { BRIEFINGS, SEEDS } from '../helpers/fixtures.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  db = join(dir, 'sitrep.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRAILER = ['Riksbank', 'central bank', 'Nippon Steel', 'tariff', 'Read next', 'Leave the first comment', 'What is your opinion', 'golden share', 'Iran'];

describe('sitrep brief on the bundled story', () => {
  it('produces the acceptance briefing as JSON', async () => {
    const r = await runCli(['brief', '--now', '2025-05-20T07:00:00Z', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout) as Briefing;
    const devText = b.developments.map((d) => d.text).join('\n');
    expect(devText).toMatch(/memorandum/i);
    // The exchange "could be announced within days" is the briefing's thing to watch.
    expect([devText, ...b.watch.map((w) => w.text)].join('\n')).toMatch(/prisoner/i);
    expect(devText).toMatch(/meeting/i);
    for (const d of b.developments) expect(d.sources.length).toBeGreaterThanOrEqual(1);
    expect(b.questions.map((q) => q.id)).toEqual(['territory', 'security-guarantees', 'ukraine-response']);
    for (const q of b.questions) expect(q.status).not.toBe('resolved');
    // The two seed reports are two sources of one event, not two events.
    const call = b.developments.find((d) => d.eventId === '2025-05-19-trump-putin-call');
    expect(call?.sources.length).toBe(2);
    expect(call?.sourceCount).toBe(2);
    for (const word of TRAILER) expect(r.stdout).not.toContain(word);
    // Every key of the agreed JSON shape is there.
    expect(Object.keys(b)).toEqual(expect.arrayContaining(['story', 'generatedAt', 'window', 'headline', 'developments', 'questions', 'watch', 'sources']));
  });

  it('is byte-identical for the same data and --now', async () => {
    const a = await runCli(['brief', '--now', '2025-05-20T07:00:00Z', '--format', 'json', '--db', db]);
    const b = await runCli(['brief', '--now', '2025-05-20T07:00:00Z', '--format', 'json', '--db', join(dir, 'other.db')]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('keeps the default text briefing under 2,000 characters', async () => {
    const r = await runCli(['brief', '--now', '2025-05-20T07:00:00Z', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().length).toBeLessThanOrEqual(2000);
    expect(r.stdout).toContain('OPEN QUESTIONS');
  });

  it('renders one question in detail with markdown', async () => {
    const r = await runCli(['brief', '--question', 'territory', '--format', 'markdown', '--now', '2025-05-20T07:00:00Z', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Territory');
    expect(r.stdout).toContain('### Timeline');
  });

  it('rejects unknown story, question, --since and --now with one line, valid choices and exit 2', async () => {
    const story = await runCli(['brief', '--story', 'mars', '--db', db]);
    expect(story.code).toBe(2);
    expect(story.stderr).toContain('Valid stories: ukraine-ceasefire');
    const q = await runCli(['brief', '--question', 'weather', '--db', db]);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('territory, security-guarantees, ukraine-response');
    const since = await runCli(['brief', '--since', 'last tuesday', '--db', db]);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/24h, 7d or an ISO date/);
    const now = await runCli(['brief', '--now', 'noon', '--db', db]);
    expect(now.code).toBe(2);
    for (const r of [story, q, since, now]) expect(r.stderr).not.toMatch(/\n\s+at /);
    const flag = await runCli(['brief', '--colour']);
    expect(flag.code).toBe(2);
  });

  it('lists questions as JSON', async () => {
    const r = await runCli(['questions', '--format', 'json', '--now', '2025-05-20T07:00:00Z', '--db', db]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { questions: unknown[] }).questions).toHaveLength(3);
  });
});

describe('sitrep validate', () => {
  it('passes on the bundled data', async () => {
    const r = await runCli(['validate', '--data', BRIEFINGS]);
    expect(r.code).toBe(0);
  });

  it('fails with file, field and reason per bad record', async () => {
    const data = join(dir, 'data');
    cpSync(BRIEFINGS, data, { recursive: true });
    writeFileSync(join(data, 'ukraine-ceasefire', 'events', 'broken.json'), JSON.stringify({ id: 'x', story: 'ukraine-ceasefire', occurredAt: '2025-05-19', title: 'T', facts: [], sources: [{ id: 's', name: 'S' }] }));
    const r = await runCli(['validate', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.json: facts: .*(at least|>=|too small)/i);
    // The briefing is still produced, with a warning naming the file.
    const b = await runCli(['brief', '--data', data, '--db', join(dir, 'warn.db'), '--now', '2025-05-20T07:00:00Z']);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain('broken.json');
    expect(b.stdout).toContain('WHAT HAPPENED');
  });
});

describe('sitrep import', () => {
  it('imports JSON lines in batches and is idempotent', async () => {
    const file = join(dir, 'bulk.jsonl');
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ id: `bulk-${i}`, story: 'ukraine-ceasefire', occurredAt: '2025-05-01T00:00:00Z', title: `Bulk ${i}`, facts: [{ text: `Fact ${i}.`, source: 's' }], sources: [{ id: 's', name: 'Wire' }] }),
    );
    writeFileSync(file, `${lines.join('\n')}\n{"id":"bad"}\n`);
    const target = join(dir, 'import.db');
    const first = await runCli(['import', file, '--db', target]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('1200 new');
    expect(first.stderr).toContain('bulk.jsonl');
    const second = await runCli(['import', file, '--db', target]);
    expect(second.stdout).toContain('0 new, 0 updated, 1200 unchanged');
  });
});

describe('sitrep start (console adapter)', () => {
  it('prints a briefing and answers typed slash commands until end of input', async () => {
    const r = await runCli(['start', '--db', join(dir, 'console.db'), '--now', '2025-05-20T07:00:00Z'], { stdin: '/questions\n/brief territory\n/help\n/brief nonsense-question\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WHAT HAPPENED');
    expect(r.stdout).toContain('QUESTIONS ·');
    expect(r.stdout).toContain('TIMELINE');
    expect(r.stdout).toContain('/sitrep subscribe');
    expect(r.stdout).toContain('Unknown question "nonsense-question"');
  });

  it('runs as a real process with no tokens and no input (npm start < /dev/null)', () => {
    const work = mkdtempSync(join(tmpdir(), 'sitrep-proc-'));
    const r = spawnCli(['start'], { env: { SITREP_DB: join(work, 'x.db'), SITREP_DATA: BRIEFINGS } });
    rmSync(work, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RUSSIA–UKRAINE CEASEFIRE TALKS');
    expect(r.stdout).toContain('Territory');
    expect(r.stdout).toContain('Security guarantees');
    expect(r.stdout).toContain("Ukraine's response");
  });

  it('reports every bad variable at start-up and exits non-zero', () => {
    const r = spawnCli(['start'], { env: { PORT: 'x', LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: 'xoxb-abc' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('LOG_LEVEL');
    expect(r.stderr).toContain('SLACK_');
    expect(r.stderr).not.toContain('xoxb-abc');
  });
});

describe('seeds are only sources', () => {
  it('the bundled records quote no trailer text of the first seed', () => {
    const seed = readFileSync(join(SEEDS, '000_73e9b54b8ea29b65.txt'), 'utf8');
    expect(seed).toContain('Read next');
  });
});

describe('README', () => {
  it('shows real console output (the sample is regenerated, not hand-written)', async () => {
    const readme = readFileSync(join(BRIEFINGS, '..', 'README.md'), 'utf8');
    const start = readme.indexOf('```\n', readme.indexOf('Real output of')) + 4;
    const sample = readme.slice(start, readme.indexOf('```\n', start)).trim();
    const r = await runCli(['start', '--db', join(dir, 'readme.db'), '--now', '2025-05-20T07:00:00Z'], { stdin: '/questions\n' });
    expect(r.stdout.trim()).toBe(sample);
  });
});
