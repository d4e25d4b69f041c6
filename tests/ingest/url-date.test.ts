import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateEvent } from '../../src/ingest/event-date.js';
import { calendarDay } from '../../src/time/instant.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { dayInUrl } from '../../src/ingest/url-date.js';
import { sampleStory } from '../helpers/fixtures.js';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('the day a page address names', () => {
  it('reads the paths content systems file pages under', () => {
    expect(dayInUrl('https://apnews.com/2025/03/11/ukraine-ceasefire-jeddah', NOW)).toBe('2025-03-11');
    expect(dayInUrl('https://www.theguardian.com/world/2025/dec/11/zelensky-donbas-free-economic-zone', NOW)).toBe('2025-12-11');
    expect(dayInUrl('https://example.com/world/putin-witkoff-talks-2025-12-02-abc', NOW)).toBe('2025-12-02');
    expect(dayInUrl('https://example.com/news/20251211/zelensky', NOW)).toBe('2025-12-11');
    expect(dayInUrl('https://example.com/2025/5/9/victory-day-truce', NOW)).toBe('2025-05-09');
  });

  it('names no day for a month alone, an impossible date, a date after now, an id, or no address', () => {
    expect(dayInUrl('https://example.com/2025/12/zelensky-plan', NOW)).toBeUndefined();
    expect(dayInUrl('https://example.com/2025/02/30/story', NOW)).toBeUndefined();
    expect(dayInUrl('https://example.com/2027/01/05/story', NOW)).toBeUndefined();
    expect(dayInUrl('https://example.com/article/1234567890123/story', NOW)).toBeUndefined();
    expect(dayInUrl('https://example.com/story?id=20251211', NOW)).toBeUndefined();
    expect(dayInUrl(undefined, NOW)).toBeUndefined();
    expect(dayInUrl('not a url /2025/03/11/', NOW)).toBeUndefined();
  });

  it('anchors an article that states no date on it: "on Tuesday" is the Tuesday before the address day', () => {
    const lead = ['Negotiators met on Tuesday in Jeddah, officials said.'];
    expect(dateEvent({ urlDay: '2025-03-12', lead, now: NOW })).toMatchObject({ occurredAt: '2025-03-11', dateSource: 'text' });
    // A publication time the page states comes first.
    expect(dateEvent({ publishedAt: '2025-03-19T08:00:00Z', urlDay: '2025-03-12', lead, now: NOW }).occurredAt).toBe('2025-03-18');
    // Without either, the article is undated.
    expect(dateEvent({ lead, now: NOW }).dateSource).toBe('ingest-time');
  });

  it('dates a text file given --url by its address, where without one it takes the ingest time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-url-date-'));
    const file = join(dir, 'jeddah.txt');
    writeFileSync(
      file,
      [
        'Ukraine backs US ceasefire proposal after Jeddah talks',
        'Ukraine said on Tuesday it was ready to accept a US proposal for a 30-day ceasefire with Russia after talks with American officials in Jeddah.',
        'Secretary of State Marco Rubio said the United States would now take the offer to Moscow, and that the ball was in Russia’s court.',
        'The Kremlin said it would study the proposal before responding.',
      ].join('\n\n'),
    );
    const story = sampleStory();
    const withUrl = await ingestInputs([file], { story, now: NOW, dryRun: true, url: 'https://news.example.com/world/2025/03/12/ukraine-ceasefire-jeddah' });
    const without = await ingestInputs([file], { story, now: NOW, dryRun: true });
    rmSync(dir, { recursive: true, force: true });
    expect(withUrl.results[0]).toMatchObject({ ok: true, occurredAt: '2025-03-11', dateSource: 'text' });
    expect(withUrl.records[0]?.sources[0]).toMatchObject({ url: 'https://news.example.com/world/2025/03/12/ukraine-ceasefire-jeddah', publishedAt: '2025-03-12T00:00:00Z' });
    expect(without.results[0]).toMatchObject({ ok: true, dateSource: 'ingest-time' });
  });
});

describe('a calendar day from its parts', () => {
  it('names a day of the calendar, and nothing for a month out of range or a day a month does not have', () => {
    expect(calendarDay(2025, 1, 28)).toBe('2025-02-28');
    expect(calendarDay(2024, 1, 29)).toBe('2024-02-29');
    expect(calendarDay(2025, 1, 30)).toBeUndefined();
    expect(calendarDay(2025, 12, 1)).toBeUndefined();
    expect(calendarDay(2025, -1, 1)).toBeUndefined();
  });
});
