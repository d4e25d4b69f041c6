import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/types.js';
import { formatDay, formatMoment } from '../../src/render/dates.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText, TEXT_LIMIT } from '../../src/render/text.js';
import { fitLines, truncateAtSentence } from '../../src/render/truncate.js';
import { sampleBriefing } from '../helpers/fixtures.js';

const long = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i} says something long enough to matter.`).join(' ');

function hugeBriefing(): Briefing {
  const b = sampleBriefing();
  b.developments = Array.from({ length: 40 }, (_, i) => ({ ...b.developments[0]!, text: long(8).slice(0, 400), eventId: `e${i}`, sources: [{ name: `Outlet ${i}`, url: `https://example.test/${i}` }] }));
  b.questions = b.questions.map((q) => ({ ...q, summary: long(10).slice(0, 400), unknowns: [long(2).slice(0, 200)] }));
  b.watch = Array.from({ length: 10 }, (_, i) => ({ text: long(5).slice(0, 400), eventId: `w${i}`, source: `Outlet ${i}` }));
  b.stats.developmentsOmitted = 35;
  return b;
}

describe('truncation', () => {
  it('keeps text that fits', () => {
    expect(truncateAtSentence('Short.', 10)).toBe('Short.');
  });
  it('cuts at a sentence end when one is near, and marks the cut', () => {
    const out = truncateAtSentence('First sentence here. Second sentence is much longer than the room.', 30);
    expect(out).toBe('First sentence here. …');
    expect(out.length).toBeLessThanOrEqual(30);
  });
  it('cuts at a word boundary otherwise', () => {
    const out = truncateAtSentence('alpha beta gamma delta epsilon zeta eta theta', 20);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).not.toMatch(/\s…$/);
  });
  it('fits lines with a "more" hint', () => {
    const out = fitLines(['aaaa', 'bbbb', 'cccc', 'dddd'], 14, (n) => `+${n}`);
    expect(out.length).toBeLessThanOrEqual(14);
    expect(out).toMatch(/\+\d/);
  });
});

describe('text renderer', () => {
  it('stays within 2,000 characters however long the briefing is', () => {
    const out = renderText(hugeBriefing());
    expect(out.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(out).toContain('OPEN QUESTIONS');
    expect(out).toMatch(/more/);
  });
  it('shows the sections in reading order with numbered sources', () => {
    const out = renderText(sampleBriefing());
    const order = ['WHAT HAPPENED', 'OPEN QUESTIONS', 'WHAT TO WATCH', 'SOURCES'].map((h) => out.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toContain('[1] Report B');
  });
  it('says "No new developments since" for an empty window', () => {
    const out = renderText(sampleBriefing({ developments: [], sources: [] }));
    expect(out).toContain('No new developments since 19 May 2025, 07:00 UTC');
    expect(out).toContain('CONTESTED');
  });
  it('marks a delayed briefing', () => {
    expect(renderText(sampleBriefing(), { delayed: true })).toContain('(DELAYED)');
  });
  it('strips terminal escapes and bidi controls from source text', () => {
    const b = sampleBriefing();
    b.developments[0]!.text = 'Evil \u001b[2J\u001b[31mred\u202e text';
    const out = renderText(b);
    expect(out).not.toMatch(/\u001b|\u202e/);
  });
});

describe('markdown renderer', () => {
  it('escapes markup and defuses mentions in source text', () => {
    const b = sampleBriefing();
    b.developments[0]!.text = '@everyone [click](https://evil.test) **bold** <b>x</b> `code`';
    const out = renderMarkdown(b);
    expect(out).not.toContain('@everyone');
    expect(out).not.toContain('[click](');
    expect(out).not.toContain('**bold**');
    expect(out).not.toContain('<b>');
  });
  it('links only http(s) sources', () => {
    const b = sampleBriefing({ sources: [] });
    b.developments[0]!.sources = [{ name: 'Good', url: 'https://example.test/a' }, { name: 'Bad', url: 'javascript:alert(1)' }];
    const out = renderMarkdown(b);
    expect(out).toContain('[Good](<https://example.test/a>)');
    expect(out).not.toContain('javascript:');
  });
  it('stays within its limit', () => {
    expect(renderMarkdown(hugeBriefing(), { limit: 3000 }).length).toBeLessThanOrEqual(3000);
  });
});

describe('speaker attribution', () => {
  it('names the speaker only when the text does not', async () => {
    const { missingSpeaker } = await import('../../src/render/attribution.js');
    expect(missingSpeaker('He said Kyiv was ready for a ceasefire.', 'Andrii Sybiha')).toBe('Andrii Sybiha');
    expect(missingSpeaker('Putin said Russia would work on a memorandum.', 'Vladimir Putin')).toBeUndefined();
    expect(missingSpeaker('No speaker here.', undefined)).toBeUndefined();
    const b = sampleBriefing();
    b.developments[0] = { ...b.developments[0]!, text: 'He said Kyiv was ready.', speaker: 'Andrii Sybiha' };
    expect(renderText(b)).toContain('He said Kyiv was ready. (Andrii Sybiha)');
  });
});

describe('date labels', () => {
  it('formats UTC without Intl exactly as Intl does (the fast path a one-shot command takes)', () => {
    const viaIntl = (iso: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
          .formatToParts(new Date(iso))
          .map((x) => [x.type, x.value]),
      );
      return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} UTC`;
    };
    const instants = ['2025-05-19T00:00:00Z', '2025-05-19T23:59:59.999Z', '2024-02-29T12:05:00Z', '1999-12-31T23:59:00Z', '2025-05-20T07:00:00+03:00', '2038-01-19T03:14:08Z'];
    for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 7_919_999_937) instants.push(new Date(ms).toISOString());
    for (const iso of instants) expect(formatMoment(iso)).toBe(viaIntl(iso).replace('Sept', 'Sep'));
    expect(formatDay('2025-05-19')).toBe('19 May 2025');
    expect(formatMoment('2025-05-19T22:30:00Z', 'Europe/Kyiv')).toBe('20 May 2025, 01:30 Europe/Kyiv');
  });
});
