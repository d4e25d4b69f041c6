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
  it("numbers another article of the same outlet as a source of its own: a question line's older report is not the bullets' article", () => {
    const base = sampleBriefing();
    const dev = { ...base.developments[0]!, sources: [{ name: 'whitehouse.gov', url: 'https://whitehouse.gov/2022/12/11/readout' }] };
    const q = { ...base.questions[0]!, summarySource: { name: 'whitehouse.gov', url: 'https://whitehouse.gov/2022/03/16/statement' } };
    const out = renderText({ ...base, developments: [dev], questions: [q, ...base.questions.slice(1)], watch: [] });
    expect(out).toContain('[1] whitehouse.gov <https://whitehouse.gov/2022/12/11/readout>');
    expect(out).toContain('[2] whitehouse.gov <https://whitehouse.gov/2022/03/16/statement>');
  });
  it('says "No new developments since" for an empty window', () => {
    const out = renderText(sampleBriefing({ developments: [], sources: [] }));
    expect(out).toContain('No new developments since 19 May 2025, 07:00 UTC');
    expect(out).toContain('CONTESTED');
  });
  it('dates the latest developments shown for an empty window, which may be weeks old: in the notice when of one day, each when of several', () => {
    const fallback = { from: '2025-06-01T07:00:00.000Z', to: '2025-06-02T07:00:00.000Z', fallback: true };
    const one = renderText(sampleBriefing({ window: fallback }));
    expect(one).toContain('Nothing new since 1 Jun 2025, 07:00 UTC; the latest developments are from 19 May 2025.');
    const base = sampleBriefing({ window: fallback });
    const first = base.developments[0]!;
    const several = renderText({ ...base, developments: [first, { ...first, eventId: 'older', text: 'Putin offered talks in Istanbul.', occurredAt: '2025-05-11' }] });
    expect(several).toContain('these are the latest developments.');
    const section = several.slice(several.indexOf('WHAT HAPPENED'), several.indexOf('OPEN QUESTIONS'));
    const bullets = section.split('\n').filter((l) => l.startsWith('• '));
    expect(bullets.length).toBeGreaterThan(0);
    for (const line of bullets) expect(line).toMatch(/^• \d{1,2} [A-Z][a-z]{2} \d{4}: /);
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
    // Another spelling of the surname names the speaker too.
    expect(missingSpeaker('On Tuesday, Zelensky denounced the threats.', 'Volodymyr Zelenskyy')).toBeUndefined();
    expect(missingSpeaker('The dance went on.', 'JD Vance')).toBe('JD Vance');
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

describe("a question line whose report is newer than the question's status", () => {
  it('says the day of the report next to the day the status last changed, in text and markdown', () => {
    const b = sampleBriefing();
    const q = b.questions[2]!;
    Object.assign(q, { status: 'moved', lastChangedAt: '2025-05-19T18:00:00Z', changedInWindow: false, summary: 'Zelenskyy signed a declaration with Macron and Starmer in Paris.', summaryAt: '2026-01-06T15:00:00Z' });
    expect(renderText(b)).toContain("Ukraine's response: MOVED since 19 May 2025, latest 6 Jan 2026 — Zelenskyy signed");
    expect(renderMarkdown(b)).toContain('since 19 May 2025, latest 6 Jan 2026: Zelenskyy signed');
  });
});

describe('a question line that repeats a development bullet', () => {
  // The question's evidence is the second bullet's fact: the reader meets the sentence once, as the bullet.
  const repeating = (): Briefing => {
    const b = sampleBriefing();
    const first = b.developments[0]!;
    const second = { ...first, text: 'Zelenskyy proposed a five-party meeting in Turkey, the Vatican or Switzerland.', eventId: 'e2', factIds: ['f7'], sources: [{ name: 'Report C' }] };
    b.developments = [first, second];
    const q = b.questions[2]!;
    Object.assign(q, { summary: second.text, summaryEventId: 'e2', summaryFactId: 'f7', summarySource: { name: 'Report C' }, summaryAt: '2025-05-19T18:00:00Z' });
    return b;
  };

  it('points to the bullet in text and markdown, naming it by its place', () => {
    for (const out of [renderText(repeating()), renderMarkdown(repeating())]) {
      expect(out).toContain('The same report as the second development, above.');
      expect(out.split('five-party meeting in Turkey').length - 1).toBe(1);
    }
  });

  it('points to a bullet that reports the same thing in another article (alsoReportedIn) in nearly the same words', () => {
    const b = repeating();
    const q = b.questions[2]!;
    Object.assign(q, { summary: 'On Monday Zelenskyy proposed a five-party meeting in Turkey, the Vatican or Switzerland.', summaryEventId: 'e9', summaryFactId: 'f1' });
    b.developments[1]!.alsoReportedIn = ['e9#f1'];
    expect(renderText(b)).toContain("Ukraine's response: MOVED since 19 May 2025 — The same report as the second development, above.");
  });

  it('keeps a line that says more than the bullet of its fact (an author\'s signal note)', () => {
    const b = repeating();
    Object.assign(b.questions[2]!, { summary: 'Zelenskyy asked Trump to decide nothing "without us" and proposed a five-party meeting in Turkey, the Vatican or Switzerland.' });
    const out = renderText(b);
    expect(out).toContain('decide nothing "without us"');
    expect(out).not.toContain('development, above');
  });

  it('in markdown, whose section budgets can leave bullets out, points only to a drawn bullet, by its place among those drawn', () => {
    const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
    for (const target of [1, 4, 9]) {
      const b = sampleBriefing();
      const base = b.developments[0]!;
      b.developments = Array.from({ length: 12 }, (_, i) => ({ ...base, text: `Bullet ${i} ${'reports the talks in some detail. '.repeat(6).trim()}`, eventId: `e${i}`, factIds: ['f1'] }));
      const d = b.developments[target]!;
      Object.assign(b.questions[1]!, { summary: d.text, summaryEventId: d.eventId, summaryFactId: 'f1' });
      const out = renderMarkdown(b, { limit: 2000 });
      const drawn = out.split('\n').filter((l) => /^- Bullet \d+ /.test(l)).map((l) => l.slice(2, l.indexOf(' ', 9)));
      const pointer = /The same report as the (\w+) development, above\./.exec(out);
      if (pointer) expect(drawn[ordinals.indexOf(pointer[1] as string)]).toBe(`Bullet ${target}`);
      else expect(out).toContain(`: Bullet ${target} reports`);
      if (target === 1) expect(pointer?.[1]).toBe('second');
      if (target === 9) expect(pointer).toBeNull();
    }
  });

  it('shows the sentence in full when the bullet is not drawn, and in a briefing on that question', () => {
    const cut = repeating();
    cut.developments = cut.developments.slice(0, 1);
    expect(renderText(cut)).toContain('five-party meeting in Turkey');
    expect(renderText(cut)).not.toContain('development, above');
    const focus = repeating();
    focus.focus = 'ukraine-response';
    expect(renderText(focus)).not.toContain('development, above');
  });

  it('lets a bullet in that only fits because the line it repeats becomes a pointer', () => {
    const b = repeating();
    const long = `${'The delegations met for hours and agreed on several points of procedure. '.repeat(4).trim()}`;
    b.developments[1]!.text = long;
    Object.assign(b.questions[2]!, { summary: long });
    // Room for the line once, not twice: without the pointer the bullet would not fit.
    const limit = renderText({ ...b, developments: b.developments.slice(0, 1) }, { limit: 10_000 }).length + 80;
    const out = renderText(b, { limit });
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(out).toContain('The same report as the second development, above.');
    expect(out.split('several points of procedure').length - 1).toBe(4);
  });
});

describe('what to watch under a tight budget', () => {
  it('puts a reminder reported before the window after the bullets, and this window\'s own first', () => {
    const b = sampleBriefing();
    const bullet = (i: number) => ({ ...b.developments[0]!, text: `Development number ${i} names Istanbul, Geneva and ${'many places '.repeat(8).trim()}.`, eventId: `e${i}`, factIds: ['f1'] });
    b.developments = Array.from({ length: 8 }, (_, i) => bullet(i + 1));
    b.watch = [{ text: `An older deadline falls due next week, after ${'a long recital '.repeat(8).trim()}.`, eventId: 'old', due: '2025-05-25', earlier: true }];
    const tight = renderText(b, { limit: 1400 });
    expect(tight).toContain('Development number 5');
    expect(tight).not.toContain('An older deadline');
    delete b.watch[0]!.earlier;
    expect(renderText(b, { limit: 1400 })).toContain('An older deadline');
  });
});

describe('bullets past the top four', () => {
  it('are fitted by worth per character: a long fifth does not keep out a shorter sixth and seventh, and all are drawn in rank order', () => {
    const b = sampleBriefing();
    const base = b.developments[0]!;
    const dev = (i: number, text: string) => ({ ...base, text, eventId: `e${i}`, factIds: ['f1'] });
    const lead = [1, 2, 3, 4].map((i) => dev(i, `Lead development ${i} happened in Istanbul.`));
    const long = dev(5, `The fifth development ${'ran on at length about procedure and protocol '.repeat(3).trim()}.`);
    const sixth = dev(6, 'Sixth: envoys met in Geneva.');
    const seventh = dev(7, 'Seventh: a swap was agreed.');
    b.developments = [...lead, long, sixth, seventh];
    b.watch = [];
    // Exactly the room the long fifth takes (with its "+2 more" hint): rank order would fill it with that one bullet.
    const limit = renderText({ ...b, developments: [...lead, long], stats: { ...b.stats, developmentsOmitted: 2 } }, { limit: 10_000 }).length;
    const out = renderText(b, { limit });
    expect(out).not.toContain('The fifth development');
    expect(out).toContain('Sixth: envoys met in Geneva.');
    expect(out).toContain('Seventh: a swap was agreed.');
    expect(out.indexOf('Sixth')).toBeLessThan(out.indexOf('Seventh'));
    // With room for everything, everything in rank order.
    const all = renderText(b, { limit: 10_000 });
    expect(all.indexOf('The fifth development')).toBeLessThan(all.indexOf('Sixth'));
  });
});

describe('a headline that is the lead development itself', () => {
  // headlineFor takes the lead fact, less its full stop, when the record has no headline of its own.
  const leadAsHeadline = (): Briefing => {
    const b = sampleBriefing();
    const lead = b.developments[0]!;
    const second = { ...lead, text: 'Zelenskyy proposed a five-party meeting in Turkey, the Vatican or Switzerland.', eventId: 'e2', factIds: ['f7'], sources: [{ name: 'Report C' }] };
    b.developments = [lead, second];
    b.headline = lead.text.replace(/\.$/, '');
    return b;
  };

  it('is drawn once, as the headline with its sources, and the bullets start with the second', () => {
    for (const out of [renderText(leadAsHeadline()), renderMarkdown(leadAsHeadline())]) {
      expect(out.split('would begin ceasefire negotiations').length - 1).toBe(1);
      expect(out).toMatch(/negotiations "immediately"\.(?:\*\*)? \[1\]\[2\]|negotiations "immediately"\. \[1,2\]/);
      expect(out).toContain('five-party meeting');
    }
  });

  it('counts the places a question line points to from the first bullet under it', () => {
    const b = leadAsHeadline();
    const second = b.developments[1]!;
    Object.assign(b.questions[2]!, { summary: second.text, summaryEventId: 'e2', summaryFactId: 'f7' });
    expect(renderText(b)).toContain('The same report as the first development, above.');
    expect(renderMarkdown(b)).toContain('The same report as the first development, above.');
  });

  it('leaves a real headline (a title) and the lead bullet as they are', () => {
    const out = renderText(sampleBriefing());
    expect(out).toContain('Trump and Putin hold a two-hour call and say ceasefire talks will start immediately\n');
    expect(out).toContain('• After a two-hour phone call');
  });
});
