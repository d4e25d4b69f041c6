import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean-text.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { sampleStory } from '../helpers/fixtures.js';

const FILE = join(import.meta.dirname, 'fixtures', 'wire-dateline.txt');

describe('a wire story with a dateline, unfamiliar names and a footer (bundled story definition)', () => {
  it('keeps the news, drops the dateline from facts, attributes quotes to titled names, and tags questions', async () => {
    const run = await ingestInputs([FILE], { story: sampleStory(), now: new Date('2025-06-04T00:00:00Z'), published: '2025-06-03T15:00:00Z', sourceName: 'Wire', dryRun: true });
    expect(run.records).toHaveLength(1);
    const rec = run.records[0]!;
    expect(rec.occurredAt.startsWith('2025-06-03')).toBe(true);
    const json = JSON.stringify(rec);
    for (const chrome of ['Share this article', 'Copyright', 'Associated Press. All rights', 'Markets rally', 'Related Stories']) expect(json).not.toContain(chrome);
    expect(rec.facts[0]?.text.startsWith('Ukraine on Tuesday rejected')).toBe(true);
    const cleaned = cleanArticleText(readFileSync(FILE, 'utf8'));
    for (const f of rec.facts) if (f.offset) expect(cleaned.slice(f.offset.start, f.offset.end)).toBe(f.text);
    const quote = rec.facts.find((f) => f.text.includes('We will not give up our land'));
    expect(quote?.speaker).toBe('Andrii Sybiha');
    expect(quote?.quote).toBe(true);
    expect(rec.facts.find((f) => f.text.startsWith('He said Ukraine was ready'))?.speaker).toBe('Andrii Sybiha');
    expect(rec.facts.find((f) => f.text.includes('Peskov'))?.speaker).toBe('Dmitry Peskov');
    const tagged = new Set(rec.facts.flatMap((f) => f.questions ?? []));
    for (const q of ['territory', 'security-guarantees', 'ukraine-response']) expect(tagged.has(q)).toBe(true);
    expect(rec.facts.some((f) => f.watch && /prisoner exchange/.test(f.text))).toBe(true);
  });
});
